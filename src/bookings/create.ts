import type { Prisma } from "../generated/prisma/client";
import { isTeamEventType, narrowToRoutedHosts } from "../event-types/scheduling";
import { badRequest, ApiError, conflict, unauthorized } from "../errors";
import { managedParentNotBookable, seatsFull } from "./errors";
import { dayNumberFromDateKey, dateKeyFromDayNumber } from "../slots/calendar-days";
import { localDateKey, zonedWallTimeToEpoch } from "../slots/format";
import { wallClockMsAt } from "../slots/zoned-time";
import { isBookingHostOrTeamAdmin, isOwnerOrOrgAdmin, newBookingUid } from "./access";
import { requireBookableOccurrences, requireBookableSlot } from "./availability";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { emitWebhookEvents } from "../webhooks/producer";
import { createBookingMeetings } from "../conferencing/meetings";
import { notifyBookingChanges } from "../workflows/reminders/booking-hooks";
import { writeBookingCalendarEvents } from "../calendars/booking-events/hooks";
import { organizerOf, resolveBookableEventType, type BookableEventType, type EventTypeIdentity } from "./event-type";
import { checkBookingFieldResponses, guestsDisabled } from "./fields";
import { resolveBookingLocation, type BookingLocationInput } from "./locations";
import { chooseBookingHosts, insertCoHosts, noHosts, type BookingHosts } from "./hosts";
import { withHostsLock, type Tx } from "./lock";
import { findBookingsByIds, type BookingRecord } from "./store";
import { bookingTitle } from "./title";
import { bookingEvent, bookingPayload } from "./webhooks";
import { linkRoutedBooking } from "../routing-forms/service";
import { requireLiveCalendarBusy } from "../calendars/availability";
import { insertPayment, planPayment, startCheckout } from "../stripe/payments";

/** A booking request, whatever API version it came from. */
export interface CreateBookingInput {
  eventType: EventTypeIdentity;
  /** Epoch ms (UTC). */
  start: number;
  lengthInMinutes?: number;
  attendee: { name: string; email?: string; timeZone: string; phoneNumber?: string; language?: string };
  guests?: string[];
  location?: BookingLocationInput;
  /** Answers to the event type's booking form, by field slug. */
  bookingFieldsResponses?: Record<string, unknown>;
  metadata?: Record<string, string | number | boolean>;
  /** Recurring event types: how many occurrences (at most the event type's count, which is the default). */
  recurrenceCount?: number;
  instant?: boolean;
  /** The booker's own slot reservation (GET/POST /v2/slots/reservations), which must not block them. */
  reservationUid?: string;
  /**
   * Holds do not block (the legacy controller: Cal.com's handleNewBooking checks bookings and calendars only, and
   * the atoms' hold is not sent with the booking: their requests carry no cookies).
   */
  ignoreReservations?: boolean;
  /** A routing form's response this booking was routed by (`routing.responseId`): linked to the booking. */
  routingFormResponseId?: number;
  /**
   * The team members a routing form chose (`routing.teamMemberIds`): a round-robin booking goes to one of them and
   * a slot only other hosts have is refused (narrowToRoutedHosts).
   */
  routedTeamMemberIds?: readonly number[];
}

export type CreateBookingResult =
  | { kind: "regular"; booking: BookingRecord }
  | { kind: "recurring"; bookings: BookingRecord[] }
  | { kind: "seated"; booking: BookingRecord; seatUid: string; showAttendees: boolean }
  | { kind: "recurringSeated"; bookings: { booking: BookingRecord; seatUid: string }[]; showAttendees: boolean };

function validateLength(eventType: BookableEventType, lengthInMinutes: number | undefined): number {
  if (lengthInMinutes === undefined) return eventType.rules.lengthMinutes;
  const options = eventType.lengthOptionsMinutes;
  if (options.length === 0) {
    throw badRequest(
      "Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.",
    );
  }
  if (!options.includes(lengthInMinutes)) {
    throw badRequest(`Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: ${options.join(", ")}`);
  }
  return lengthInMinutes;
}

// Cal.com (bookings.service.ts checkBookingRequiresAuthenticationSetting).
async function checkAuthenticationRequirement(deps: Deps, actor: Actor | undefined, eventType: BookableEventType) {
  if (!eventType.bookingRequiresAuthentication) return;
  if (!actor) {
    throw unauthorized(
      "checkBookingRequiresAuthentication - request must be authenticated by passing credentials belonging to event type owner, host or team or org admin or owner.",
    );
  }
  // A team event type's hosts and team admins qualify too.
  const teamMember =
    eventType.hosts.some((host) => host.userId === actor.userId) ||
    (await isBookingHostOrTeamAdmin(deps, actor, { userId: null, coHostIds: [], eventType: { teamId: eventType.teamId } }));
  if (!teamMember && !(await isOwnerOrOrgAdmin(deps.db, actor, organizerOf(eventType)))) {
    throw new ApiError(
      "ForbiddenException",
      "checkBookingRequiresAuthentication - user is not authorized to access this event type. User has to be either event type owner, host, team admin or owner or org admin or owner.",
    );
  }
}

/** Occurrence starts of a recurring booking, keeping the booker's local wall-clock time across DST changes. */
export function recurrenceStarts(start: number, timeZone: string, recurrence: NonNullable<BookableEventType["recurrence"]>, count: number): number[] {
  const wall = new Date(wallClockMsAt(start, timeZone));
  const minuteOfDay = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  const [year, month, day] = [wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()];
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    const step = recurrence.interval * i;
    let dateKey: string;
    if (recurrence.frequency === "weekly") {
      dateKey = dateKeyFromDayNumber(dayNumberFromDateKey(localDateKey(start, timeZone))! + 7 * step);
    } else {
      const targetYear = recurrence.frequency === "yearly" ? year + step : year + Math.floor((month + step) / 12);
      const targetMonth = recurrence.frequency === "yearly" ? month : (month + step) % 12;
      // Day 31 in a 30-day month becomes the 30th (luxon's plus({months}), which Cal.com uses).
      const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
      dateKey = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
    }
    // A wall time skipped by a DST change moves forward an hour.
    starts.push(zonedWallTimeToEpoch(dateKey, minuteOfDay, timeZone) ?? zonedWallTimeToEpoch(dateKey, minuteOfDay + 60, timeZone)!);
  }
  return starts;
}

interface PreparedBooking {
  eventType: BookableEventType;
  durationMinutes: number;
  starts: number[];
  status: "ACCEPTED" | "PENDING";
  /** The title names the organizer, who for round robin is known only under the hosts' locks. */
  titleFor: (hostName: string) => string;
  description: string | null;
  location: string | null;
  responses: Record<string, unknown>;
  metadata: Record<string, string | number | boolean>;
  attendee: { name: string; email: string; timeZone: string; locale: string; phoneNumber: string | null };
  guests: string[];
  recurringEventId: string | null;
}

function prepare(eventType: BookableEventType, input: CreateBookingInput, now: number): PreparedBooking {
  if (input.instant && !isTeamEventType(eventType)) {
    throw badRequest("Instant bookings are only supported for team event types, not individual user event types.");
  }
  const durationMinutes = validateLength(eventType, input.lengthInMinutes);
  const answers = input.bookingFieldsResponses ?? {};
  checkBookingFieldResponses(eventType.eventTypeId, eventType.bookingFields, answers);
  const email = input.attendee.email;
  if (!email) throw badRequest("attendee.email - the event type requires the attendee's email");

  let starts = [input.start];
  let recurringEventId: string | null = null;
  if (eventType.recurrence) {
    if (input.recurrenceCount !== undefined && input.recurrenceCount > eventType.recurrence.occurrences) {
      throw badRequest("Provided recurrence count is higher than the event type's recurring event count.");
    }
    starts = recurrenceStarts(input.start, input.attendee.timeZone, eventType.recurrence, input.recurrenceCount ?? eventType.recurrence.occurrences);
    recurringEventId = crypto.randomUUID();
  }

  const location = resolveBookingLocation(eventType, input.location);
  const guests = guestsDisabled(eventType.bookingFields)
    ? []
    : [...new Set((input.guests ?? []).map((g) => g.trim()).filter((g) => g && g.toLowerCase() !== email.toLowerCase()))];
  const responses: Record<string, unknown> = {
    ...answers,
    name: input.attendee.name,
    email,
    ...(input.attendee.phoneNumber ? { attendeePhoneNumber: input.attendee.phoneNumber } : {}),
    ...(guests.length ? { guests } : {}),
    ...(location.response ? { location: location.response } : {}),
  };
  const needsConfirmation =
    eventType.requiresConfirmation &&
    !eventType.rules.seatsPerTimeSlot &&
    (eventType.requiresConfirmationThresholdMs === null || input.start - now < eventType.requiresConfirmationThresholdMs);
  return {
    eventType,
    durationMinutes,
    starts,
    status: needsConfirmation ? "PENDING" : "ACCEPTED",
    titleFor: (hostName) =>
      bookingTitle({
        eventTypeTitle: eventType.title,
        eventName: eventType.eventName,
        hostName,
        attendeeName: input.attendee.name,
        location: location.location,
        responses,
      }),
    description: typeof answers.notes === "string" ? answers.notes : null,
    location: location.location,
    responses,
    metadata: input.metadata ?? {},
    attendee: {
      name: input.attendee.name,
      email,
      timeZone: input.attendee.timeZone,
      locale: input.attendee.language ?? "en",
      phoneNumber: input.attendee.phoneNumber ?? null,
    },
    guests,
    recurringEventId,
  };
}

// Cal.com's maxActiveBookingsPerBooker: upcoming bookings of this event type that list the booker's email.
async function checkBookerLimit(tx: Tx, prepared: PreparedBooking, now: number) {
  const limit = prepared.eventType.maxActiveBookingsPerBooker;
  if (!limit) return;
  const [row] = await tx.$queryRaw<{ active: number }[]>`
    SELECT count(DISTINCT b."id")::int AS active
    FROM "Booking" b JOIN "Attendee" a ON a."bookingId" = b."id"
    WHERE b."eventTypeId" = ${prepared.eventType.eventTypeId} AND b."status" IN ('accepted', 'pending')
      AND b."endTime" > ${new Date(now)} AND lower(a."email") = lower(${prepared.attendee.email})`;
  if ((row?.active ?? 0) + prepared.starts.length > limit) {
    throw badRequest("Attendee with this email can't book because the maximum number of active bookings has been reached.");
  }
}

/** The booking row and its attendees (booker, then guests) in ONE statement: it runs under the host's lock. */
async function insertBooking(tx: Tx, prepared: PreparedBooking, hosts: BookingHosts, start: number, withGuests: boolean): Promise<{ id: number; uid: string }> {
  const uid = newBookingUid();
  const organizer = prepared.eventType.hostUsers.find((user) => user.id === hosts.organizerId) ?? organizerOf(prepared.eventType);
  const { attendee } = prepared;
  const attendees = [
    { email: attendee.email, name: attendee.name, timeZone: attendee.timeZone, locale: attendee.locale, phoneNumber: attendee.phoneNumber },
    ...(withGuests ? prepared.guests.map((email) => ({ email, name: "", timeZone: attendee.timeZone, locale: attendee.locale, phoneNumber: null })) : []),
  ];
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    WITH booking AS (
      INSERT INTO "Booking" ("uid", "userId", "eventTypeId", "title", "description", "startTime", "endTime", "location", "status",
                             "metadata", "responses", "recurringEventId", "iCalUID", "createdAt", "updatedAt")
      VALUES (${uid}, ${hosts.organizerId}, ${prepared.eventType.eventTypeId}, ${prepared.titleFor(organizer.name ?? "Nameless")}, ${prepared.description},
              ${new Date(start)}, ${new Date(start + prepared.durationMinutes * 60_000)}, ${prepared.location},
              ${prepared.status.toLowerCase()}::"BookingStatus", ${JSON.stringify(prepared.metadata)}::jsonb,
              ${JSON.stringify(prepared.responses)}::jsonb, ${prepared.recurringEventId}, ${`${uid}@Cal.com`}, now(), now())
      RETURNING "id"
    ), attendees AS (
      INSERT INTO "Attendee" ("email", "name", "timeZone", "locale", "phoneNumber", "bookingId")
      SELECT a."email", a."name", a."timeZone", a."locale", a."phoneNumber", booking."id"
      FROM booking, jsonb_to_recordset(${JSON.stringify(attendees)}::jsonb)
        AS a("email" text, "name" text, "timeZone" text, "locale" text, "phoneNumber" text)
    )
    SELECT "id" FROM booking`;
  // Co-hosts after the booking: the organizer's BookingHost row comes from the Booking trigger.
  await insertCoHosts(tx, row!.id, hosts.coHostIds);
  return { id: row!.id, uid };
}

/**
 * Seated event types: one booking per slot, one attendee and seat per booker. Joins the slot's booking or opens
 * it. The engine has already checked under the host lock that a seat is left; the count here is the last guard.
 */
async function takeSeat(tx: Tx, prepared: PreparedBooking, hosts: BookingHosts, start: number): Promise<{ id: number; seatUid: string }> {
  const seats = prepared.eventType.rules.seatsPerTimeSlot!;
  const [existing] = await tx.$queryRaw<{ id: number; attendees: number; alreadyIn: boolean }[]>`
    SELECT b."id", count(a."id")::int AS attendees, bool_or(lower(a."email") = lower(${prepared.attendee.email})) AS "alreadyIn"
    FROM "Booking" b LEFT JOIN "Attendee" a ON a."bookingId" = b."id"
    WHERE b."eventTypeId" = ${prepared.eventType.eventTypeId} AND b."startTime" = ${new Date(start)} AND b."status" = 'accepted'
    GROUP BY b."id" ORDER BY b."id" LIMIT 1`;
  let bookingId: number;
  if (existing) {
    if (existing.alreadyIn) throw conflict("Attendee with this email is already signed up for this seated booking.");
    if (existing.attendees >= seats) throw seatsFull();
    bookingId = existing.id;
  } else {
    bookingId = (await insertBooking(tx, { ...prepared, guests: [] }, hosts, start, false)).id;
  }
  const { attendee } = prepared;
  const attendeeRow = existing
    ? await tx.attendee.create({
        data: {
          bookingId,
          email: attendee.email,
          name: attendee.name,
          timeZone: attendee.timeZone,
          locale: attendee.locale,
          phoneNumber: attendee.phoneNumber,
        },
        select: { id: true },
      })
    : await tx.attendee.findFirstOrThrow({ where: { bookingId }, select: { id: true } });
  const seatUid = crypto.randomUUID();
  await tx.bookingSeat.create({
    data: {
      referenceUid: seatUid,
      bookingId,
      attendeeId: attendeeRow.id,
      data: { description: prepared.description ?? "", responses: prepared.responses } as Prisma.InputJsonValue,
      metadata: prepared.metadata,
    },
  });
  return { id: bookingId, seatUid };
}

/**
 * Creates a regular, recurring or seated booking (the event type decides). Under the host's lock, each slot is
 * checked with GET /v2/slots' engine through the transaction, then written; the database's no-overlap
 * constraint backs this up. The booker's reservation is released in the same transaction.
 */
export async function createBooking(deps: Deps, actor: Actor | undefined, input: CreateBookingInput): Promise<CreateBookingResult> {
  const eventType = narrowToRoutedHosts(await resolveBookableEventType(deps.db, input.eventType), input.routedTeamMemberIds);
  if (eventType.schedulingType === "MANAGED") throw managedParentNotBookable(eventType.eventTypeId);
  if (eventType.hostUsers.length === 0) throw noHosts(eventType.eventTypeId);
  await checkAuthenticationRequirement(deps, actor, eventType);
  const now = deps.now();
  // A paid event type (Cal.com's metadata.apps.stripe): the booking waits, PENDING, for its payment.
  const payment = await planPayment(deps, eventType);
  const prepared: PreparedBooking = { ...prepare(eventType, input, now), ...(payment ? { status: "PENDING" as const } : {}) };
  const seated = Boolean(eventType.rules.seatsPerTimeSlot);
  // The hosts' connected calendars, read live (a 409 when a needed host's cannot be read); checked under the lock.
  await requireLiveCalendarBusy(deps, eventType, { starts: prepared.starts, durationMinutes: prepared.durationMinutes });

  // Every host's calendar is checked and changed (the booking is written for the organizer).
  const hostUserIds = eventType.hosts.map((host) => host.userId);
  const created = await withHostsLock(deps.txDb, hostUserIds, async (tx) => {
    const request = {
      now,
      durationMinutes: prepared.durationMinutes,
      excludeReservationUid: input.reservationUid,
      ignoreReservations: input.ignoreReservations,
    };
    await requireBookableSlot(tx, eventType, { ...request, start: prepared.starts[0]! });
    if (prepared.starts.length > 1) await requireBookableOccurrences(tx, eventType, prepared.starts.slice(1), request);
    await checkBookerLimit(tx, prepared, now);
    const hosts = await chooseBookingHosts(tx, eventType, { ...request, starts: prepared.starts, durationMinutes: prepared.durationMinutes });
    const written: { id: number; seatUid?: string }[] = [];
    for (const start of prepared.starts) {
      written.push(seated ? await takeSeat(tx, prepared, hosts, start) : await insertBooking(tx, prepared, hosts, start, true));
    }
    if (input.reservationUid) await tx.$executeRaw`DELETE FROM "SelectedSlots" WHERE "uid" = ${input.reservationUid}`;
    const paymentRow = payment ? await insertPayment(tx, payment, written[0]!.id, now) : null;
    return { written, paymentRow };
  });

  const { paymentRow } = created;
  const found = await findBookingsByIds(
    deps.db,
    created.written.map((c) => c.id),
  );
  if (payment && paymentRow) await startCheckout(deps, { plan: payment, payment: paymentRow, booking: found[0]!, now });
  // Zoom / Cal Video meetings (src/conferencing/meetings.ts): the meeting URL becomes the booking's location.
  const records = seated ? found : await createBookingMeetings(deps, found);
  const byId = new Map(records.map((record) => [record.id, record]));
  const bookings = created.written.map((c) => ({ booking: byId.get(c.id)!, seatUid: c.seatUid }));
  if (input.routingFormResponseId !== undefined) {
    await linkRoutedBooking(deps, { responseId: input.routingFormResponseId, bookingUid: bookings[0]!.booking.uid, eventTypeId: eventType.eventTypeId });
  }

  await emitWebhookEvents(
    deps,
    bookings.map(({ booking, seatUid }) => {
      // Cal.com: a booking awaiting payment announces BOOKING_PAYMENT_INITIATED, not BOOKING_REQUESTED.
      const trigger = booking.status !== "pending" ? "BOOKING_CREATED" : paymentRow ? "BOOKING_PAYMENT_INITIATED" : "BOOKING_REQUESTED";
      if (paymentRow) return bookingEvent(trigger, booking, bookingPayload(booking, { paymentId: paymentRow.id }));
      if (!seatUid) return bookingEvent(trigger, booking, bookingPayload(booking));
      // A new seat: the payload names the seat and its holder only, as Cal.com's seat webhooks do.
      const holder = booking.attendees.filter((a) => a.seatUid === seatUid);
      return bookingEvent(trigger, booking, bookingPayload(booking, { attendeeSeatId: seatUid }, holder));
    }),
  );
  // Workflows: the new bookings' reminders (src/workflows/reminders/booking-hooks.ts).
  await notifyBookingChanges(deps, {
    kind: "created",
    bookingUids: [...new Set(bookings.map(({ booking }) => booking.uid))],
    eventTypeId: eventType.eventTypeId,
  });
  // The organizer's calendar event (src/calendars/booking-events/).
  await writeBookingCalendarEvents(deps, { kind: "created", bookingUids: [...new Set(bookings.map(({ booking }) => booking.uid))] });

  if (!seated) {
    return eventType.recurrence ? { kind: "recurring", bookings: bookings.map((b) => b.booking) } : { kind: "regular", booking: bookings[0]!.booking };
  }
  const showAttendees = eventType.seatsShowAttendees || (await isOwnerOrOrgAdmin(deps.db, actor, organizerOf(eventType)));
  if (bookings.length > 1) {
    return { kind: "recurringSeated", bookings: bookings.map(({ booking, seatUid }) => ({ booking, seatUid: seatUid! })), showAttendees };
  }
  return { kind: "seated", booking: bookings[0]!.booking, seatUid: bookings[0]!.seatUid!, showAttendees };
}
