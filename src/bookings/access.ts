import type { Db } from "../services/db";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { hasTeamRole, teamMembershipOf } from "../teams/access";

/**
 * Cal.com's userIsEventTypeAdminOrOwner for user-owned event types: the owner, or an admin/owner of the
 * organization the owner belongs to (team event types: isBookingHostOrTeamAdmin).
 */
export async function isOwnerOrOrgAdmin(db: Db, actor: Actor | undefined, owner: { id: number; organizationId: number | null } | null): Promise<boolean> {
  if (!actor || !owner) return false;
  if (actor.userId === owner.id) return true;
  if (owner.organizationId === null) return false;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM "Membership"
    WHERE "userId" = ${actor.userId} AND "teamId" = ${owner.organizationId} AND "accepted" AND "role" IN ('ADMIN', 'OWNER')
    LIMIT 1`;
  return rows.length > 0;
}

/**
 * Team event types' half of userIsEventTypeAdminOrOwner: a host of the booking (organizer or co-host), or an
 * accepted admin or owner of the team whose event type it books.
 */
export async function isBookingHostOrTeamAdmin(
  deps: Deps,
  actor: Actor | undefined,
  booking: { userId: number | null; coHostIds: readonly number[]; eventType: { teamId: number | null } | null },
): Promise<boolean> {
  if (!actor) return false;
  if (booking.userId === actor.userId || booking.coHostIds.includes(actor.userId)) return true;
  const teamId = booking.eventType?.teamId;
  if (!teamId) return false;
  const membership = await teamMembershipOf(deps, actor.userId, teamId);
  return Boolean(membership?.accepted && hasTeamRole(membership.role, "TEAM_ADMIN"));
}

/** What deciding who may manage a booking needs (a BookingRecord has it). */
export interface ManagedBooking {
  userId: number | null;
  user: { id: number; organizationId: number | null } | null;
  coHostIds: readonly number[];
  eventType: { ownerId: number | null; teamId: number | null } | null;
}

/**
 * Who may change a booking (its location, its calendar event): the event type's owner or an admin of their
 * organization, a host of the booking (organizer or co-host), or an admin of the team whose event type it books.
 */
export async function canManageBooking(deps: Deps, actor: Actor, booking: ManagedBooking): Promise<boolean> {
  const owner = booking.eventType?.ownerId != null ? { id: booking.eventType.ownerId, organizationId: booking.user?.organizationId ?? null } : booking.user;
  return (await isOwnerOrOrgAdmin(deps.db, actor, owner)) || (await isBookingHostOrTeamAdmin(deps, actor, booking));
}

/** The signed-in user's email, which makes them an attendee of the bookings that list it. */
export async function actorEmail(db: Db, actor: Actor): Promise<string | null> {
  const rows = await db.$queryRaw<{ email: string }[]>`SELECT "email" FROM "users" WHERE "id" = ${actor.userId}`;
  return rows[0]?.email ?? null;
}

// 22 characters of base58, as Cal.com's short uuids ("2NtaeaVcKfpmSZ4CthFdfk").
const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function newBookingUid(): string {
  let uid = "";
  while (uid.length < 22) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
      // 232 = 4 × 58: bytes above it are dropped so every character is equally likely (the uid is a credential).
      if (byte < 232 && uid.length < 22) uid += BASE58[byte % 58];
    }
  }
  return uid;
}
