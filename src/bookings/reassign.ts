import { ApiError, badRequest, notFound } from "../errors";
import { bookingGone, bookingNotFound, hostUnavailable } from "./errors";
import { isBookingHostOrTeamAdmin, isOwnerOrOrgAdmin } from "./access";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { loadBookableEventTypeById, type BookableEventType } from "./event-type";
import { freeHostIds, roundRobinHistory } from "./hosts";
import { withHostsLock, type Tx } from "./lock";
import { chooseLuckyUser } from "./lucky-user";
import { findBookingByUid, type BookingRecord } from "./store";
import { writeBookingCalendarEvents } from "../calendars/booking-events/hooks";

// Reassignment moves a round-robin team booking from its round-robin host to another free one (Cal.com's
// roundRobinReassignment / roundRobinManualReassignment). Other bookings have no other host to move to.

const PERMISSION_ERROR = "You do not have permission to reassign this booking";
const NO_OTHER_HOST = "Can't reassign the booking because no other host is available at that time.";

export interface ReassignResult {
  bookingUid: string;
  reassignedTo: { id: number; name: string; email: string };
}

const notRoundRobinHost = (userId: number) =>
  badRequest(
    `User with id=${userId} is not a valid Round Robin host - the user to which you reassign this booking must be one of the booking hosts. Fetch the booking using following endpoint and select id of one of the hosts: https://cal.com/docs/api-reference/v2/bookings/get-a-booking`,
  );

/** The booking's hosts, an accepted admin or owner of the event type's team, or an org admin of the organizer. */
async function mayReassign(deps: Deps, actor: Actor, booking: BookingRecord): Promise<boolean> {
  return (await isBookingHostOrTeamAdmin(deps, actor, booking)) || isOwnerOrOrgAdmin(deps.db, actor, booking.user);
}

async function loadReassignable(deps: Deps, actor: Actor, uid: string): Promise<{ booking: BookingRecord; eventType: BookableEventType | null }> {
  const booking = await findBookingByUid(deps.db, uid);
  if (!booking) throw bookingNotFound(uid);
  if (!booking.eventType || booking.eventTypeId === null) {
    throw badRequest(`Event type with id=${booking.eventTypeId} was not found in the database`);
  }
  const eventType = await loadBookableEventTypeById(deps.db, booking.eventTypeId);
  if (!(await mayReassign(deps, actor, booking))) throw new ApiError("ForbiddenException", PERMISSION_ERROR);
  if (booking.status !== "accepted" && booking.status !== "pending") {
    throw badRequest(`Booking with uid=${uid} is ${booking.status} and can't be reassigned.`);
  }
  return { booking, eventType: eventType?.schedulingType === "ROUND_ROBIN" ? eventType : null };
}

/** The booking's round-robin host (organizer or co-host): the one of its holders who is a non-fixed host. */
function roundRobinHolder(eventType: BookableEventType, booking: BookingRecord): number | undefined {
  const holders = new Set([booking.userId, ...booking.coHostIds]);
  return eventType.hosts.find((host) => !host.isFixed && holders.has(host.userId))?.userId;
}

/**
 * Moves the booking's round-robin seat from `from` to `to` under every host's lock: the organizer's row follows
 * Booking.userId (trigger), a co-host's row is moved itself. The no-overlap constraint refuses a busy `to`.
 */
async function moveHost(tx: Tx, booking: BookingRecord, from: number | undefined, to: number): Promise<void> {
  if (from === undefined || from === booking.userId) {
    await tx.$executeRaw`UPDATE "Booking" SET "userId" = ${to}, "updatedAt" = now() WHERE "id" = ${booking.id}`;
    // The new organizer may have been a co-host of the booking: one row per host.
    await tx.$executeRaw`DELETE FROM "BookingHost" WHERE "bookingId" = ${booking.id} AND "userId" = ${to} AND NOT "isOrganizer"`;
  } else {
    await tx.$executeRaw`UPDATE "BookingHost" SET "userId" = ${to} WHERE "bookingId" = ${booking.id} AND "userId" = ${from}`;
    await tx.$executeRaw`UPDATE "Booking" SET "updatedAt" = now() WHERE "id" = ${booking.id}`;
  }
}

async function reassign(
  deps: Deps,
  booking: BookingRecord,
  eventType: BookableEventType,
  pick: (tx: Tx, free: Set<number>, current: BookingRecord) => Promise<number>,
) {
  const hostIds = [...eventType.hosts.map((host) => host.userId), ...(booking.userId === null ? [] : [booking.userId])];
  const userId = await withHostsLock(deps.txDb, hostIds, async (tx) => {
    const current = await findBookingByUid(tx, booking.uid);
    if (!current) throw bookingGone();
    const durationMinutes = Math.round((current.endTime.getTime() - current.startTime.getTime()) / 60_000);
    const free = await freeHostIds(tx, eventType, {
      starts: [current.startTime.getTime()],
      durationMinutes,
      now: deps.now(),
      excludeBookingUid: current.uid,
      ignoreReservations: true,
    });
    const to = await pick(tx, free, current);
    const from = roundRobinHolder(eventType, current);
    if (to !== from) await moveHost(tx, current, from, to);
    return to;
  });
  const user = eventType.hostUsers.find((host) => host.id === userId)!;
  // The organizer's calendar event (src/calendars/booking-events/): moved to the new organizer's calendar.
  await writeBookingCalendarEvents(deps, { kind: "edited", bookingUid: booking.uid });
  return { bookingUid: booking.uid, reassignedTo: { id: user.id, name: user.name ?? "", email: user.email } };
}

/** POST …/reassign: the lucky host among the other free round-robin hosts. */
export async function reassignBooking(deps: Deps, actor: Actor, uid: string): Promise<ReassignResult> {
  const { booking, eventType } = await loadReassignable(deps, actor, uid);
  if (!eventType) throw badRequest(NO_OTHER_HOST);
  return reassign(deps, booking, eventType, async (tx, free, current) => {
    const from = roundRobinHolder(eventType, current);
    const holders = new Set([current.userId, ...current.coHostIds]);
    const candidates = eventType.hosts.filter((host) => !host.isFixed && host.userId !== from && !holders.has(host.userId) && free.has(host.userId));
    const history = await roundRobinHistory(
      tx,
      eventType.eventTypeId,
      candidates.map((host) => host.userId),
      deps.now(),
    );
    const lucky = chooseLuckyUser(candidates, history, { weightsEnabled: eventType.isRRWeightsEnabled });
    if (!lucky) throw badRequest(NO_OTHER_HOST);
    return lucky.userId;
  });
}

/** POST …/reassign/{userId}: the user must be a round-robin host of the event type, and free (else 409). */
export async function reassignBookingToUser(deps: Deps, actor: Actor, uid: string, userId: number): Promise<ReassignResult> {
  const { booking, eventType } = await loadReassignable(deps, actor, uid);
  const user = await deps.db.user.findFirst({ where: { id: userId }, select: { id: true } });
  if (!user) throw notFound(`User with id=${userId} was not found in the database`);
  if (!eventType?.hosts.some((host) => host.userId === userId && !host.isFixed)) throw notRoundRobinHost(userId);
  return reassign(deps, booking, eventType, async (_tx, free, current) => {
    if (roundRobinHolder(eventType, current) === userId) return userId;
    if (!free.has(userId) || current.coHostIds.includes(userId)) throw hostUnavailable();
    return userId;
  });
}
