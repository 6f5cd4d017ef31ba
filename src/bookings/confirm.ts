import { Prisma } from "../generated/prisma/client";
import { bookingNotFound, hostUnavailable } from "./errors";
import { ApiError, badRequest } from "../errors";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { emitWebhookEvents } from "../webhooks/producer";
import { notifyBookingChanges } from "../workflows/reminders/booking-hooks";
import { writeBookingCalendarEvents } from "../calendars/booking-events/hooks";
import { withBookingLock, type Tx } from "./lock";
import { getBooking, type BookingLookup } from "./read";
import { findBookingByUid, selectBookings, type BookingRecord } from "./store";
import { bookingEvent, bookingPayload } from "./webhooks";

// Cal.com's confirm handler lets the booking's organizer decide (team event types also their hosts and admins).
function checkOrganizer(actor: Actor, booking: BookingRecord) {
  if (booking.userId !== actor.userId && !booking.coHostIds.includes(actor.userId)) {
    throw new ApiError("ForbiddenException", "User is not authorized to confirm this booking");
  }
}

function checkPending(booking: BookingRecord) {
  if (booking.status === "accepted") throw badRequest("Booking already confirmed");
  if (booking.status !== "pending") {
    throw badRequest(`Booking with uid=${booking.uid} is ${booking.status} and can't be confirmed or declined`);
  }
}

/** The pending bookings a decision applies to: every pending occurrence of a recurring booking, as Cal.com does. */
async function pendingScope(tx: Tx, booking: BookingRecord): Promise<BookingRecord[]> {
  const where = booking.recurringEventId
    ? Prisma.sql`b."recurringEventId" = ${booking.recurringEventId} AND b."status" = 'pending'`
    : Prisma.sql`b."id" = ${booking.id} AND b."status" = 'pending'`;
  return selectBookings(tx, where);
}

/**
 * Runs a decision on a pending booking under its host's lock, with the pending occurrences it applies to
 * (re-read inside the lock): organizer only.
 */
async function decidePending<T>(deps: Deps, actor: Actor, uid: string, decide: (tx: Tx, pending: BookingRecord[]) => Promise<T>): Promise<T> {
  const booking = await findBookingByUid(deps.db, uid);
  if (!booking) throw bookingNotFound(uid);
  checkOrganizer(actor, booking);
  return withBookingLock(
    deps.txDb,
    booking,
    (tx) => findBookingByUid(tx, uid),
    async (tx, current) => {
      checkPending(current);
      return decide(tx, await pendingScope(tx, current));
    },
    booking.coHostIds,
  );
}

/**
 * Confirms a pending booking (requires-confirmation event types): organizer only. Under the host's lock, each
 * booking becomes accepted only if no accepted booking of the host overlaps it, so two pending requests for one
 * slot, or two concurrent confirmations, can never end in a double booking. Cal.com sends BOOKING_CREATED on
 * confirmation (its trigger list has no BOOKING_CONFIRMED), with status ACCEPTED.
 */
export async function confirmBooking(deps: Deps, actor: Actor, uid: string): Promise<BookingLookup> {
  const confirmed = await decidePending(deps, actor, uid, async (tx, pending) => {
    for (const occurrence of pending) {
      const [clash] = await tx.$queryRaw<{ id: number }[]>`
          SELECT "id" FROM "Booking"
          WHERE "userId" = ${occurrence.userId} AND "status" = 'accepted' AND "id" <> ${occurrence.id}
            AND "startTime" < ${occurrence.endTime} AND "endTime" > ${occurrence.startTime}
          LIMIT 1`;
      if (clash) throw hostUnavailable();
    }
    const ids = pending.map((b) => b.id);
    await tx.$executeRaw`
        UPDATE "Booking" SET "status" = 'accepted', "updatedAt" = now()
        WHERE "id" IN (${Prisma.join(ids)}) AND "status" = 'pending'`;
    return selectBookings(tx, Prisma.sql`b."id" IN (${Prisma.join(ids)})`);
  });
  await emitWebhookEvents(
    deps,
    confirmed.map((b) => bookingEvent("BOOKING_CREATED", b, bookingPayload(b))),
  );
  // Workflows: a confirmed booking gets its reminders (src/workflows/reminders/booking-hooks.ts).
  await notifyBookingChanges(deps, { kind: "confirmed", bookingUids: confirmed.map((b) => b.uid) });
  // The organizer's calendar event (src/calendars/booking-events/).
  await writeBookingCalendarEvents(deps, { kind: "confirmed", bookingUids: confirmed.map((b) => b.uid) });
  return getBooking(deps, actor, uid);
}

/** Declines a pending booking: organizer only; the booking becomes rejected and BOOKING_REJECTED is sent. */
export async function declineBooking(deps: Deps, actor: Actor, uid: string, reason: string | undefined): Promise<BookingLookup> {
  const declined = await decidePending(deps, actor, uid, async (tx, pending) => {
    const ids = pending.map((b) => b.id);
    await tx.$executeRaw`
        UPDATE "Booking" SET "status" = 'rejected', "rejectionReason" = ${reason ?? null}, "updatedAt" = now()
        WHERE "id" IN (${Prisma.join(ids)}) AND "status" = 'pending'`;
    return (await findBookingByUid(tx, uid))!;
  });
  await emitWebhookEvents(deps, [bookingEvent("BOOKING_REJECTED", declined, bookingPayload(declined, { rejectionReason: reason ?? "" }))]);
  // Workflows: BOOKING_REJECTED messages; nothing else was scheduled for a pending booking.
  await notifyBookingChanges(deps, { kind: "declined", bookingUids: [declined.uid] });
  // The organizer's calendar event (src/calendars/booking-events/).
  await writeBookingCalendarEvents(deps, { kind: "declined", bookingUids: [declined.uid] });
  return getBooking(deps, actor, uid);
}
