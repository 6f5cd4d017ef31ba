import { badRequest } from "../errors";
import { bookingUidNotFound } from "./errors";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { findBookingByUid } from "./store";

export interface BookingReferenceOutput {
  id: number;
  type: string;
  eventUid: string;
  destinationCalendarId: string | null;
}

/** The booking's calendar and video references (none are made here without integrations): its organizer only. */
export async function getBookingReferences(deps: Deps, actor: Actor, uid: string, type: string | undefined): Promise<BookingReferenceOutput[]> {
  const booking = await findBookingByUid(deps.db, uid);
  if (!booking) throw bookingUidNotFound(uid);
  // Cal.com answers 400 here, not 403.
  if (booking.userId !== actor.userId) throw badRequest(`Booking with uid ${uid} does not belong to user`);
  return listBookingReferences(deps, booking.id, type);
}

/** The references of a booking its route has already authorised, optionally of one `type`, in id order. */
export async function listBookingReferences(deps: Deps, bookingId: number, type: string | undefined): Promise<BookingReferenceOutput[]> {
  const references = await deps.db.bookingReference.findMany({
    where: { bookingId, ...(type ? { type } : {}) },
    orderBy: { id: "asc" },
    select: { id: true, type: true, uid: true, externalCalendarId: true },
  });
  return references.map((r) => ({ id: r.id, type: r.type, eventUid: r.uid, destinationCalendarId: r.externalCalendarId }));
}
