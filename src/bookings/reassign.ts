import { ApiError, badRequest, notFound } from "../errors";
import { bookingNotFound } from "./errors";
import { isOwnerOrOrgAdmin } from "./access";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { findBookingByUid, type BookingRecord } from "./store";

// Reassignment moves round-robin team bookings between hosts. Team event types do not exist yet
// (src/event-types/scheduling.ts), so every booking has exactly one possible host and Cal.com's answers for that
// case apply; the teams issue replaces this module.

const PERMISSION_ERROR = "You do not have permission to reassign this booking";

async function loadReassignable(deps: Deps, actor: Actor, uid: string): Promise<BookingRecord> {
  const booking = await findBookingByUid(deps.db, uid);
  if (!booking) throw bookingNotFound(uid);
  if (!booking.eventType) {
    throw badRequest(`Event type with id=${booking.eventTypeId} was not found in the database`);
  }
  const owner = { id: booking.eventType.ownerId, organizationId: booking.user?.organizationId ?? null };
  if (!(await isOwnerOrOrgAdmin(deps.db, actor, owner))) throw new ApiError("ForbiddenException", PERMISSION_ERROR);
  return booking;
}

/** POST …/reassign: no other host can take the booking. */
export async function reassignBooking(deps: Deps, actor: Actor, uid: string): Promise<never> {
  await loadReassignable(deps, actor, uid);
  throw badRequest("Can't reassign the booking because no other host is available at that time.");
}

/** POST …/reassign/{userId}: the user must exist, and is never one of the booking's round-robin hosts. */
export async function reassignBookingToUser(deps: Deps, actor: Actor, uid: string, userId: number): Promise<never> {
  await loadReassignable(deps, actor, uid);
  const user = await deps.db.user.findFirst({ where: { id: userId }, select: { id: true } });
  if (!user) throw notFound(`User with id=${userId} was not found in the database`);
  throw badRequest(
    `User with id=${userId} is not a valid Round Robin host - the user to which you reassign this booking must be one of the booking hosts. Fetch the booking using following endpoint and select id of one of the hosts: https://cal.com/docs/api-reference/v2/bookings/get-a-booking`,
  );
}
