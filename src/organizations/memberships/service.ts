import type { Actor } from "../../auth/principal";
import type { Deps } from "../../services";
import type { Queryable, Tx } from "../../services/db";
import { onMembershipAccepted, onOrganizationMembershipRemoved } from "../../team-event-types/membership-effects";
import { onlyOwnerManagesOwners } from "../../teams/errors";
import { assertOwnerRules, lockOwnersAndTarget } from "../../teams/memberships";
import { userNotFound } from "../../users/errors";
import { withPermissions } from "../../roles/route-permissions";
import { type OrgRouteRequirement, requireOrgAccess } from "../access";
import { differentOAuthClients, membershipNotInOrg, platformUserInRegularOrg, regularUserInPlatformOrg, userInAnotherOrganization } from "./errors";
import { type OrgMembershipOutput, orgMembershipOutputSelect, toOrgMembershipOutput } from "./output";
import type { CreateOrgMembershipInput, OrgMembershipIdInput, OrgMembershipsQueryInput, UpdateOrgMembershipInput } from "./schemas";

// Orgs / Memberships (Cal.com's OrganizationsMembershipsController: ORG_ADMIN, ESSENTIALS; `/:membershipId` adds
// IsMembershipInOrg). A membership of the organization's Team row. As on team memberships (beyond Cal.com), only
// an OWNER grants the OWNER role or changes or removes an OWNER, and the organization keeps one OWNER.

export const ORG_ADMIN: OrgRouteRequirement = { role: "ORG_ADMIN", plan: "ESSENTIALS" };

export async function listOrgMemberships(
  deps: Deps,
  actor: Actor,
  { orgId, query }: { orgId: number; query: OrgMembershipsQueryInput },
): Promise<OrgMembershipOutput[]> {
  await requireOrgAccess(deps, actor, orgId, withPermissions("OrganizationsMembershipsController_getAllMemberships", ORG_ADMIN));
  const memberships = await deps.db.membership.findMany({
    where: { teamId: orgId },
    orderBy: { id: "asc" },
    skip: query.skip,
    take: query.take,
    select: orgMembershipOutputSelect,
  });
  return memberships.map(toOrgMembershipOutput);
}

export async function getOrgMembership(deps: Deps, actor: Actor, { orgId, membershipId }: OrgMembershipIdInput): Promise<OrgMembershipOutput> {
  await requireOrgAccess(deps, actor, orgId, withPermissions("OrganizationsMembershipsController_getOrgMembership", ORG_ADMIN));
  const membership = await deps.db.membership.findFirst({ where: { id: membershipId, teamId: orgId }, select: orgMembershipOutputSelect });
  if (!membership) throw membershipNotInOrg(membershipId);
  return toOrgMembershipOutput(membership);
}

/**
 * Cal.com's canUserBeAddedToOrg: a managed user joins only the organization of its OAuth client, and a regular
 * user only an organization without OAuth clients. Ours: a user of another organization cannot join a second one.
 */
async function assertUserCanJoin(db: Queryable, orgId: number, userId: number): Promise<void> {
  const [user, orgClients] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: { organizationId: true, platformOAuthClients: { select: { id: true }, take: 1 }, profiles: { select: { organizationId: true } } },
    }),
    db.platformOAuthClient.findMany({ where: { organizationId: orgId }, select: { id: true } }),
  ]);
  if (!user) throw userNotFound(userId);
  const otherOrg = (user.organizationId !== null && user.organizationId !== orgId) || user.profiles.some((p) => p.organizationId !== orgId);
  if (otherOrg) throw userInAnotherOrganization(userId);
  const userClient = user.platformOAuthClients[0]?.id;
  if (!userClient && orgClients.length === 0) return;
  if (userClient && orgClients.some((client) => client.id === userClient)) return;
  if (!userClient) throw regularUserInPlatformOrg();
  if (orgClients.length === 0) throw platformUserInRegularOrg();
  throw differentOAuthClients();
}

/**
 * Upserts the user's membership of the organization (Cal.com: no 409, role/accepted/disableImpersonation
 * overwritten). An accepted membership makes the user a host of the organization's assign-all event types.
 */
export async function createOrgMembership(
  deps: Deps,
  actor: Actor,
  { orgId, body }: { orgId: number; body: CreateOrgMembershipInput },
): Promise<OrgMembershipOutput> {
  await requireOrgAccess(deps, actor, orgId, withPermissions("OrganizationsMembershipsController_createMembership", ORG_ADMIN));
  await assertUserCanJoin(deps.db, orgId, body.userId);
  const { userId, ...fields } = body;
  return deps.txDb.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({ where: { userId_teamId: { userId, teamId: orgId } }, select: { id: true } });
    const { target, owners } = await lockOwnersAndTarget(tx, orgId, existing?.id ?? 0);
    if (target) assertOwnerRules(actor, null, orgId, target, owners, fields.role);
    else if (fields.role === "OWNER" && !owners.some((owner) => owner.userId === actor.userId)) throw onlyOwnerManagesOwners();
    const membership = await tx.membership.upsert({
      where: { userId_teamId: { userId, teamId: orgId } },
      create: { userId, teamId: orgId, ...fields },
      update: fields,
      select: orgMembershipOutputSelect,
    });
    if (!target?.accepted && membership.accepted) await onMembershipAccepted(tx, orgId, userId);
    return toOrgMembershipOutput(membership);
  });
}

export async function updateOrgMembership(
  deps: Deps,
  actor: Actor,
  { orgId, membershipId, body }: OrgMembershipIdInput & { body: UpdateOrgMembershipInput },
): Promise<OrgMembershipOutput> {
  await requireOrgAccess(deps, actor, orgId, withPermissions("OrganizationsMembershipsController_updateMembership", ORG_ADMIN));
  return deps.txDb.$transaction(async (tx) => {
    const { target, owners } = await lockOwnersAndTarget(tx, orgId, membershipId);
    if (!target) throw membershipNotInOrg(membershipId);
    assertOwnerRules(actor, null, orgId, target, owners, body.role ?? target.role);
    const membership = await tx.membership.update({ where: { id: membershipId }, data: body, select: orgMembershipOutputSelect });
    if (!target.accepted && membership.accepted) await onMembershipAccepted(tx, orgId, membership.userId);
    return toOrgMembershipOutput(membership);
  });
}

/**
 * Removes a user from the organization, in one transaction (Cal.com's TeamService.removeMembers with isOrg): their
 * hosts and managed children on the organization's and its teams' event types, their memberships of those teams
 * and of the organization, their profile; User.organizationId is cleared and the username made unique outside
 * the organization (`<username>-<id>`), as Cal.com does. Bookings are kept.
 */
export async function removeFromOrganization(tx: Tx, orgId: number, userId: number): Promise<void> {
  await onOrganizationMembershipRemoved(tx, orgId, userId);
  await tx.membership.deleteMany({ where: { userId, team: { parentId: orgId } } });
  await tx.membership.deleteMany({ where: { userId, teamId: orgId } });
  await tx.profile.deleteMany({ where: { userId, organizationId: orgId } });
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true, organizationId: true } });
  if (user.organizationId === orgId) {
    await tx.user.update({
      where: { id: userId },
      data: { organizationId: null, username: user.username === null ? null : `${user.username}-${userId}` },
    });
  }
}

export async function deleteOrgMembership(deps: Deps, actor: Actor, { orgId, membershipId }: OrgMembershipIdInput): Promise<OrgMembershipOutput> {
  await requireOrgAccess(deps, actor, orgId, withPermissions("OrganizationsMembershipsController_deleteMembership", ORG_ADMIN));
  return deps.txDb.$transaction(async (tx) => {
    const { target, owners } = await lockOwnersAndTarget(tx, orgId, membershipId);
    if (!target) throw membershipNotInOrg(membershipId);
    assertOwnerRules(actor, null, orgId, target, owners, null);
    const membership = await tx.membership.findUniqueOrThrow({ where: { id: membershipId }, select: orgMembershipOutputSelect });
    await removeFromOrganization(tx, orgId, target.userId);
    return toOrgMembershipOutput(membership);
  });
}
