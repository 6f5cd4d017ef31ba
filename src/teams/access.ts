import type { Actor } from "../auth/principal";
import { forbidden } from "../errors";
import type { MembershipRole } from "../generated/prisma/client";
import type { Deps } from "../services";

// Cal.com's RolesGuard for `/v2/teams/{teamId}…` routes (v2/modules/auth/guards/roles/roles.guard.ts): the caller
// needs a membership of the team (accepted or not: a pending invitation passes, as in Cal.com) holding at least
// the route's role. Plain functions, so services, webhook owners and route middleware share one check.

const ROLES_GUARD = "RolesGuard";

/** The minimum role a route needs, named as Cal.com's @Roles decorator names it. */
export type TeamRoleRequirement = "TEAM_MEMBER" | "TEAM_ADMIN" | "TEAM_OWNER";

// OWNER > ADMIN > MEMBER (v2/lib/roles/constants.ts).
const RANK: Record<MembershipRole, number> = { MEMBER: 0, ADMIN: 1, OWNER: 2 };
const REQUIRED_RANK: Record<TeamRoleRequirement, number> = { TEAM_MEMBER: 0, TEAM_ADMIN: 1, TEAM_OWNER: 2 };

export interface TeamMembershipOfCaller {
  id: number;
  role: MembershipRole;
  accepted: boolean;
}

/** The caller's membership of the team (accepted or not), or null. */
export async function teamMembershipOf(deps: Deps, userId: number, teamId: number): Promise<TeamMembershipOfCaller | null> {
  return deps.db.membership.findFirst({ where: { userId, teamId }, select: { id: true, role: true, accepted: true } });
}

/** Whether a role satisfies a requirement. */
export const hasTeamRole = (role: MembershipRole, required: TeamRoleRequirement): boolean => RANK[role] >= REQUIRED_RANK[required];

/**
 * RolesGuard on a team route: 403 `RolesGuard - User is not a member of the team with id=T.` without a
 * membership, 403 `RolesGuard - user with id=U does not have the minimum required role=R within team with id=T.`
 * with too low a role. Answers the membership. An unknown team id answers the first 403 too (Cal.com's guard
 * runs before the team is read, so a caller cannot learn whether a team exists).
 */
export async function requireTeamRole(deps: Deps, actor: Actor, teamId: number, required: TeamRoleRequirement): Promise<TeamMembershipOfCaller> {
  const membership = await teamMembershipOf(deps, actor.userId, teamId);
  if (!membership) throw forbidden(ROLES_GUARD, `User is not a member of the team with id=${teamId}.`);
  if (!hasTeamRole(membership.role, required)) {
    throw forbidden(ROLES_GUARD, `user with id=${actor.userId} does not have the minimum required role=${required} within team with id=${teamId}.`);
  }
  return membership;
}
