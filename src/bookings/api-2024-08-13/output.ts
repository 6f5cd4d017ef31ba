import { PaginationMetaSchema } from "../../http/common";
import { z } from "@hono/zod-openapi";
import { LANGUAGES as LOCALES } from "./schemas";
import type { CreateBookingResult } from "../create";
import type { BookingLookup } from "../read";
import type { RescheduleResult } from "../reschedule";
import type { BookingAttendeeRecord, BookingRecord } from "../store";

// Cal.com's 2024-08-13 booking outputs (pt/bookings/2024-08-13/outputs/booking.output.ts; output.service.ts).

const BookingHostSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  displayEmail: z.string(),
  username: z.string(),
  timeZone: z.string(),
});

const BookingAttendeeSchema = z.object({
  name: z.string(),
  email: z.string(),
  displayEmail: z.string(),
  timeZone: z.string(),
  language: z.enum(LOCALES).optional(),
  absent: z.boolean(),
  phoneNumber: z.string().optional(),
});

const SeatedAttendeeSchema = BookingAttendeeSchema.extend({
  seatUid: z.string(),
  bookingFieldsResponses: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

const BookingCommon = {
  id: z.number(),
  uid: z.string(),
  title: z.string(),
  description: z.string(),
  hosts: z.array(BookingHostSchema),
  status: z.enum(["cancelled", "accepted", "rejected", "pending"]),
  cancellationReason: z.string().optional(),
  cancelledByEmail: z.string().optional(),
  reschedulingReason: z.string().optional(),
  rescheduledByEmail: z.string().optional(),
  rescheduledFromUid: z.string().optional(),
  rescheduledToUid: z.string().optional(),
  start: z.string(),
  end: z.string(),
  duration: z.number(),
  eventTypeId: z.number().openapi({ deprecated: true }),
  eventType: z.object({ id: z.number(), slug: z.string() }),
  meetingUrl: z.string().optional().openapi({ deprecated: true }),
  location: z.string(),
  absentHost: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  icsUid: z.string().optional(),
};

export const BookingOutputSchema = z
  .object({
    ...BookingCommon,
    attendees: z.array(BookingAttendeeSchema),
    guests: z.array(z.string()).optional(),
    bookingFieldsResponses: z.record(z.string(), z.unknown()),
  })
  .openapi("BookingOutput_2024_08_13");

export const RecurringBookingOutputSchema = BookingOutputSchema.extend({ recurringBookingUid: z.string() }).openapi("RecurringBookingOutput_2024_08_13");

export const SeatedBookingOutputSchema = z.object({ ...BookingCommon, attendees: z.array(SeatedAttendeeSchema) }).openapi("GetSeatedBookingOutput_2024_08_13");

export const RecurringSeatedBookingOutputSchema = SeatedBookingOutputSchema.extend({ recurringBookingUid: z.string() }).openapi(
  "GetRecurringSeatedBookingOutput_2024_08_13",
);

export const CreatedSeatedBookingOutputSchema = SeatedBookingOutputSchema.extend({ seatUid: z.string() }).openapi("CreateSeatedBookingOutput_2024_08_13");

export const CreatedRecurringSeatedBookingOutputSchema = RecurringSeatedBookingOutputSchema.extend({ seatUid: z.string() }).openapi(
  "CreateRecurringSeatedBookingOutput_2024_08_13",
);

export type BookingOutput = z.infer<typeof BookingOutputSchema>;
export type RecurringBookingOutput = z.infer<typeof RecurringBookingOutputSchema>;
export type SeatedBookingOutput = z.infer<typeof SeatedBookingOutputSchema>;
export type RecurringSeatedBookingOutput = z.infer<typeof RecurringSeatedBookingOutputSchema>;
export type AnyBookingOutput = BookingOutput | RecurringBookingOutput | SeatedBookingOutput | RecurringSeatedBookingOutput;

/** Any single booking, as GET /v2/bookings/{uid} may return it. */
export const AnyBookingOutputSchema = z.union([
  BookingOutputSchema,
  RecurringBookingOutputSchema,
  SeatedBookingOutputSchema,
  RecurringSeatedBookingOutputSchema,
]);

const LANGUAGES = new Set<string>(LOCALES);

// Managed users' emails carry their OAuth client id (alice+<clientId>@example.com); displayEmail drops it.
function displayEmail(email: string, oAuthClientId: string | null | undefined): string {
  return oAuthClientId ? email.replace(`+${oAuthClientId}@`, "@") : email;
}

function attendeeOutput(attendee: BookingAttendeeRecord, oAuthClientId: string | null | undefined) {
  return {
    name: attendee.name,
    email: attendee.email,
    displayEmail: displayEmail(attendee.email, oAuthClientId),
    timeZone: attendee.timeZone,
    ...(attendee.locale && LANGUAGES.has(attendee.locale) ? { language: attendee.locale as (typeof LOCALES)[number] } : {}),
    absent: !!attendee.noShow,
    ...(attendee.phoneNumber ? { phoneNumber: attendee.phoneNumber } : {}),
  };
}

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

function common(booking: BookingRecord) {
  const oAuthClientId = booking.eventType?.oAuthClientId;
  const { videoCallUrl, ...userMetadata } = booking.metadata ?? {};
  const location = text(videoCallUrl) ?? booking.location ?? "";
  const host = booking.user;
  // Fields left undefined are absent from the answer: c.json's JSON.stringify leaves them out. (Filtering them here
  // through Object.entries/fromEntries was a fifth of a bookings list's Worker CPU: `bench/profile.ts /v2/bookings`.)
  return {
    id: booking.id,
    uid: booking.uid,
    title: booking.title,
    description: booking.description ?? "",
    hosts: host
      ? [
          {
            id: host.id,
            name: host.name ?? "unknown",
            email: host.email,
            displayEmail: displayEmail(host.email, oAuthClientId),
            username: host.username ?? "unknown",
            timeZone: host.timeZone,
          },
        ]
      : [],
    status: (booking.status === "awaiting_host" ? "pending" : booking.status) as BookingOutput["status"],
    cancellationReason: booking.cancellationReason || undefined,
    cancelledByEmail: booking.cancelledBy || undefined,
    reschedulingReason: text(booking.responses?.rescheduledReason),
    rescheduledByEmail: booking.rescheduledBy || undefined,
    rescheduledFromUid: booking.fromReschedule || undefined,
    rescheduledToUid: booking.rescheduledToUid || undefined,
    start: booking.startTime.toISOString(),
    end: booking.endTime.toISOString(),
    duration: Math.round((booking.endTime.getTime() - booking.startTime.getTime()) / 60_000),
    eventTypeId: booking.eventTypeId ?? 0,
    eventType: { id: booking.eventType?.id ?? booking.eventTypeId ?? 0, slug: booking.eventType?.slug ?? "" },
    meetingUrl: location || undefined,
    location,
    absentHost: !!booking.noShowHost,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: (booking.updatedAt ?? booking.createdAt).toISOString(),
    metadata: userMetadata,
    icsUid: booking.iCalUID || undefined,
  };
}

export function bookingOutput(booking: BookingRecord): BookingOutput {
  const responses = booking.responses ?? {};
  const guests = Array.isArray(responses.guests) ? (responses.guests as string[]) : undefined;
  const oAuthClientId = booking.eventType?.oAuthClientId;
  return {
    ...common(booking),
    attendees: booking.attendees.map((a) => attendeeOutput(a, oAuthClientId)),
    ...(guests ? { guests } : {}),
    bookingFieldsResponses: responses,
  };
}

export function recurringBookingOutput(booking: BookingRecord): RecurringBookingOutput {
  return { ...bookingOutput(booking), recurringBookingUid: booking.recurringEventId ?? "" };
}

/**
 * Seated: each attendee with their seat and own answers (email removed, as Cal.com does). Attendees are shown only
 * when the event type shows them or the caller is its owner/admin; `ownSeatUid` keeps the caller's own seat.
 */
export function seatedBookingOutput(booking: BookingRecord, showAttendees: boolean, ownSeatUid?: string): SeatedBookingOutput {
  const oAuthClientId = booking.eventType?.oAuthClientId;
  const visible = showAttendees ? booking.attendees : booking.attendees.filter((a) => ownSeatUid && a.seatUid === ownSeatUid);
  return {
    ...common(booking),
    attendees: visible.map((attendee) => {
      const { email: _email, ...answers } = (attendee.seatData?.responses ?? {}) as Record<string, unknown>;
      return {
        ...attendeeOutput(attendee, oAuthClientId),
        seatUid: attendee.seatUid ?? "",
        bookingFieldsResponses: answers,
        metadata: attendee.seatMetadata ?? {},
      };
    }),
  };
}

export function recurringSeatedBookingOutput(booking: BookingRecord, showAttendees: boolean, ownSeatUid?: string): RecurringSeatedBookingOutput {
  return { ...seatedBookingOutput(booking, showAttendees, ownSeatUid), recurringBookingUid: booking.recurringEventId ?? "" };
}

/** The output kind Cal.com picks for a stored booking: recurring or not, seated or not. */
export function anyBookingOutput(booking: BookingRecord, showAttendees: boolean, ownSeatUid?: string): AnyBookingOutput {
  const seated = Boolean(booking.eventType?.seatsPerTimeSlot);
  if (booking.recurringEventId) {
    return seated ? recurringSeatedBookingOutput(booking, showAttendees, ownSeatUid) : recurringBookingOutput(booking);
  }
  return seated ? seatedBookingOutput(booking, showAttendees, ownSeatUid) : bookingOutput(booking);
}

const byStart = <T extends { start: string }>(outputs: T[]) => outputs.sort((a, b) => a.start.localeCompare(b.start));

/** GET /v2/bookings/{uid} and the operations that answer with the booking (cancel, confirm, decline, …). */
export function lookupOutput(lookup: BookingLookup): AnyBookingOutput | AnyBookingOutput[] {
  if (lookup.kind === "booking") return anyBookingOutput(lookup.booking, lookup.showAttendees);
  return byStart(lookup.bookings.map((booking) => anyBookingOutput(booking, lookup.showAttendees)));
}

/** POST /v2/bookings: one booking, the occurrences of a recurring one, or the booker's seat(s). */
export function createOutput(result: CreateBookingResult) {
  switch (result.kind) {
    case "regular":
      return bookingOutput(result.booking);
    case "recurring":
      return byStart(result.bookings.map(recurringBookingOutput));
    case "seated":
      return { ...seatedBookingOutput(result.booking, result.showAttendees, result.seatUid), seatUid: result.seatUid };
    case "recurringSeated":
      return byStart(result.bookings.map(({ booking, seatUid }) => ({ ...recurringSeatedBookingOutput(booking, result.showAttendees, seatUid), seatUid })));
  }
}

const success = <T extends z.ZodType>(data: T, name: string) => z.object({ status: z.literal("success"), data }).openapi(name);

export const GetBookingOutputSchema = success(z.union([AnyBookingOutputSchema, z.array(AnyBookingOutputSchema)]), "GetBookingOutput_2024_08_13");

export const CreateBookingOutputSchema = success(
  z.union([BookingOutputSchema, z.array(RecurringBookingOutputSchema), CreatedSeatedBookingOutputSchema, z.array(CreatedRecurringSeatedBookingOutputSchema)]),
  "CreateBookingOutput_2024_08_13",
);

export const GetBookingsOutputSchema = z
  .object({ status: z.literal("success"), data: z.array(AnyBookingOutputSchema), pagination: PaginationMetaSchema })
  .openapi("GetBookingsOutput_2024_08_13");

const BookingOrSeries = z.union([AnyBookingOutputSchema, z.array(AnyBookingOutputSchema)]);

export const CancelBookingOutputSchema = success(BookingOrSeries, "CancelBookingOutput_2024_08_13");
export const RescheduleBookingOutputSchema = success(
  z.union([BookingOutputSchema, RecurringBookingOutputSchema, CreatedSeatedBookingOutputSchema, CreatedRecurringSeatedBookingOutputSchema]),
  "RescheduleBookingOutput_2024_08_13",
);
export const MarkAbsentBookingOutputSchema = success(AnyBookingOutputSchema, "MarkAbsentBookingOutput_2024_08_13");
export const UpdateBookingLocationOutputSchema = success(BookingOrSeries, "UpdateBookingLocationOutput_2024_08_13");
export const AddGuestsOutputSchema = success(BookingOrSeries, "AddGuestsOutput_2024_08_13");
export const ReassignBookingOutputSchema = success(
  z.object({ bookingUid: z.string(), reassignedTo: z.object({ id: z.number(), name: z.string(), email: z.string() }) }),
  "ReassignBookingOutput_2024_08_13",
);
export const CalendarLinksOutputSchema = success(z.array(z.object({ label: z.string(), id: z.string(), link: z.string() })), "CalendarLinksOutput_2024_08_13");
export const BookingReferencesOutputSchema = success(
  z.array(z.object({ id: z.number(), type: z.string(), eventUid: z.string(), destinationCalendarId: z.string().nullable() })),
  "BookingReferencesOutput_2024_08_13",
);
export const GetBookingRecordingsOutputSchema = success(
  z.array(
    z.object({
      id: z.string(),
      roomName: z.string(),
      startTs: z.number(),
      status: z.string(),
      maxParticipants: z.number().optional(),
      duration: z.number(),
      shareToken: z.string(),
      downloadLink: z.string().nullable().optional(),
      error: z.string().nullable().optional(),
    }),
  ),
  "GetBookingRecordingsOutput",
);
export const GetBookingTranscriptsOutputSchema = success(z.array(z.string()), "GetBookingTranscriptsOutput");
export const GetBookingVideoSessionsOutputSchema = success(
  z.array(
    z.object({
      id: z.string(),
      room: z.string(),
      startTime: z.number(),
      duration: z.number(),
      ongoing: z.boolean(),
      maxParticipants: z.number(),
      participants: z.array(z.object({ userId: z.string().nullable(), userName: z.string().nullable(), joinTime: z.number(), duration: z.number() })),
    }),
  ),
  "GetBookingVideoSessionsOutput",
);

/** POST …/reschedule: the new booking, with the moved seat for seated ones. */
export function rescheduleOutput(result: RescheduleResult) {
  const { booking, seatUid, showAttendees } = result;
  if (!seatUid) return anyBookingOutput(booking, showAttendees) as BookingOutput | RecurringBookingOutput;
  const seated = booking.recurringEventId
    ? recurringSeatedBookingOutput(booking, showAttendees, seatUid)
    : seatedBookingOutput(booking, showAttendees, seatUid);
  return { ...seated, seatUid };
}
