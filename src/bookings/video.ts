import { ApiError, notFound } from "../errors";
import { isOwnerOrOrgAdmin } from "./access";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { findBookingByUid } from "./store";

/**
 * Recordings, transcripts and meeting sessions come from Cal Video (Daily), which is not connected here. Access is
 * checked as Cal.com's BookingPbacGuard does (organizer or an org admin of theirs, else 403, including for an
 * unknown uid); then, as in Cal.com without a Cal Video room, 404. A booking that does have a Daily reference has
 * nothing retrievable either: an empty list.
 */
export async function calVideoRoom(deps: Deps, actor: Actor, uid: string): Promise<string> {
  const booking = await findBookingByUid(deps.db, uid);
  if (!booking || !(await isOwnerOrOrgAdmin(deps.db, actor, booking.user))) {
    throw new ApiError("ForbiddenException", `BookingPbacGuard - user with id=${actor.userId} does not have access to booking with uid=${uid}`);
  }
  const reference = await deps.db.bookingReference.findFirst({
    where: { bookingId: booking.id, type: "daily_video" },
    orderBy: { id: "desc" },
    select: { meetingId: true },
  });
  if (!reference?.meetingId) throw notFound(`No Cal Video reference found with booking uid ${uid}`);
  return reference.meetingId;
}
