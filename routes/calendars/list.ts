import { createRoute } from "@hono/zod-openapi";
import { ConnectedCalendarsOutputSchema, connectedCalendars } from "../../src/calendars/output";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/calendars",
  operationId: "CalendarsController_getCalendars",
  summary: "Get all calendars",
  description: "The caller's connected calendars and destination calendar. No calendar integrations are offered here, so the list is empty.",
  tags: ["Calendars"],
  responses: {
    200: { description: "Connected calendars", content: { "application/json": { schema: ConnectedCalendarsOutputSchema } } },
  },
});

export const listCalendarsOperation = defineOperation({
  route,
  // Cal.com's CalendarsController: every version, ApiAuthGuard with any method.
  versions: "all",
  auth: { allow: "any" },
  handler: (c) => c.json(success(connectedCalendars()), 200),
});
