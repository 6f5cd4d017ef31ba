import { Prisma } from "../generated/prisma/client";
import { badRequest, unauthorized } from "../errors";
import { bookingUserNotFound, bookingWithUidNotFound, seatGone } from "./errors";
import { actorEmail, isOwnerOrOrgAdmin } from "./access";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { emitWebhookEvents } from "../webhooks/producer";
import { deleteCancelledBookingMeetings } from "../conferencing/meetings";
import { notifyBookingChanges } from "../workflows/reminders/booking-hooks";
import { writeBookingCalendarEvents } from "../calendars/booking-events/hooks";
import { withBookingLock, type Tx } from "./lock";
import { getBooking, type BookingLookup } from "./read";
import { findBookingByUid, findRecurringBookings, findSeat, selectBookings, type BookingRecord } from "./store";
import { bookingEvent, bookingPayload } from "./webhooks";

export interface CancelBookingInput {
  /** A booking's uid, or a recurring booking's uid (all its remaining occurrences). */
  uid: string;
  cancellationReason?: string;
  /** Recurring: this occurrence and every later one. */
  cancelSubsequentBookings?: boolean;
  /** Seated: give up this one seat instead of cancelling the booking. */
  seatUid?: string;
}

// Cal.com's seat checks come before anything else (bookings.service.ts cancelBooking).
async function checkSeat(deps: Deps, input: CancelBookingInput) {
  if (!input.seatUid) return;
  const seat = await findSeat(deps.db, input.seatUid);
  if (!seat) throw seatGone();
  if (seat.bookingUid !== input.uid) throw badRequest("Invalid seatUid: this seat does not belong to this booking.");
}

/** The booking the uid names and, for a recurring uid, the whole series. */
async function resolveTarget(deps: Deps, input: CancelBookingInput): Promise<{ booking: BookingRecord; series: boolean }> {
  const booking = await findBookingByUid(deps.db, input.uid);
  if (booking) return { booking, series: false };
  const occurrences = await findRecurringBookings(deps.db, input.uid);
  if (occurrences.length === 0) throw bookingWithUidNotFound(input.uid);
  if (input.cancelSubsequentBookings) {
    throw badRequest(
      "Cannot cancel subsequent bookings for recurring event - you have to provide uid of one of the individual bookings of a recurring booking.",
    );
  }
  return { booking: occurrences[0]!, series: true };
}

// Cal.com's handleCancelBooking checks, in its order.
async function checkCancellable(deps: Deps, actor: Actor | undefined, booking: BookingRecord, input: CancelBookingInput) {
  if (booking.status === "cancelled") {
    throw badRequest(
      `Can't cancel booking with uid=${input.uid} because it has been cancelled already. Please provide uid of a booking that is not cancelled.`,
    );
  }
  if (!booking.userId || !booking.user) throw bookingUserNotFound();
  if (booking.eventType?.disableCancelling) throw badRequest("This event type does not allow cancellations");
  // Platform (managed user) bookings are exempt, as in Cal.com.
  if (!input.cancellationReason && actor?.userId === booking.userId && !booking.eventType?.oAuthClientId) {
    throw badRequest("Cancellation reason is required when you are the host");
  }
  if (booking.eventType?.seatsPerTimeSlot && !input.seatUid && !(await isOwnerOrOrgAdmin(deps.db, actor, booking.user))) {
    throw unauthorized("User not a host of this event");
  }
}

/** Gives up one seat; the booking itself is cancelled when its last seat goes. */
async function cancelSeat(tx: Tx, booking: BookingRecord, seatUid: string, reason: string | undefined) {
  const holder = booking.attendees.find((a) => a.seatUid === seatUid);
  if (!holder) throw seatGone();
  await tx.attendee.delete({ where: { id: holder.id } });
  if (booking.attendees.length === 1) {
    await tx.booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", cancellationReason: reason ?? null } });
  }
  return holder;
}

/**
 * Cancels a booking, the remaining occurrences of a recurring one, or one seat, as Cal.com allows: anyone holding
 * the uid may cancel (the uid is the booker's capability); a host must give a reason; only the host may cancel a
 * seated booking for everyone. Runs under the host's lock, so it cannot interleave with a reschedule or
 * confirmation of the same booking.
 */
export async function cancelBooking(deps: Deps, actor: Actor | undefined, input: CancelBookingInput): Promise<BookingLookup> {
  await checkSeat(deps, input);
  const target = await resolveTarget(deps, input);
  await checkCancellable(deps, actor, target.booking, input);
  const cancelledBy = actor ? await actorEmail(deps.db, actor) : null;
  const now = deps.now();

  const event = await withBookingLock(
    deps.txDb,
    target.booking,
    (tx) => findBookingByUid(tx, target.booking.uid),
    async (tx, booking) => {
      if (booking.status === "cancelled") {
        throw badRequest(
          `Can't cancel booking with uid=${input.uid} because it has been cancelled already. Please provide uid of a booking that is not cancelled.`,
        );
      }
      if (input.seatUid && booking.eventType?.seatsPerTimeSlot) {
        const holder = await cancelSeat(tx, booking, input.seatUid, input.cancellationReason);
        return bookingEvent("BOOKING_CANCELLED", booking, {
          ...bookingPayload(booking, { cancellationReason: input.cancellationReason ?? "", cancelledBy: cancelledBy ?? undefined }, [holder]),
          ...(booking.attendees.length > 1 ? { status: "ACCEPTED" } : { status: "CANCELLED" }),
        });
      }
      // A series: every occurrence from now on; cancelSubsequentBookings: this one and the later ones.
      const scope =
        target.series && booking.recurringEventId
          ? Prisma.sql`"recurringEventId" = ${booking.recurringEventId} AND "startTime" >= ${new Date(now)}`
          : input.cancelSubsequentBookings && booking.recurringEventId
            ? Prisma.sql`"recurringEventId" = ${booking.recurringEventId} AND "startTime" >= ${booking.startTime}`
            : Prisma.sql`"id" = ${booking.id}`;
      await tx.$executeRaw`
        UPDATE "Booking" SET "status" = 'cancelled', "cancellationReason" = ${input.cancellationReason ?? null},
               "cancelledBy" = ${cancelledBy}, "iCalSequence" = "iCalSequence" + 1, "updatedAt" = now()
        WHERE ${scope} AND "status" <> 'cancelled'`;
      const [after] = await selectBookings(tx, Prisma.sql`b."id" = ${booking.id}`);
      return bookingEvent(
        "BOOKING_CANCELLED",
        after!,
        bookingPayload(after!, { cancellationReason: input.cancellationReason ?? "", cancelledBy: cancelledBy ?? undefined }),
      );
    },
  );
  await emitWebhookEvents(deps, [event]);
  // Workflows: the cancelled booking's pending reminders are cancelled (src/workflows/reminders/booking-hooks.ts).
  await notifyBookingChanges(deps, { kind: "cancelled", bookingUid: target.booking.uid });
  // The organizer's calendar event (src/calendars/booking-events/).
  await writeBookingCalendarEvents(deps, { kind: "cancelled", bookingUid: target.booking.uid });
  // Its Zoom / Cal Video meetings are deleted at the provider (src/conferencing/meetings.ts).
  await deleteCancelledBookingMeetings(deps, target.booking);

  if (input.cancelSubsequentBookings && target.booking.recurringEventId) {
    return getBooking(deps, actor, target.booking.recurringEventId);
  }
  return getBooking(deps, actor, input.uid);
}
