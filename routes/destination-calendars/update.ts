import { createRoute } from "@hono/zod-openapi";
import { updateDestinationCalendar } from "../../src/calendars/destination";
import { DestinationCalendarOutputSchema } from "../../src/calendars/output";
import { DestinationCalendarBody } from "../../src/calendars/schemas";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "put",
  path: "/v2/destination-calendars",
  operationId: "DestinationCalendarsController_updateDestinationCalendars",
  summary: "Update destination calendars",
  description: "Chooses the calendar new bookings are written to: a writable calendar listed by GET /v2/calendars (404 otherwise).",
  tags: ["Destination Calendars"],
  request: { body: { required: true, content: { "application/json": { schema: DestinationCalendarBody } } } },
  responses: {
    200: { description: "The destination calendar", content: { "application/json": { schema: DestinationCalendarOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updateDestinationCalendarOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateDestinationCalendar(c.var.deps, actorOf(c), c.req.valid("json"))), 200),
});
