import { z } from "@hono/zod-openapi";
import { ApiError, badRequest } from "../../errors";
import { OUT_OF_BOUNDS_MESSAGE } from "../availability";
import { instantMeetingNeedsTeam, OVERLAP_MESSAGE, SEATS_FULL_MESSAGE } from "../errors";
import type { Actor } from "../../auth/principal";
import type { Deps } from "../../services";
import { cancelBooking } from "../cancel";
import { createBooking, type CreateBookingInput, type CreateBookingResult } from "../create";
import { rescheduleBooking } from "../reschedule";
import type { BookingLocationInput } from "../locations";
import type { BookingRecord } from "../store";

// The legacy (2024-04-15, 2024-06-11, 2024-06-14) booking wire format: Cal.com's BookingsController_2024_04_15
// passes the web app's booking form body to handleNewBooking and returns its result as is. Only the format
// lives here; the booking logic is src/bookings' services.

const LegacyLocationSchema = z.union([z.string(), z.looseObject({ value: z.string(), optionValue: z.string().optional() })]);

const LegacyResponsesSchema = z.looseObject({
  // Optional when rescheduling: the Booker then sends only the answers it shows (the attendees stay).
  name: z.union([z.string().min(1), z.looseObject({ firstName: z.string(), lastName: z.string().optional() })]).optional(),
  email: z.string().email().optional(),
  guests: z.array(z.string()).optional(),
  location: LegacyLocationSchema.optional(),
  notes: z.string().optional(),
  attendeePhoneNumber: z.string().optional(),
  rescheduleReason: z.string().optional(),
});

export const LegacyCreateBookingBodySchema = z
  .looseObject({
    start: z.string().datetime({ offset: true }),
    end: z.string().datetime({ offset: true }).optional(),
    eventTypeId: z.coerce.number().int(),
    eventTypeSlug: z.string().optional(),
    timeZone: z.string().min(1),
    language: z.string().default("en"),
    metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    responses: LegacyResponsesSchema,
    rescheduleUid: z.string().optional(),
    rescheduledBy: z.string().optional(),
    recurringEventId: z.string().optional(),
    recurringCount: z.number().int().positive().optional(),
    seatReferenceUid: z.string().optional(),
    orgSlug: z.string().optional(),
    locationUrl: z.string().optional(),
    user: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.rescheduleUid) return;
    for (const field of ["name", "email"] as const) {
      if (body.responses[field] === undefined) {
        ctx.addIssue({ code: "custom", path: ["responses", field], message: `Invalid input: expected ${field}, received undefined` });
      }
    }
  })
  .openapi("CreateBookingInput_2024_04_15");
export type LegacyCreateBookingBody = z.infer<typeof LegacyCreateBookingBodySchema>;

// handleCancelBooking's answer.
export const LegacyCancelOutputSchema = z
  .object({
    status: z.literal("success"),
    data: z.object({
      success: z.boolean(),
      message: z.string(),
      bookingId: z.number(),
      bookingUid: z.string(),
      onlyRemovedAttendee: z.boolean(),
      isPlatformManagedUserBooking: z.boolean(),
    }),
  })
  .openapi("CancelBookingOutput_2024_04_15");

export const LegacyCancelBookingBodySchema = z
  .looseObject({
    uid: z.string().optional(),
    id: z.number().int().optional(),
    cancellationReason: z.string().optional(),
    seatReferenceUid: z.string().optional(),
  })
  .openapi("CancelBookingInput_2024_04_15");

// The booking form's location answer ({value, optionValue}) back to the services' location kinds.
const INTEGRATION_NAMES: Record<string, string> = { "integrations:daily": "cal-video", "integrations:google:meet": "google-meet" };

export function legacyLocation(location: z.infer<typeof LegacyLocationSchema> | undefined): BookingLocationInput | undefined {
  if (location === undefined) return undefined;
  if (typeof location === "string") return location || undefined;
  const { value, optionValue = "" } = location;
  if (value.startsWith("integrations:")) {
    return { type: "integration", integration: INTEGRATION_NAMES[value] ?? value.slice("integrations:".length).replace(/_/g, "-") };
  }
  switch (value) {
    case "inPerson":
      return { type: "address" };
    case "link":
      return optionValue ? optionValue : { type: "link" };
    case "userPhone":
      return { type: "phone" };
    case "conferencing":
      return { type: "organizersDefaultApp" };
    case "attendeeInPerson":
      return { type: "attendeeAddress", address: optionValue };
    case "phone":
      return { type: "attendeePhone", phone: optionValue };
    case "somewhereElse":
      return { type: "attendeeDefined", location: optionValue };
    default:
      return optionValue || value;
  }
}

const SYSTEM_RESPONSES = new Set(["name", "email", "guests", "location", "attendeePhoneNumber", "rescheduleReason"]);

export function legacyAttendeeName(name: LegacyCreateBookingBody["responses"]["name"]): string {
  if (name === undefined) return "";
  return typeof name === "string" ? name : [name.firstName, name.lastName].filter(Boolean).join(" ");
}

export function legacyCreateInput(body: LegacyCreateBookingBody, reservationUid: string | undefined): CreateBookingInput {
  const { responses } = body;
  const answers = Object.fromEntries(Object.entries(responses).filter(([key]) => !SYSTEM_RESPONSES.has(key)));
  return {
    eventType: { eventTypeId: body.eventTypeId },
    start: Date.parse(body.start),
    attendee: {
      name: legacyAttendeeName(responses.name),
      email: responses.email,
      timeZone: body.timeZone,
      language: body.language,
      phoneNumber: responses.attendeePhoneNumber || undefined,
    },
    guests: responses.guests,
    location: legacyLocation(responses.location),
    bookingFieldsResponses: answers,
    metadata: body.metadata,
    recurrenceCount: body.recurringCount,
    reservationUid,
    ignoreReservations: true,
  };
}

/**
 * Cal.com's legacy controller answers with the core's raw error codes (packages/lib/errorCodes.ts) as a 400.
 * The services speak the 2024-08-13 controller's words; this translates them.
 */
export function toLegacyError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const { message } = error;
  if (message === OVERLAP_MESSAGE || message.startsWith("Someone else reserved this slot")) return badRequest("no_available_users_found_error");
  if (message === SEATS_FULL_MESSAGE) return badRequest("booking_seats_full_error");
  if (message === OUT_OF_BOUNDS_MESSAGE) return badRequest("booking_time_out_of_bounds_error");
  if (message.includes("maximum number of active bookings")) return badRequest("booker_limit_exceeded_error");
  if (message.includes("already signed up for this seated booking")) return badRequest("already_signed_up_for_this_booking_error");
  if (message.startsWith("Instant bookings are only supported")) return instantMeetingNeedsTeam();
  if (/^Event type with (id|slug)/.test(message)) return badRequest("event_type_not_found_error");
  if (/^Booking with uid=\S+ (was )?not found/.test(message)) return badRequest("booking_not_found_error");
  if (message.includes("because it has been cancelled already")) return badRequest("This booking has already been cancelled.");
  if (message.startsWith("Can't reschedule booking") && message.includes("cancelled")) return badRequest("cancelled_bookings_cannot_be_rescheduled");
  return error;
}

export async function legacyErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toLegacyError(error);
  }
}

/** The booking as Cal.com's core returns it (a Prisma Booking row with its user, attendees and references). */
export function coreBooking(booking: BookingRecord) {
  const user = booking.user;
  return {
    id: booking.id,
    uid: booking.uid,
    idempotencyKey: null,
    userId: booking.userId,
    userPrimaryEmail: user?.email ?? null,
    eventTypeId: booking.eventTypeId,
    title: booking.title,
    description: booking.description,
    customInputs: {},
    responses: booking.responses ?? {},
    startTime: booking.startTime.toISOString(),
    endTime: booking.endTime.toISOString(),
    location: booking.location,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt?.toISOString() ?? null,
    status: booking.status.toUpperCase(),
    paid: false,
    destinationCalendarId: null,
    cancellationReason: booking.cancellationReason,
    rejectionReason: booking.rejectionReason,
    reassignReason: null,
    reassignById: null,
    dynamicEventSlugRef: null,
    dynamicGroupSlugRef: null,
    rescheduled: booking.rescheduled,
    fromReschedule: booking.fromReschedule,
    recurringEventId: booking.recurringEventId,
    smsReminderNumber: null,
    scheduledJobs: [],
    metadata: booking.metadata ?? {},
    isRecorded: false,
    iCalUID: booking.iCalUID,
    iCalSequence: booking.iCalSequence,
    rating: null,
    ratingFeedback: null,
    noShowHost: booking.noShowHost,
    oneTimePassword: null,
    cancelledBy: booking.cancelledBy,
    rescheduledBy: booking.rescheduledBy,
    creationSource: "API_V2",
    // handleNewBooking hides the host's email in its answer.
    user: user
      ? { id: user.id, name: user.name, username: user.username, email: null, timeZone: user.timeZone, locale: user.locale, timeFormat: user.timeFormat }
      : null,
    attendees: booking.attendees.map((a) => ({
      id: a.id,
      email: a.email,
      name: a.name,
      timeZone: a.timeZone,
      locale: a.locale,
      phoneNumber: a.phoneNumber,
      bookingId: booking.id,
      noShow: a.noShow ?? false,
    })),
    references: [],
  };
}

/** handleNewBooking's answer: the booking plus its payment and round-robin extras. */
export function newBookingResponse(booking: BookingRecord, seatReferenceUid?: string) {
  const videoCallUrl = typeof booking.metadata?.videoCallUrl === "string" ? booking.metadata.videoCallUrl : undefined;
  return {
    ...coreBooking(booking),
    paymentRequired: false,
    paymentUid: undefined,
    paymentId: undefined,
    luckyUsers: [] as number[],
    isDryRun: false,
    ...(seatReferenceUid ? { seatReferenceUid } : {}),
    ...(videoCallUrl ? { videoCallUrl } : {}),
  };
}

/** The created bookings (a recurring event type gives several), each in handleNewBooking's shape. */
export function createdBookings(result: CreateBookingResult) {
  switch (result.kind) {
    case "regular":
      return [newBookingResponse(result.booking)];
    case "seated":
      return [newBookingResponse(result.booking, result.seatUid)];
    case "recurring":
      return result.bookings.map((b) => newBookingResponse(b));
    case "recurringSeated":
      return result.bookings.map((b) => newBookingResponse(b.booking, b.seatUid));
  }
}

// Loose: Cal.com's legacy outputs are the core's objects, documented as such only in the atoms' types.
export const LegacyBookingDataSchema = z.looseObject({ id: z.number(), uid: z.string() }).openapi("CoreBooking");
export const LegacyBookingOutputSchema = z.object({ status: z.literal("success"), data: LegacyBookingDataSchema }).openapi("BookingOutput_2024_04_15");
export const LegacyBookingsOutputSchema = z
  .object({ status: z.literal("success"), data: z.array(LegacyBookingDataSchema) })
  .openapi("BookingsOutput_2024_04_15");

/**
 * POST /v2/bookings (legacy): a new booking, or with `rescheduleUid` that booking moved, in Cal.com's core
 * shape. `holdUid` is the booker's hold (its `uid` cookie), released with the booking.
 */
export function createOrRescheduleLegacy(deps: Deps, actor: Actor | undefined, input: { body: LegacyCreateBookingBody; holdUid: string | undefined }) {
  const { body } = input;
  return legacyErrors(async () => {
    if (body.rescheduleUid) {
      const moved = await rescheduleBooking(deps, actor, {
        uid: body.rescheduleUid,
        start: Date.parse(body.start),
        rescheduledBy: body.rescheduledBy,
        reschedulingReason: body.responses.rescheduleReason,
        seatUid: body.seatReferenceUid,
        ignoreReservations: true,
      });
      return newBookingResponse(moved.booking, moved.seatUid);
    }
    const created = await createBooking(deps, actor, legacyCreateInput(body, input.holdUid));
    // A recurring event type booked through this path: Cal.com answers with the first occurrence.
    return createdBookings(created)[0]!;
  });
}

/** POST /v2/bookings/{uid}/cancel (legacy): handleCancelBooking's answer. */
export async function cancelBookingLegacy(
  deps: Deps,
  actor: Actor | undefined,
  input: { uid: string; cancellationReason?: string; seatReferenceUid?: string },
): Promise<z.infer<typeof LegacyCancelOutputSchema>["data"]> {
  const lookup = await legacyErrors(() =>
    cancelBooking(deps, actor, { uid: input.uid, cancellationReason: input.cancellationReason, seatUid: input.seatReferenceUid }),
  );
  const booking = lookup.kind === "booking" ? lookup.booking : lookup.bookings[0]!;
  return {
    success: true,
    message: "Booking successfully cancelled.",
    bookingId: booking.id,
    bookingUid: booking.uid,
    onlyRemovedAttendee: Boolean(input.seatReferenceUid) && booking.status !== "cancelled",
    isPlatformManagedUserBooking: Boolean(booking.eventType?.oAuthClientId),
  };
}
