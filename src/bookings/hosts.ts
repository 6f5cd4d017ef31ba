import { loadBusyContext } from "../availability/busy";
import { outOfOfficeZone, slotsFromBusyContext } from "../availability/service";
import { badRequest } from "../errors";
import type { EventTypeForSlots, EventTypeHost } from "../event-types/slots-loader";
import { hostUnavailable } from "./errors";
import type { Tx } from "./lock";
import { chooseLuckyUser, type LuckyUserHistory } from "./lucky-user";

// Who holds a booking of an event type: a personal event type's (or managed child's) owner; every host of a
// collective one; the fixed hosts and one lucky round-robin host of a round-robin one. The organizer (the
// booking's userId) is the first of them; the others are co-hosts, one BookingHost row each.

export interface BookingHosts {
  organizerId: number;
  coHostIds: number[];
}

export interface HostChoiceRequest {
  /** Every occurrence the hosts must be free for. */
  starts: readonly number[];
  durationMinutes: number;
  now: number;
  /** Rescheduling and reassigning: the booking being moved does not block its own hosts. */
  excludeBookingUid?: string;
  excludeReservationUid?: string;
  ignoreReservations?: boolean;
  /** Round robin: keep this host when it is free (rescheduleWithSameRoundRobinHost). */
  preferUserId?: number;
  /** Round robin: never pick these hosts (reassigning away from the current one). */
  excludeUserIds?: readonly number[];
}

/** A team event type without hosts cannot be booked (Cal.com fails deep in its booking handler). */
export const noHosts = (eventTypeId: number) => badRequest(`Event type with id=${eventTypeId} has no hosts to book.`);

/**
 * The hosts free at every start, by the same engine as GET /v2/slots run for each host alone (one busy-time read
 * for all). Booking bounds (notice, window) were checked on the event type already; only the hosts' own
 * schedules, bookings, holds and limits decide here.
 */
export async function freeHostIds(tx: Tx, eventType: EventTypeForSlots, request: HostChoiceRequest): Promise<Set<number>> {
  const first = Math.min(...request.starts);
  const last = Math.max(...request.starts);
  const rangeEnd = last + 1;
  const context = await loadBusyContext(tx, {
    hostUserIds: eventType.hosts.map((host) => host.userId),
    eventTypeId: eventType.eventTypeId,
    rangeStart: first,
    rangeEnd,
    now: request.now,
    limits: { count: eventType.rules.bookingLimitsCount, duration: eventType.rules.bookingLimitsDuration },
    excludeBookingUid: request.excludeBookingUid,
    excludeReservationUid: request.excludeReservationUid,
    ignoreReservations: request.ignoreReservations,
    seated: Boolean(eventType.rules.seatsPerTimeSlot),
  });
  const free = new Set<number>();
  // Each host alone, but away days as the team event takes them (whole local days).
  const zone = outOfOfficeZone(eventType);
  for (const host of eventType.hosts) {
    const alone: EventTypeForSlots = {
      ...eventType,
      schedulingType: null,
      hosts: [host],
      rules: { ...eventType.rules, bookingWindow: { type: "unlimited" }, minimumBookingNoticeMinutes: 0 },
    };
    const slots = slotsFromBusyContext(alone, context, {
      now: request.now,
      rangeStart: first,
      rangeEnd,
      durationMinutes: request.durationMinutes === eventType.rules.lengthMinutes ? undefined : request.durationMinutes,
      outOfOfficeZone: zone,
    });
    const starts = new Set(slots.map((slot) => slot.start));
    if (request.starts.every((start) => starts.has(start))) free.add(host.userId);
  }
  return free;
}

/** Each host's bookings of this event type made this UTC month (Cal.com's round-robin window), and the latest. */
export async function roundRobinHistory(tx: Tx, eventTypeId: number, userIds: readonly number[], now: number): Promise<Map<number, LuckyUserHistory>> {
  const date = new Date(now);
  const monthStart = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const rows = await tx.$queryRaw<{ userId: number; bookings: number; lastBookedAt: Date | string | null }[]>`
    SELECT bh."userId", count(*)::int AS bookings, max(b."createdAt") AS "lastBookedAt"
    FROM "BookingHost" bh JOIN "Booking" b ON b."id" = bh."bookingId"
    WHERE bh."userId" = ANY(${[...userIds]}::int[]) AND b."eventTypeId" = ${eventTypeId}
      AND b."status" NOT IN ('cancelled', 'rejected') AND b."createdAt" >= ${monthStart}
    GROUP BY bh."userId"`;
  return new Map(
    rows.map((row) => [row.userId, { bookings: row.bookings, lastBookedAt: row.lastBookedAt === null ? null : new Date(row.lastBookedAt).getTime() }]),
  );
}

const hostsOf = (organizer: number, others: readonly number[]): BookingHosts => ({
  organizerId: organizer,
  coHostIds: others.filter((id) => id !== organizer),
});

/**
 * The hosts of a new (or moved) booking, read under the locks of every host of the event type. The slot itself
 * has been checked (requireBookableSlot); a collective or fixed host that is busy, or no free round-robin host,
 * is the slot-taken 409 (Cal.com answers 500 for busy fixed hosts).
 */
export async function chooseBookingHosts(tx: Tx, eventType: EventTypeForSlots, request: HostChoiceRequest): Promise<BookingHosts> {
  const [first] = eventType.hosts;
  if (!first) throw noHosts(eventType.eventTypeId);
  if (eventType.schedulingType !== "COLLECTIVE" && eventType.schedulingType !== "ROUND_ROBIN") {
    return hostsOf(
      first.userId,
      eventType.hosts.slice(1).map((h) => h.userId),
    );
  }
  const free = await freeHostIds(tx, eventType, request);
  const fixed = eventType.hosts.filter((host) => eventType.schedulingType === "COLLECTIVE" || host.isFixed);
  if (fixed.some((host) => !free.has(host.userId))) throw hostUnavailable();
  if (eventType.schedulingType === "COLLECTIVE")
    return hostsOf(
      first.userId,
      fixed.map((h) => h.userId),
    );

  const excluded = new Set(request.excludeUserIds ?? []);
  const candidates = eventType.hosts.filter((host) => !host.isFixed && free.has(host.userId) && !excluded.has(host.userId));
  const rotating = eventType.hosts.some((host) => !host.isFixed);
  let lucky: EventTypeHost | undefined;
  if (rotating) {
    lucky = candidates.find((host) => host.userId === request.preferUserId);
    if (!lucky) {
      const history = await roundRobinHistory(
        tx,
        eventType.eventTypeId,
        candidates.map((host) => host.userId),
        request.now,
      );
      const chosen = chooseLuckyUser(candidates, history, { weightsEnabled: eventType.isRRWeightsEnabled });
      lucky = chosen && candidates.find((host) => host.userId === chosen.userId);
    }
    if (!lucky) throw hostUnavailable();
  }
  const holders = [...fixed.map((h) => h.userId), ...(lucky ? [lucky.userId] : [])];
  return hostsOf(holders[0]!, holders);
}

/** Writes the co-hosts' BookingHost rows (the organizer's is written by the Booking trigger). */
export async function insertCoHosts(tx: Tx, bookingId: number, coHostIds: readonly number[]): Promise<void> {
  if (coHostIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "BookingHost" ("bookingId", "userId", "isOrganizer", "startTime", "endTime", "status")
    SELECT b."id", h."userId", false, b."startTime", b."endTime", b."status"
    FROM "Booking" b, unnest(${[...coHostIds]}::int[]) AS h("userId")
    WHERE b."id" = ${bookingId}
    ON CONFLICT ("bookingId", "userId") DO NOTHING`;
}

/** A booking's co-hosts (every BookingHost row but the organizer's). */
export async function coHostIdsOf(tx: Tx, bookingId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ userId: number }[]>`
    SELECT "userId" FROM "BookingHost" WHERE "bookingId" = ${bookingId} AND NOT "isOrganizer" ORDER BY "userId"`;
  return rows.map((row) => row.userId);
}
