import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";

// Cal.com's ConnectedCalendarsOutput. No calendar integrations exist in this deployment, so every user has no
// connected calendar, and Cal.com's getConnectedDestinationCalendarsAndEnsureDefaultsInDb then answers
// `destinationCalendar: {}` (its null destination spread with an undefined one).
export const ConnectedCalendarsSchema = z.object({
  connectedCalendars: z.array(z.looseObject({ integration: z.looseObject({}), credentialId: z.number() })),
  destinationCalendar: z.looseObject({}),
});

export const ConnectedCalendarsOutputSchema = successOf(ConnectedCalendarsSchema).openapi("ConnectedCalendarsOutput");

export type ConnectedCalendars = z.infer<typeof ConnectedCalendarsSchema>;

/** Every caller's connected calendars: none (see above). */
export function connectedCalendars(): ConnectedCalendars {
  return { connectedCalendars: [], destinationCalendar: {} };
}
