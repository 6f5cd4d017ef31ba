import { z } from "@hono/zod-openapi";
import { SuccessOnlySchema, successOf } from "../http/common";

// Cal.com's ConnectedCalendarsOutput (src/calendars/connected.ts builds it). With nothing connected,
// getConnectedDestinationCalendarsAndEnsureDefaultsInDb answers `destinationCalendar: {}` (its null destination
// spread with an undefined one), which the atoms' Booker expects.
export const ConnectedCalendarsSchema = z.object({
  connectedCalendars: z.array(z.looseObject({ integration: z.looseObject({}), credentialId: z.number() })),
  destinationCalendar: z.looseObject({}),
});

export const ConnectedCalendarsOutputSchema = successOf(ConnectedCalendarsSchema).openapi("ConnectedCalendarsOutput");

export const BusyTimesOutputSchema = successOf(
  z.array(z.object({ start: z.string().openapi({ format: "date-time" }), end: z.string().openapi({ format: "date-time" }), source: z.string().nullable() })),
).openapi("GetBusyTimesOutput");

// The credential columns Cal.com renders (excludeAll): never the key.
const CalendarCredentialSchema = z.object({
  id: z.number(),
  type: z.string(),
  userId: z.number().nullable(),
  teamId: z.number().nullable(),
  appId: z.string().nullable(),
  invalid: z.boolean().nullable(),
});

export const CreateIcsFeedOutputSchema = successOf(CalendarCredentialSchema.openapi("CreateIcsFeedOutput")).openapi("CreateIcsFeedOutputResponseDto");
export const DeletedCalendarCredentialsOutputSchema = successOf(CalendarCredentialSchema.openapi("DeletedCalendarCredentialsOutputDto")).openapi(
  "DeletedCalendarCredentialsOutputResponseDto",
);

const SelectedCalendarSchema = z
  .object({ userId: z.number(), integration: z.string(), externalId: z.string(), credentialId: z.number().nullable() })
  .openapi("SelectedCalendarOutputDto");

// An already-selected calendar answers `{status}` without data (Cal.com's SelectedCalendarsController).
export const SelectedCalendarOutputSchema = z
  .object({ status: z.literal("success"), data: SelectedCalendarSchema.optional() })
  .openapi("SelectedCalendarOutputResponseDto");

export const DestinationCalendarOutputSchema = successOf(
  z
    .object({ userId: z.number(), integration: z.string(), externalId: z.string(), credentialId: z.number().nullable() })
    .openapi("DestinationCalendarsOutputDto"),
).openapi("DestinationCalendarsOutputResponseDto");

/** `{status: "success"}`: Apple credentials, connection checks. */
export const CalendarStatusOutputSchema = SuccessOnlySchema;
