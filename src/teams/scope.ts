import type { Actor } from "../auth/principal";
import type { MembershipRole } from "../generated/prisma/client";
import { type PlatformPlan, requireOrgTeamAccess } from "../organizations/access";
import { type PbacOperationId, ROUTE_PERMISSIONS } from "../roles/route-permissions";
import type { Deps } from "../services";
import { requireTeamRole, type TeamRoleRequirement } from "./access";

// One team service serves two route families: `/v2/teams/{teamId}/…` and `/v2/organizations/{orgId}/teams/
// {teamId}/…`. The path params say which (an `orgId` is present only on org routes), and this is the one place
// that picks the guards: the plain RolesGuard for standalone teams, the org guards (org admins pass any TEAM_
// role, the plan, the admin API, IsTeamInOrg) for an org's teams.

/** The ids of a team route: `orgId` only on `/v2/organizations/{orgId}/teams/{teamId}…`. */
export interface TeamScope {
  teamId: number;
  orgId?: number;
}

/** The caller as the team guards saw them. */
export interface TeamCaller {
  /** The caller's role for owner rules: the team role, raised to the org role for an org ADMIN/OWNER. */
  role: MembershipRole;
  /** The caller's own team membership, if any (an org admin may have none). */
  membership: { id: number; role: MembershipRole; accepted: boolean } | null;
  /** Set on org routes: the organization the team belongs to. */
  organizationId: number | null;
}

const RANK: Record<MembershipRole, number> = { MEMBER: 0, ADMIN: 1, OWNER: 2 };
const higher = (a: MembershipRole, b: MembershipRole) => (RANK[a] >= RANK[b] ? a : b);

/**
 * The guards of a team route in either family. Org routes need the ESSENTIALS platform plan unless `plan`
 * says otherwise (Cal.com's @PlatformPlan on the org controllers).
 */
export async function requireTeamScopeRole(
  deps: Deps,
  actor: Actor,
  scope: TeamScope,
  required: TeamRoleRequirement,
  options: { plan?: PlatformPlan | null; orgOperation?: PbacOperationId } = {},
): Promise<TeamCaller> {
  if (scope.orgId === undefined) {
    const membership = await requireTeamRole(deps, actor, scope.teamId, required);
    return { role: membership.role, membership, organizationId: null };
  }
  const access = await requireOrgTeamAccess(
    deps,
    actor,
    { orgId: scope.orgId, teamId: scope.teamId },
    {
      role: required,
      plan: options.plan === null ? undefined : (options.plan ?? "ESSENTIALS"),
      ...(options.orgOperation ? { permissions: ROUTE_PERMISSIONS[options.orgOperation] } : {}),
    },
  );
  const teamRole = access.teamMembership?.role ?? "MEMBER";
  return {
    role: access.isOrgAdmin ? higher(teamRole, access.orgMembership.role) : teamRole,
    membership: access.teamMembership,
    organizationId: access.organization.id,
  };
}
