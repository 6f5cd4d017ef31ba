import { ApiError } from "../errors";
import { isOwnerOrOrgAdmin } from "./access";
import type { Actor, BookingDeps } from "./deps";
import { findBookingByUid, findRecurringBookings, type BookingRecord } from "./store";

export type BookingLookup =
  | { kind: "booking"; booking: BookingRecord; showAttendees: boolean }
  /** A recurring booking's uid (recurringEventId): all of its occurrences, earliest first. */
  | { kind: "series"; bookings: BookingRecord[]; showAttendees: boolean };

export const bookingNotFound = (uid: string) => new ApiError("NotFoundException", `Booking with uid=${uid} was not found in the database`);

/** Seated bookings show their attendees to everyone only when the event type says so; always to its owner/admins. */
export async function canSeeSeatedAttendees(deps: BookingDeps, actor: Actor, booking: BookingRecord): Promise<boolean> {
  if (!booking.eventType?.seatsPerTimeSlot || booking.eventType.seatsShowAttendees) return true;
  return isOwnerOrOrgAdmin(deps.db, actor, booking.user);
}

/** Anyone holding a booking's uid may read it (Cal.com's optional auth); a recurring uid returns the series. */
export async function getBooking(deps: BookingDeps, actor: Actor, uid: string): Promise<BookingLookup> {
  const booking = await findBookingByUid(deps.db, uid);
  if (booking) return { kind: "booking", booking, showAttendees: await canSeeSeatedAttendees(deps, actor, booking) };
  const bookings = await findRecurringBookings(deps.db, uid);
  if (bookings.length === 0) throw bookingNotFound(uid);
  return { kind: "series", bookings, showAttendees: await canSeeSeatedAttendees(deps, actor, bookings[0]!) };
}
