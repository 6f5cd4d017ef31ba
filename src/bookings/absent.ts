import { ApiError, badRequest, notFound } from "../errors";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { emitWebhookEvents } from "../webhooks/producer";
import { findBookingByUid, type BookingRecord } from "./store";
import { bookingEvent } from "./webhooks";

export interface MarkAbsentInput {
  uid: string;
  /** Whether the host was absent. */
  host?: boolean;
  attendees?: { email: string; absent: boolean }[];
}

/**
 * Records no-shows (host and attendees) once the booking has started: organizer only. Sends
 * BOOKING_NO_SHOW_UPDATED with Cal.com's payload ({message, bookingUid, bookingId, attendees}).
 */
export async function markAbsent(deps: Deps, actor: Actor, input: MarkAbsentInput): Promise<BookingRecord> {
  const booking = await findBookingByUid(deps.db, input.uid);
  if (!booking) throw notFound(`Booking with uid=${input.uid} not found.`);
  // Ownership before timing: the time check's message quotes the booking's start, which a stranger must not read.
  if (booking.userId !== actor.userId) throw new ApiError("ForbiddenException", "You are not allowed to access this booking");
  const now = deps.now();
  if (now < booking.startTime.getTime()) {
    throw badRequest(
      `Bookings can only be marked as absent after their scheduled start time. Current time in UTC+0: ${new Date(now).toISOString()}, Booking start time in UTC+0: ${booking.startTime.toISOString()}`,
    );
  }

  const updated: { email: string; noShow: boolean }[] = [];
  const writes: Promise<unknown>[] = [];
  for (const { email, absent } of input.attendees ?? []) {
    const matching = booking.attendees.filter((a) => a.email.toLowerCase() === email.toLowerCase());
    if (matching.length === 0) continue;
    writes.push(deps.db.attendee.updateMany({ where: { id: { in: matching.map((a) => a.id) } }, data: { noShow: absent } }));
    updated.push({ email: matching[0]!.email, noShow: absent });
  }
  if (input.host !== undefined) writes.push(deps.db.booking.update({ where: { id: booking.id }, data: { noShowHost: input.host } }));
  await Promise.all(writes);

  if (updated.length > 0 || input.host !== undefined) {
    const [single] = updated;
    const message =
      updated.length === 1
        ? `${single!.email} ${single!.noShow ? "marked" : "unmarked"} as no-show`
        : updated.length > 1
          ? "No-show status updated"
          : "Booking no-show status updated";
    await emitWebhookEvents(deps, [
      bookingEvent("BOOKING_NO_SHOW_UPDATED", booking, {
        message,
        bookingUid: booking.uid,
        bookingId: booking.id,
        attendees: updated,
        ...(input.host !== undefined ? { noShowHost: input.host } : {}),
      }),
    ]);
  }
  return (await findBookingByUid(deps.db, booking.uid))!;
}
