import type { Prisma } from "../generated/prisma/client";
import { bookingUidNotFound } from "./errors";
import { ApiError, badRequest } from "../errors";
import { actorEmail } from "./access";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { guestsDisabled } from "./fields";
import { withBookingLock } from "./lock";
import { getBooking, type BookingLookup } from "./read";
import { findBookingByUid } from "./store";
import { writeBookingCalendarEvents } from "../calendars/booking-events/hooks";

export interface NewGuest {
  email: string;
  name?: string;
  timeZone?: string;
  phoneNumber?: string;
  language?: string;
}

/**
 * Adds guests as attendees (Cal.com's addGuestsHandler): the organizer or any attendee may; emails already on the
 * booking, or repeated, are skipped, and if nothing is left it is a 400.
 */
export async function addGuests(deps: Deps, actor: Actor, uid: string, guests: NewGuest[]): Promise<BookingLookup> {
  const booking = await findBookingByUid(deps.db, uid);
  if (!booking) throw bookingUidNotFound(uid);
  const email = (await actorEmail(deps.db, actor))?.toLowerCase();
  const isAttendee = email !== undefined && booking.attendees.some((a) => a.email.toLowerCase() === email);
  if (booking.userId !== actor.userId && !isAttendee) throw new ApiError("ForbiddenException", "you_do_not_have_permission");
  if (booking.eventType?.bookingFields && guestsDisabled(booking.eventType.bookingFields)) {
    throw badRequest("Guests are disabled for this event type");
  }

  await withBookingLock(
    deps.txDb,
    booking,
    (tx) => findBookingByUid(tx, uid),
    async (tx, current) => {
      const present = new Set(current.attendees.map((a) => a.email.toLowerCase()));
      const fresh = guests.filter((guest) => {
        const key = guest.email.toLowerCase();
        if (present.has(key)) return false;
        present.add(key);
        return true;
      });
      if (fresh.length === 0) throw badRequest("emails_must_be_unique_valid");
      const host = current.user;
      await tx.attendee.createMany({
        data: fresh.map((guest) => ({
          bookingId: current.id,
          email: guest.email,
          name: guest.name ?? "",
          timeZone: guest.timeZone ?? host?.timeZone ?? "Europe/London",
          locale: guest.language ?? host?.locale ?? "en",
          phoneNumber: guest.phoneNumber ?? null,
        })),
      });
      const responses = current.responses ?? {};
      const known = Array.isArray(responses.guests) ? (responses.guests as string[]) : [];
      await tx.booking.update({
        where: { id: current.id },
        data: { responses: { ...responses, guests: [...known, ...fresh.map((g) => g.email)] } as Prisma.InputJsonValue },
      });
    },
  );
  // The organizer's calendar event (src/calendars/booking-events/).
  await writeBookingCalendarEvents(deps, { kind: "edited", bookingUid: uid });
  return getBooking(deps, actor, uid);
}
