import { createRoute } from "@hono/zod-openapi";
import { getConnectedCalendars } from "../../src/calendars/connected";
import { ConnectedCalendarsOutputSchema } from "../../src/calendars/output";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/calendars",
  operationId: "CalendarsController_getCalendars",
  summary: "Get all calendars",
  description:
    "The caller's connected calendars (one entry per calendar credential, with its calendars and whether each is selected for conflict " +
    "checking) and the destination calendar bookings are written to. As in Cal.com, reading repairs the destination calendar: it is " +
    "removed when nothing is connected (`destinationCalendar` is then `{}`) and set to the first connection's primary calendar when " +
    "missing or no longer listed. Cached for 10 seconds.",
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
  handler: async (c) => c.json(success(await getConnectedCalendars(c.var.deps, actorOf(c).userId)), 200),
});
