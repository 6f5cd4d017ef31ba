import { createRoute } from "@hono/zod-openapi";
import { SelectedCalendarOutputSchema } from "../../src/calendars/output";
import { SelectedCalendarQuery } from "../../src/calendars/schemas";
import { removeSelectedCalendar } from "../../src/calendars/selected";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/selected-calendars",
  operationId: "SelectedCalendarsController_deleteSelectedCalendar",
  summary: "Delete a selected calendar",
  description: "Stops checking one of the caller's calendars for conflicts.",
  tags: ["Selected Calendars"],
  request: { query: SelectedCalendarQuery },
  responses: {
    200: { description: "The removed selected calendar", content: { "application/json": { schema: SelectedCalendarOutputSchema } } },
    ...errorResponses(404),
  },
});

export const removeSelectedCalendarOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await removeSelectedCalendar(c.var.deps, actorOf(c), c.req.valid("query"))), 200),
});
