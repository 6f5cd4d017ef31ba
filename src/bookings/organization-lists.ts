// The organization views of the bookings list (Cal.com's Orgs / Teams / Bookings, Orgs / Users / Bookings and
// Orgs / Bookings): the org guards, then the one bookings list (./list.ts) with the view's scope, and the org
// team view of a booking's references (./references.ts).
import type { Actor } from "../auth/principal";
import { requireOrgAccess, requireOrgTeamAccess, requireUserInOrg } from "../organizations/access";
import { withPermissions } from "../roles/route-permissions";
import type { Deps } from "../services";
import { bookingUidNotFound, organizationUserNotFound, userIdsOutsideOrganization } from "./errors";
import { type BookingsPage, type ListBookingsFilters, listBookings } from "./list";
import { type BookingReferenceOutput, listBookingReferences } from "./references";
import { teamBookingsCondition } from "../event-types/scheduling";
import { Prisma } from "../generated/prisma/client";

/** GET /v2/organizations/{orgId}/teams/{teamId}/bookings: TEAM_ADMIN (or an org admin); the team's event types' bookings. */
export async function listOrganizationTeamBookings(
  deps: Deps,
  actor: Actor,
  input: { orgId: number; teamId: number; filters: ListBookingsFilters },
): Promise<BookingsPage> {
  await requireOrgTeamAccess(
    deps,
    actor,
    { orgId: input.orgId, teamId: input.teamId },
    withPermissions("OrganizationsTeamsBookingsController_getAllOrgTeamBookings", { role: "TEAM_ADMIN", plan: "ESSENTIALS" }),
  );
  return listBookings(deps, actor, input.filters, { kind: "team", teamId: input.teamId });
}

/**
 * GET /v2/organizations/{orgId}/users/{userId}/bookings: ORG_ADMIN, the user in the org (IsUserInOrg); the list
 * the user would see, limited to the org's teams. An unknown user is Cal.com's 404 (checked before IsUserInOrg,
 * which would answer 403 for a user who does not exist).
 */
export async function listOrganizationUserBookings(
  deps: Deps,
  actor: Actor,
  input: { orgId: number; userId: number; filters: ListBookingsFilters },
): Promise<BookingsPage> {
  const { orgId, userId } = input;
  await requireOrgAccess(
    deps,
    actor,
    orgId,
    withPermissions("OrganizationsUsersBookingsController_getOrganizationUserBookings", { role: "ORG_ADMIN", plan: "ESSENTIALS" }),
  );
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw organizationUserNotFound(userId);
  await requireUserInOrg(deps, orgId, userId);
  // Cal.com's IsUserInOrg makes the path user the request's user: the list is evaluated as them.
  return listBookings(deps, { ...actor, userId: user.id }, input.filters, { kind: "caller", organizationId: orgId });
}

/**
 * GET /v2/organizations/{orgId}/bookings: ORG_ADMIN; every booking of the org's members and of the org's and its
 * teams' event types, optionally of some members only (`userIds`: each must be a member, else 403).
 */
export async function listOrganizationBookings(
  deps: Deps,
  actor: Actor,
  input: { orgId: number; userIds?: readonly number[]; filters: ListBookingsFilters },
): Promise<BookingsPage> {
  const { orgId } = input;
  await requireOrgAccess(
    deps,
    actor,
    orgId,
    withPermissions("OrganizationsBookingsController_getAllOrgTeamBookings", { role: "ORG_ADMIN", plan: "ESSENTIALS" }),
  );
  const userIds = [...new Set(input.userIds ?? [])];
  if (userIds.length > 0) {
    const members = await deps.db.membership.count({ where: { teamId: orgId, userId: { in: userIds } } });
    if (members !== userIds.length) throw userIdsOutsideOrganization();
  }
  return listBookings(deps, actor, input.filters, { kind: "organization", organizationId: orgId, userIds });
}

/**
 * GET /v2/organizations/{orgId}/teams/{teamId}/bookings/{bookingUid}/references: TEAM_ADMIN and the SCALE plan.
 * Cal.com answers for any booking uid; here the booking must be one of the team's (else the same 404 as an
 * unknown uid), and the guards run before the booking is looked up, so outsiders cannot probe uids.
 */
export async function getOrganizationTeamBookingReferences(
  deps: Deps,
  actor: Actor,
  input: { orgId: number; teamId: number; bookingUid: string; type?: string },
): Promise<BookingReferenceOutput[]> {
  const { orgId, teamId, bookingUid } = input;
  await requireOrgTeamAccess(
    deps,
    actor,
    { orgId, teamId },
    withPermissions("OrganizationsTeamsBookingsController_getBookingReferences", { role: "TEAM_ADMIN", plan: "SCALE" }),
  );
  const rows = await deps.db.$queryRaw<{ id: number }[]>`
    SELECT b."id" FROM "Booking" b WHERE b."uid" = ${bookingUid} AND ${teamBookingsCondition([teamId]) ?? Prisma.sql`false`}`;
  const booking = rows[0];
  if (!booking) throw bookingUidNotFound(bookingUid);
  return listBookingReferences(deps, booking.id, input.type);
}
