import { createRoute } from "@hono/zod-openapi";
import { DeletedCalendarCredentialsOutputSchema } from "../../src/calendars/output";
import { CalendarParams, DisconnectBody } from "../../src/calendars/schemas";
import { disconnectCalendar } from "../../src/calendars/service";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/calendars/{calendar}/disconnect",
  operationId: "CalendarsController_deleteCalendarCredentials",
  summary: "Disconnect a calendar",
  description: "Deletes one of the caller's calendar credentials (`id` as listed by GET /v2/calendars), with its selected and destination calendars.",
  tags: ["Calendars"],
  request: { params: CalendarParams, body: { required: true, content: { "application/json": { schema: DisconnectBody } } } },
  responses: {
    200: { description: "The deleted credential", content: { "application/json": { schema: DeletedCalendarCredentialsOutputSchema } } },
    ...errorResponses(404),
  },
});

export const disconnectCalendarOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await disconnectCalendar(c.var.deps, actorOf(c), c.req.valid("param").calendar, c.req.valid("json").id)), 200),
});
