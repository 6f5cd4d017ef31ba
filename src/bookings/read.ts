import { bookingNotFound } from "./errors";
import { isBookingHostOrTeamAdmin, isOwnerOrOrgAdmin } from "./access";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { findBookingByUid, findRecurringBookings, type BookingRecord } from "./store";

export type BookingLookup =
  | { kind: "booking"; booking: BookingRecord; showAttendees: boolean }
  /** A recurring booking's uid (recurringEventId): all of its occurrences, earliest first. */
  | { kind: "series"; bookings: BookingRecord[]; showAttendees: boolean };

/** Seated bookings show their attendees to everyone only when the event type says so; always to its owner/admins, and to a team booking's hosts and team admins. */
export async function canSeeSeatedAttendees(deps: Deps, actor: Actor | undefined, booking: BookingRecord): Promise<boolean> {
  if (!booking.eventType?.seatsPerTimeSlot || booking.eventType.seatsShowAttendees) return true;
  return (await isOwnerOrOrgAdmin(deps.db, actor, booking.user)) || isBookingHostOrTeamAdmin(deps, actor, booking);
}

/** Anyone holding a booking's uid may read it (Cal.com's optional auth); a recurring uid returns the series. */
export async function getBooking(deps: Deps, actor: Actor | undefined, uid: string): Promise<BookingLookup> {
  const booking = await findBookingByUid(deps.db, uid);
  if (booking) return { kind: "booking", booking, showAttendees: await canSeeSeatedAttendees(deps, actor, booking) };
  const bookings = await findRecurringBookings(deps.db, uid);
  if (bookings.length === 0) throw bookingNotFound(uid);
  return { kind: "series", bookings, showAttendees: await canSeeSeatedAttendees(deps, actor, bookings[0]!) };
}

/** A booking by its uid alone (the legacy reschedule page: anyone holding the uid may read it). */
export async function getBookingByUid(deps: Deps, uid: string): Promise<BookingRecord> {
  const booking = await findBookingByUid(deps.db, uid);
  if (!booking) throw bookingNotFound(uid);
  return booking;
}
