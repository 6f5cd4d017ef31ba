import { createRoute, z } from "@hono/zod-openapi";
import { defineOperation } from "../../src/operation";

// Cal.com's ConnectedCalendarsOutput. No calendar integrations exist in this deployment, so every user has no
// connected calendar, and Cal.com's getConnectedDestinationCalendarsAndEnsureDefaultsInDb then answers
// `destinationCalendar: {}` (its null destination spread with an undefined one).
export const ConnectedCalendarsOutputSchema = z
  .object({
    status: z.literal("success"),
    data: z.object({
      connectedCalendars: z.array(z.looseObject({ integration: z.looseObject({}), credentialId: z.number() })),
      destinationCalendar: z.looseObject({}),
    }),
  })
  .openapi("ConnectedCalendarsOutput");

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
  handler: (c) => c.json({ status: "success" as const, data: { connectedCalendars: [], destinationCalendar: {} } }, 200),
});
