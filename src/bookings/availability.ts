import { Prisma } from "../generated/prisma/client";
import { hostOutOfOffice, hostUnavailable, seatsFull } from "./errors";
import { type BusyContext, loadOutOfOfficeContext } from "../availability/busy";
import { findBookableSlot, slotsForEventType, slotsFromBusyContext } from "../availability/service";
import { type ApiError, badRequest, conflict } from "../errors";
import type { EventTypeForSlots } from "../event-types/slots-loader";
import type { Slot } from "../slots/types";
import type { Tx } from "./lock";

// The availability check of every booking change: GET /v2/slots' engine (src/availability/service.ts), run
// inside the host-locked transaction so it sees every booking committed before it.

export const OUT_OF_BOUNDS_MESSAGE = `The event type can't be booked at the "start" time provided. This could be because it's too soon (violating the minimum booking notice) or too far in the future (outside the event's scheduling window). Try fetching available slots first using the GET /v2/slots endpoint and then make a booking with "start" time equal to one of the available slots: https://cal.com/docs/api-reference/v2/slots`;
export const PAST_MESSAGE = "Attempting to book a meeting in the past.";

export interface SlotRequest {
  start: number;
  durationMinutes?: number;
  now: number;
  excludeBookingUid?: string;
  excludeReservationUid?: string;
  /** Legacy bookings: Cal.com's handleNewBooking checks bookings, not holds. */
  ignoreReservations?: boolean;
}

/** The slot at `start`, or a 400/409 that says why it cannot be booked. */
export async function requireBookableSlot(tx: Tx, eventType: EventTypeForSlots, request: SlotRequest): Promise<Slot> {
  const slot = await findBookableSlot(tx, eventType, request.start, request);
  if (slot) return slot;
  throw await explainUnavailable(tx, eventType, request);
}

/**
 * Later occurrences of a recurring booking: one busy-time read for all of them. The booking window applies to the
 * first occurrence only (a weekly series would otherwise outrun any window), as in Cal.com.
 */
export async function requireBookableOccurrences(
  tx: Tx,
  eventType: EventTypeForSlots,
  starts: readonly number[],
  request: Omit<SlotRequest, "start">,
): Promise<Map<number, Slot>> {
  const byStart = new Map<number, Slot>();
  if (starts.length === 0) return byStart;
  const unbounded: EventTypeForSlots = { ...eventType, rules: { ...eventType.rules, bookingWindow: { type: "unlimited" } } };
  const slots = await slotsForEventType(tx, unbounded, {
    ...request,
    rangeStart: starts[0]!,
    rangeEnd: starts[starts.length - 1]! + 1,
  });
  for (const slot of slots) byStart.set(slot.start, slot);
  for (const start of starts) {
    if (!byStart.has(start)) throw await explainUnavailable(tx, unbounded, { ...request, start });
  }
  return byStart;
}

/**
 * Offered by the hosts' schedules alone (no bookings, no limits), with or without notice and booking window, and
 * with the hosts' out-of-office days when given.
 */
function offeredByRules(eventType: EventTypeForSlots, request: SlotRequest, withBounds: boolean, outOfOffice?: BusyContext): boolean {
  const unbooked: BusyContext = outOfOffice ?? { busy: [], busyByHost: new Map(), countedBookings: [], seatedBookings: [] };
  const slots = slotsFromBusyContext(
    {
      ...eventType,
      rules: {
        ...eventType.rules,
        bookingLimitsCount: null,
        bookingLimitsDuration: null,
        ...(withBounds ? {} : { minimumBookingNoticeMinutes: 0, bookingWindow: { type: "unlimited" as const } }),
      },
    },
    unbooked,
    { now: request.now, rangeStart: request.start, rangeEnd: request.start + 1, durationMinutes: request.durationMinutes },
  );
  return slots.some((slot) => slot.start === request.start);
}

/**
 * Why a slot is not bookable, in Cal.com's words: the past and the notice/window bounds are the caller's
 * mistake (400); a slot taken by a booking, a full seated slot, someone else's hold, a booking limit or time
 * outside the schedule conflicts with the host's calendar (409).
 */
async function explainUnavailable(tx: Tx, eventType: EventTypeForSlots, request: SlotRequest): Promise<ApiError> {
  if (request.start < request.now) return badRequest(PAST_MESSAGE);
  if (offeredByRules(eventType, request, false) && !offeredByRules(eventType, request, true)) {
    return badRequest(OUT_OF_BOUNDS_MESSAGE);
  }
  // A host out of office that day: Cal.com's 400 "no available users" (ensureAvailableUsers), not a conflict.
  const requestEnd = request.start + (request.durationMinutes ?? eventType.rules.lengthMinutes) * 60_000;
  const away = await loadOutOfOfficeContext(
    tx,
    eventType.hosts.map((host) => host.userId),
    request.start,
    requestEnd,
  );
  if (away.outOfOfficeByHost && offeredByRules(eventType, request, true) && !offeredByRules(eventType, request, true, away)) {
    return hostOutOfOffice(eventType.schedulingType === "COLLECTIVE");
  }
  const seats = eventType.rules.seatsPerTimeSlot;
  if (seats) {
    const [taken] = await tx.$queryRaw<{ attendees: number }[]>`
      SELECT count(a."id")::int AS attendees
      FROM "Booking" b JOIN "Attendee" a ON a."bookingId" = b."id"
      WHERE b."eventTypeId" = ${eventType.eventTypeId} AND b."startTime" = ${new Date(request.start)} AND b."status" = 'accepted'`;
    if ((taken?.attendees ?? 0) >= seats) return seatsFull();
  }
  const end = request.start + (request.durationMinutes ?? eventType.rules.lengthMinutes) * 60_000;
  const [hold] = await tx.$queryRaw<{ releaseAt: Date | string }[]>`
    SELECT s."releaseAt" FROM "SelectedSlots" s
    WHERE s."userId" = ANY(${eventType.hosts.map((host) => host.userId)}::int[]) AND s."releaseAt" > ${new Date(request.now)}
      AND s."slotUtcStartDate" < ${new Date(end)} AND s."slotUtcEndDate" > ${new Date(request.start)}
      AND s."uid" <> ${request.excludeReservationUid ?? ""}
      ${seats ? Prisma.sql`AND s."eventTypeId" <> ${eventType.eventTypeId}` : Prisma.empty}
    ORDER BY s."releaseAt" DESC LIMIT 1`;
  if (hold && !request.ignoreReservations) {
    const seconds = Math.max(1, Math.ceil((new Date(hold.releaseAt).getTime() - request.now) / 1000));
    return conflict(`Someone else reserved this slot before you. This slot will be freed up in ${seconds} seconds.`);
  }
  return hostUnavailable();
}
