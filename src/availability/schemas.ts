import { z } from "@hono/zod-openapi";
import { isIsoInstant } from "./query-window";

// Request and response shapes of the slots endpoints: 2024-09-04 (pt/slots/slots-2024-09-04) and the legacy
// ones the atoms call (pt/slots/slots-2024-04-15, v2/modules/slots/slots-2024-04-15).

const MAX_INT = 2_147_483_647;
const MINUTES_IN_A_YEAR = 525_600;
const isoString = (field: string) =>
  z
    .string()
    .max(64)
    .refine(isIsoInstant, { message: `${field} must be a valid ISO 8601 date string` });

// ---- 2024-09-04

export const ReserveSlotInputSchema = z
  .object({
    eventTypeId: z.number().int().positive().max(MAX_INT).openapi({ example: 1, description: "The event type whose slot is held." }),
    slotStart: isoString("slotStart").openapi({ example: "2024-09-04T09:00:00Z", description: "ISO 8601 start of the slot (UTC when it has no offset)." }),
    slotDuration: z.number().int().positive().max(MINUTES_IN_A_YEAR).optional().openapi({
      example: 30,
      description: "For event types with several lengths: one of them. Defaults to the event type's length.",
    }),
    reservationDuration: z.number().int().positive().max(MINUTES_IN_A_YEAR).optional().openapi({
      example: 5,
      description:
        "Minutes the hold lasts (default 5). Only with credentials of the event type's owner or of someone sharing a team or organization with them.",
    }),
  })
  .openapi("ReserveSlotInput_2024_09_04");

export const ReservationUidParamSchema = z.object({
  uid: z
    .string()
    .min(1)
    .max(255)
    .openapi({ param: { name: "uid", in: "path" }, example: "e84be5a3-4696-49e3-acc7-b2f3999c3b94" }),
});

const ReservedSlotFields = {
  eventTypeId: z.number().openapi({ example: 1 }),
  slotStart: z.string().openapi({ example: "2024-09-04T09:00:00.000Z" }),
  slotEnd: z.string().openapi({ example: "2024-09-04T10:00:00.000Z" }),
  slotDuration: z.number().openapi({ example: 60 }),
  reservationUid: z.string().openapi({ example: "e84be5a3-4696-49e3-acc7-b2f3999c3b94" }),
  reservationUntil: z.string().openapi({ example: "2024-09-04T08:55:00.000Z" }),
};

export const ReserveSlotOutputResponseSchema = z
  .object({
    status: z.literal("success"),
    data: z.object({ ...ReservedSlotFields, reservationDuration: z.number().openapi({ example: 5 }) }).openapi("ReserveSlotOutput_2024_09_04"),
  })
  .openapi("ReserveSlotOutputResponse_2024_09_04");

export const GetReservedSlotOutputSchema = z
  .object({
    status: z.literal("success"),
    data: z.object(ReservedSlotFields).nullable().openapi({ description: "null when there is no live reservation with this uid" }),
  })
  .openapi("GetReservedSlotOutput_2024_09_04");

export const DeleteReservedSlotOutputSchema = z.object({ status: z.literal("success") }).openapi("DeleteReservedSlotOutput_2024_09_04");

const SeatFields = {
  seatsBooked: z.number().optional(),
  seatsRemaining: z.number().optional(),
  seatsTotal: z.number().optional(),
  bookingUid: z.string().optional(),
};

export const GetSlotsOutputSchema = z
  .object({
    status: z.literal("success"),
    data: z.record(z.string().openapi({ example: "2050-09-05" }), z.array(z.object({ start: z.string(), end: z.string().optional(), ...SeatFields }))).openapi({
      description:
        "Local date (in `timeZone`) → that date's slots, in order. `end` only with `format=range`; seat counts only for seated event types. `{}` when nothing is available.",
      example: { "2050-09-05": [{ start: "2050-09-05T09:00:00.000+02:00" }, { start: "2050-09-05T10:00:00.000+02:00" }] },
    }),
  })
  .openapi("GetSlotsOutput_2024_09_04");

// ---- Legacy (2024-04-15, 2024-06-11, 2024-06-14, 2024-08-13)

// Query parameters Cal.com's legacy input declares; the ones that only steer routing forms or Cal.com's own
// caches are accepted and ignored, as are unknown ones (its ValidationPipe strips them).
export const GetAvailableSlotsQuerySchema = z.looseObject({
  startTime: isoString("startTime").openapi({ example: "2050-09-05T00:00:00.000Z", description: "Start of the window (ISO 8601)." }),
  endTime: isoString("endTime").openapi({ example: "2050-09-06T23:59:59.999Z", description: "End of the window (ISO 8601), taken as given." }),
  eventTypeId: z.string().max(12).optional().openapi({ example: "100" }),
  eventTypeSlug: z.string().max(255).optional().openapi({ description: "With `usernameList[]`: the event type's slug." }),
  "usernameList[]": z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ description: "The owner's username (with `eventTypeSlug`)." }),
  usernameList: z.union([z.string(), z.array(z.string())]).optional(),
  timeZone: z.string().max(64).optional().openapi({ example: "Europe/Rome", description: "Zone of the returned dates and times; UTC when absent." }),
  duration: z.string().max(12).optional().openapi({ description: "A length the event type offers, in minutes." }),
  rescheduleUid: z.string().max(255).optional().openapi({ description: "A booking being rescheduled: its own time stays available." }),
  orgSlug: z.string().max(255).optional(),
  slotFormat: z.string().max(16).optional().openapi({ description: "`time` (default) or `range`." }),
  isTeamEvent: z.string().max(8).optional(),
  teamId: z.string().max(12).optional(),
});

export const GetAvailableSlotsOutputSchema = z
  .object({
    status: z.literal("success"),
    data: z.object({
      slots: z.record(
        z.string(),
        z.array(
          z.object({
            time: z.string().optional(),
            startTime: z.string().optional(),
            endTime: z.string().optional(),
            attendees: z.number().optional(),
            bookingUid: z.string().optional(),
          }),
        ),
      ),
    }),
  })
  .openapi("GetAvailableSlotsOutput_2024_04_15");

export const LegacyReserveSlotInputSchema = z
  .object({
    eventTypeId: z.number().int().positive().max(MAX_INT).openapi({ example: 100 }),
    slotUtcStartDate: isoString("slotUtcStartDate").openapi({ example: "2050-09-05T09:00:00.000Z" }),
    slotUtcEndDate: isoString("slotUtcEndDate").openapi({ example: "2050-09-05T09:30:00.000Z" }),
    bookingUid: z.string().max(255).optional().openapi({ description: "Seated event types: the booking whose seat is held." }),
    _isDryRun: z.boolean().optional(),
  })
  .openapi("ReserveSlotInput_2024_04_15");

export const LegacyReserveSlotOutputSchema = z
  .object({ status: z.literal("success"), data: z.string().openapi({ description: "The hold's uid (also set as the `uid` cookie)." }) })
  .openapi("ReserveSlotOutput_2024_04_15");

export const RemoveSelectedSlotQuerySchema = z.object({
  uid: z.string().max(255).optional().openapi({ description: "The hold's uid; the `uid` cookie wins when both are sent." }),
});

export const RemoveSelectedSlotOutputSchema = z.object({ status: z.literal("success") }).openapi("RemoveSelectedSlotOutput_2024_04_15");
