import type { Actor } from "../auth/principal";
import type { MembershipRole } from "../generated/prisma/client";
import type { Deps } from "../services";
import type { Tx } from "../services/db";
import { onMembershipAccepted, onMembershipRemoved } from "../team-event-types/membership-effects";
import { userNotFound } from "../users/errors";
import {
  differentOAuthClients,
  lastTeamOwner,
  onlyOwnerManagesOwners,
  orgTeamMembershipNotFoundInTeam,
  platformUserInRegularTeam,
  regularUserInPlatformTeam,
  teamMembershipExists,
  teamMembershipNotFound,
  teamMembershipNotFoundInTeam,
  userNotInOrganization,
} from "./errors";
import { membershipOutputSelect, type TeamMembershipOutput, toTeamMembershipOutput } from "./output";
import type { CreateTeamMembershipInput, TeamIdInput, TeamMembershipIdInput, TeamMembershipsQueryInput, UpdateTeamMembershipInput } from "./schemas";
import type { TeamCaller } from "./scope";
import { isUniqueViolation, requireTeamAccess } from "./store";

// Team memberships (Cal.com's TeamsMembershipsController, every route TEAM_ADMIN). Beyond Cal.com: only an OWNER
// grants the OWNER role or changes or removes an OWNER, and a team always keeps one OWNER. Changes to a membership
// run in one transaction with their effects on the team's event types (membership-effects.ts).

/** Cal.com's canUserBeAddedToTeam: a managed user joins only a team made by the same OAuth client, and vice versa. */
function assertPlatformMix(userClientId: string | null, teamClientId: string | null): void {
  if (userClientId === teamClientId) return;
  if (!teamClientId) throw platformUserInRegularTeam();
  if (!userClientId) throw regularUserInPlatformTeam();
  throw differentOAuthClients();
}

/**
 * An org team admits only members of its organization (an org Profile; 422 `User is not part of the
 * Organization` otherwise, unknown users included, as Cal.com). Answers whether the membership is accepted
 * whatever the body says: the org is verified and the user's email is of its auto-accept domain (case-insensitive,
 * Cal.com's OrganizationMembershipService.shouldAutoAccept).
 */
async function orgMemberAutoAccepted(deps: Deps, orgId: number, userId: number): Promise<boolean> {
  const profile = await deps.db.profile.findUnique({
    where: { userId_organizationId: { userId, organizationId: orgId } },
    select: {
      user: { select: { email: true } },
      organization: { select: { organizationSettings: { select: { isOrganizationVerified: true, orgAutoAcceptEmail: true } } } },
    },
  });
  if (!profile) throw userNotInOrganization();
  const settings = profile.organization.organizationSettings;
  if (!settings?.isOrganizationVerified || !settings.orgAutoAcceptEmail) return false;
  const domain = profile.user.email.slice(profile.user.email.lastIndexOf("@") + 1);
  return domain.toLowerCase() === settings.orgAutoAcceptEmail.toLowerCase();
}

export async function createTeamMembership(
  deps: Deps,
  actor: Actor,
  { teamId, orgId, body }: TeamIdInput & { body: CreateTeamMembershipInput },
): Promise<TeamMembershipOutput> {
  const caller = await requireTeamAccess(deps, actor, { teamId, orgId }, "TEAM_ADMIN", "OrganizationsTeamsMembershipsController_createOrgTeamMembership");
  if (body.role === "OWNER" && caller.role !== "OWNER") throw onlyOwnerManagesOwners();
  // On an org's team: the user must be in the org, and the org's auto-accept domain overrides `accepted`.
  const accepted = (orgId !== undefined && (await orgMemberAutoAccepted(deps, orgId, body.userId))) || body.accepted;
  const [user, team] = await Promise.all([
    deps.db.user.findUnique({ where: { id: body.userId }, select: { isPlatformManaged: true, platformOAuthClients: { select: { id: true }, take: 1 } } }),
    deps.db.team.findUniqueOrThrow({ where: { id: teamId }, select: { createdByOAuthClientId: true } }),
  ]);
  if (!user) throw userNotFound(body.userId);
  assertPlatformMix(user.isPlatformManaged ? (user.platformOAuthClients[0]?.id ?? null) : null, team.createdByOAuthClientId);
  try {
    return await deps.txDb.$transaction(async (tx) => {
      const membership = await tx.membership.create({ data: { teamId, ...body, accepted }, select: membershipOutputSelect });
      if (membership.accepted) await onMembershipAccepted(tx, teamId, body.userId);
      return toTeamMembershipOutput(membership);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw teamMembershipExists(body.userId, teamId);
    throw error;
  }
}

export async function listTeamMemberships(
  deps: Deps,
  actor: Actor,
  { teamId, orgId, query }: TeamIdInput & { query: TeamMembershipsQueryInput },
): Promise<TeamMembershipOutput[]> {
  await requireTeamAccess(deps, actor, { teamId, orgId }, "TEAM_ADMIN", "OrganizationsTeamsMembershipsController_getAllOrgTeamMemberships");
  const emails = query.emails ?? [];
  const memberships = await deps.db.membership.findMany({
    where: { teamId, ...(emails.length > 0 ? { user: { email: { in: emails, mode: "insensitive" } } } : {}) },
    orderBy: { id: "asc" },
    skip: query.skip,
    take: query.take,
    select: membershipOutputSelect,
  });
  return memberships.map(toTeamMembershipOutput);
}

export async function getTeamMembership(deps: Deps, actor: Actor, { teamId, orgId, membershipId }: TeamMembershipIdInput): Promise<TeamMembershipOutput> {
  await requireTeamAccess(deps, actor, { teamId, orgId }, "TEAM_ADMIN", "OrganizationsTeamsMembershipsController_getOrgTeamMembership");
  const membership = await deps.db.membership.findFirst({ where: { id: membershipId, teamId }, select: membershipOutputSelect });
  if (!membership) throw teamMembershipNotFound();
  return toTeamMembershipOutput(membership);
}

export interface LockedMembership {
  id: number;
  userId: number;
  role: MembershipRole;
  accepted: boolean;
}

/**
 * Locks the team's OWNER rows and the target row (in id order, so two requests never deadlock) and answers them.
 * Two concurrent demotions of the last two owners serialise here: the second sees the first's result.
 */
export async function lockOwnersAndTarget(tx: Tx, teamId: number, membershipId: number): Promise<{ target?: LockedMembership; owners: LockedMembership[] }> {
  const rows = await tx.$queryRaw<LockedMembership[]>`
    SELECT "id", "userId", "role", "accepted" FROM "Membership"
    WHERE "teamId" = ${teamId} AND ("role" = 'OWNER' OR "id" = ${membershipId})
    ORDER BY "id" FOR UPDATE`;
  return { target: rows.find((row) => row.id === membershipId), owners: rows.filter((row) => row.role === "OWNER") };
}

/**
 * On an org's team, an org OWNER manages the team's owners without being one (the org role raises the team role,
 * src/teams/scope.ts); an org ADMIN acts as a team ADMIN.
 */
const isOrgOwnerCaller = (caller: TeamCaller | null) =>
  caller !== null && caller.organizationId !== null && caller.role === "OWNER" && caller.membership?.role !== "OWNER";

/**
 * The owner rules on a change of `target` (to `newRole`, or removal when `newRole` is null). `caller` is the team
 * guards' answer on team routes; org membership routes pass null (only the org's owners manage its owners).
 */
export function assertOwnerRules(
  actor: Actor,
  caller: TeamCaller | null,
  teamId: number,
  target: LockedMembership,
  owners: LockedMembership[],
  newRole: MembershipRole | null,
): void {
  const touchesOwner = target.role === "OWNER" || newRole === "OWNER";
  if (touchesOwner && !isOrgOwnerCaller(caller) && !owners.some((owner) => owner.userId === actor.userId)) throw onlyOwnerManagesOwners();
  if (target.role === "OWNER" && newRole !== "OWNER" && owners.length <= 1) throw lastTeamOwner(teamId);
}

export async function updateTeamMembership(
  deps: Deps,
  actor: Actor,
  { teamId, orgId, membershipId, body }: TeamMembershipIdInput & { body: UpdateTeamMembershipInput },
): Promise<TeamMembershipOutput> {
  const caller = await requireTeamAccess(deps, actor, { teamId, orgId }, "TEAM_ADMIN", "OrganizationsTeamsMembershipsController_updateOrgTeamMembership");
  return deps.txDb.$transaction(async (tx) => {
    const { target, owners } = await lockOwnersAndTarget(tx, teamId, membershipId);
    if (!target) throw teamMembershipNotFound();
    assertOwnerRules(actor, caller, teamId, target, owners, body.role ?? target.role);
    const membership = await tx.membership.update({ where: { id: membershipId }, data: body, select: membershipOutputSelect });
    if (!target.accepted && membership.accepted) await onMembershipAccepted(tx, teamId, membership.userId);
    return toTeamMembershipOutput(membership);
  });
}

/** Removes a member: they stop hosting the team's event types and lose their managed children (same transaction). */
export async function deleteTeamMembership(deps: Deps, actor: Actor, { teamId, orgId, membershipId }: TeamMembershipIdInput): Promise<TeamMembershipOutput> {
  const caller = await requireTeamAccess(deps, actor, { teamId, orgId }, "TEAM_ADMIN", "OrganizationsTeamsMembershipsController_deleteOrgTeamMembership");
  return deps.txDb.$transaction(async (tx) => {
    const { target, owners } = await lockOwnersAndTarget(tx, teamId, membershipId);
    if (!target) throw orgId === undefined ? teamMembershipNotFoundInTeam(membershipId, teamId) : orgTeamMembershipNotFoundInTeam(membershipId, teamId, orgId);
    assertOwnerRules(actor, caller, teamId, target, owners, null);
    const membership = await tx.membership.delete({ where: { id: membershipId }, select: membershipOutputSelect });
    await onMembershipRemoved(tx, teamId, membership.userId);
    return toTeamMembershipOutput(membership);
  });
}
