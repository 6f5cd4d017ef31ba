import { createRoute } from "@hono/zod-openapi";
import { SelectedCalendarOutputSchema } from "../../src/calendars/output";
import { SelectedCalendarBody } from "../../src/calendars/schemas";
import { addSelectedCalendar } from "../../src/calendars/selected";
import { errorResponses } from "../../src/errors";
import { SUCCESS } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/selected-calendars",
  operationId: "SelectedCalendarsController_addSelectedCalendar",
  summary: "Add a selected calendar",
  description:
    "Checks one calendar of the caller's credential for conflicts. A calendar that is already selected answers `{status}` without data, as in Cal.com.",
  tags: ["Selected Calendars"],
  request: { body: { required: true, content: { "application/json": { schema: SelectedCalendarBody } } } },
  responses: {
    201: { description: "The selected calendar", content: { "application/json": { schema: SelectedCalendarOutputSchema } } },
    ...errorResponses(404),
  },
});

export const addSelectedCalendarOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const row = await addSelectedCalendar(c.var.deps, actorOf(c), c.req.valid("json"));
    return c.json(row ? { status: SUCCESS, data: row } : { status: SUCCESS }, 201);
  },
});
