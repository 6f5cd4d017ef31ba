import type { Actor } from "../auth/principal";
import { forbidden, notFound } from "../errors";
import type { MembershipRole } from "../generated/prisma/client";
import type { Deps } from "../services";
import { PBAC_FEATURE, type PermissionString, roleIdOf, rolesGrant } from "../roles/permissions";
import { hasTeamRole, type TeamRoleRequirement } from "../teams/access";

// The guards in front of every `/v2/organizations/{orgId}…` route, in Cal.com's order (the order decides which
// error wins): IsOrgGuard, RolesGuard, PlatformPlanGuard, IsAdminAPIEnabledGuard, then IsTeamInOrg on org-team
// routes (v2/modules/auth/guards/*). Plain functions: services call them with the path ids; the org and the
// caller's memberships come from one query. Where Cal.com caches guard answers in Redis for 5 minutes (so a
// demoted admin keeps access that long), we read them fresh on every request.

export type OrgRoleRequirement = "ORG_MEMBER" | "ORG_ADMIN" | "ORG_OWNER";
export type OrgRouteRole = OrgRoleRequirement | TeamRoleRequirement;

/** Cal.com's platform plans, lowest first (v2/modules/billing/types.ts). */
export const PLATFORM_PLANS = ["FREE", "STARTER", "ESSENTIALS", "SCALE", "PER_ACTIVE_USER", "ENTERPRISE"] as const;
export type PlatformPlan = (typeof PLATFORM_PLANS)[number];

export interface OrgRouteRequirement {
  /** The route's @Roles: an ORG_ role is checked against the org membership, a TEAM_ role against the team's. */
  role: OrgRouteRole;
  /**
   * The route's @Pbac permissions: where the org (or, on team routes, the team) has the `pbac` feature, the
   * caller's role must grant them all, and they decide instead of `role` (src/roles/permissions.ts).
   */
  permissions?: readonly PermissionString[];
  /** The route's @PlatformPlan (platform orgs only; other orgs always pass). */
  plan?: PlatformPlan;
}

/** What the guards found, for the service behind them. */
export interface OrgAccess {
  organization: { id: number; slug: string | null; name: string; isPlatform: boolean };
  /** The caller's membership of the organization (accepted or not). */
  orgMembership: { id: number; role: MembershipRole; accepted: boolean };
  /** Whether that membership is ADMIN or OWNER (org admins pass every TEAM_ role of the org's teams). */
  isOrgAdmin: boolean;
  /** Whether PBAC decided and the caller's role grants the route's permissions (then the role rank was not asked). */
  permissionGranted: boolean;
}

export interface OrgTeamAccess extends OrgAccess {
  team: { id: number; name: string; slug: string | null };
  /** The caller's membership of the team, if any (an org admin needs none). */
  teamMembership: { id: number; role: MembershipRole; accepted: boolean } | null;
}

const RANK: Record<MembershipRole, number> = { MEMBER: 0, ADMIN: 1, OWNER: 2 };
const ORG_REQUIRED_RANK: Record<OrgRoleRequirement, number> = { ORG_MEMBER: 0, ORG_ADMIN: 1, ORG_OWNER: 2 };
const isOrgRole = (role: OrgRouteRole): role is OrgRoleRequirement => role.startsWith("ORG_");
const isAdminRole = (role: MembershipRole) => role === "ADMIN" || role === "OWNER";

// Messages (v2/modules/auth/guards/…).
const orgNotFound = (orgId: number) => forbidden("IsOrgGuard", `provided organization id=${orgId} does not represent any existing organization.`);
const teamNotInOrg = (teamId: number) => notFound(`IsTeamInOrg - Team (${teamId}) not found.`);
const roleTooLow = (userId: number, role: OrgRouteRole, orgId: number, teamId?: number) =>
  forbidden(
    "RolesGuard",
    `user with id=${userId} does not have the minimum required role=${role} within organization with id=${orgId}${teamId ? ` team with id=${teamId}` : ""}.`,
  );

const callerMembership = (userId: number) => ({ where: { userId }, select: { id: true, role: true, accepted: true, customRoleId: true } }) as const;
const pbacFeature = { where: { featureId: PBAC_FEATURE }, select: { featureId: true } } as const;

// One query: the org, its billing and settings, the caller's org membership and (on team routes) the team, if it
// is one of the org's, with the caller's team membership.
async function loadOrganization(deps: Deps, userId: number, orgId: number, teamId?: number) {
  const org = await deps.db.team.findUnique({
    where: { id: orgId },
    select: {
      id: true,
      name: true,
      slug: true,
      isOrganization: true,
      isPlatform: true,
      platformBilling: { select: { plan: true, subscriptionId: true } },
      organizationSettings: { select: { isAdminAPIEnabled: true } },
      members: callerMembership(userId),
      features: pbacFeature,
      ...(teamId
        ? { children: { where: { id: teamId }, select: { id: true, name: true, slug: true, members: callerMembership(userId), features: pbacFeature } } }
        : {}),
    },
  });
  return org as (Omit<NonNullable<typeof org>, "children"> & { children?: OrgTeamRow[] }) | null;
}
interface OrgTeamRow {
  id: number;
  name: string;
  slug: string | null;
  members: CallerMembership[];
  features: { featureId: string }[];
}
type CallerMembership = { id: number; role: MembershipRole; accepted: boolean; customRoleId: string | null };

const pbacError = (userId: number, permissions: readonly PermissionString[], orgId: number, teamId?: number) =>
  forbidden(
    "PbacGuard",
    `user with id=${userId} does not have the permissions ${permissions.join(", ")} within organization with id=${orgId}${teamId ? ` team with id=${teamId}` : ""}.`,
  );

/**
 * PBAC, where switched on: the route's permissions decide (true: granted, an error: refused); null when PBAC
 * does not apply (no permissions on the route, or no `pbac` feature), so the role check runs.
 */
async function pbacDecision(
  deps: Deps,
  enabled: boolean,
  memberships: (CallerMembership | null | undefined)[],
  permissions: readonly PermissionString[] | undefined,
): Promise<boolean | null> {
  if (!enabled || !permissions?.length) return null;
  const roleIds = memberships.filter((m): m is CallerMembership => Boolean(m)).map(roleIdOf);
  return rolesGrant(deps.db, roleIds, permissions);
}
type LoadedOrganization = NonNullable<Awaited<ReturnType<typeof loadOrganization>>>;

/** PlatformPlanGuard: a platform org needs a subscription of at least `plan`; other orgs pass. */
function checkPlan(org: LoadedOrganization, plan: PlatformPlan | undefined): void {
  if (!plan || !org.isPlatform) return;
  const billing = org.platformBilling;
  if (!billing?.subscriptionId) throw forbidden("PlatformPlanGuard", `No platform subscription found for organization with id=${org.id}.`);
  const current = PLATFORM_PLANS.indexOf(billing.plan as PlatformPlan);
  if (current < PLATFORM_PLANS.indexOf(plan)) {
    throw forbidden(
      "PlatformPlanGuard",
      `organization with id=${org.id} does not have required plan for this operation. Minimum plan is ${plan} while the organization has ${billing.plan}.`,
    );
  }
}

/**
 * IsAdminAPIEnabledGuard: a non-platform org needs the admin API enabled. Cal.com tests only that a settings row
 * exists (its repository answers `{isAdminAPIEnabled:false}`, which is truthy); we check the flag itself.
 */
function checkAdminApi(org: LoadedOrganization): void {
  if (org.isPlatform || org.organizationSettings?.isAdminAPIEnabled) return;
  throw forbidden("IsAdminAPIEnabledGuard", "Organization does not have Admin API access, please contact https://cal.com/sales to upgrade");
}

const summary = (org: LoadedOrganization) => ({ id: org.id, slug: org.slug, name: org.name, isPlatform: org.isPlatform });

/**
 * The guards of an org route (`/v2/organizations/{orgId}/…` without a team): the org exists (else 403, never 404,
 * so ids cannot be probed), the caller is a member (a pending membership passes, as in Cal.com) with at least
 * `role`, the plan and the admin API. A TEAM_ role on such a route is refused (Cal.com lets only system admins
 * through, and this API has none).
 */
export async function requireOrgAccess(deps: Deps, actor: Actor, orgId: number, requirement: OrgRouteRequirement): Promise<OrgAccess> {
  const org = await loadOrganization(deps, actor.userId, orgId);
  if (!org?.isOrganization) throw orgNotFound(orgId);
  const membership = org.members[0];
  if (!membership) throw forbidden("RolesGuard", `User is not a member of the organization with id=${orgId}.`);
  const { role } = requirement;
  const pbac = await pbacDecision(deps, org.features.length > 0, [membership], requirement.permissions);
  if (pbac === false) throw pbacError(actor.userId, requirement.permissions ?? [], orgId);
  if (pbac === null && (!isOrgRole(role) || RANK[membership.role] < ORG_REQUIRED_RANK[role])) throw roleTooLow(actor.userId, role, orgId);
  checkPlan(org, requirement.plan);
  checkAdminApi(org);
  return { organization: summary(org), orgMembership: membership, isOrgAdmin: isAdminRole(membership.role), permissionGranted: pbac === true };
}

/**
 * The guards of an org-team route (`/v2/organizations/{orgId}/teams/{teamId}/…`): as requireOrgAccess, except
 * that a TEAM_ role is met by the team membership or by being an org ADMIN/OWNER, and the team must be one of
 * the org's (404 `IsTeamInOrg - Team (T) not found.` otherwise, checked last as in Cal.com).
 */
export async function requireOrgTeamAccess(
  deps: Deps,
  actor: Actor,
  ids: { orgId: number; teamId: number },
  requirement: OrgRouteRequirement,
): Promise<OrgTeamAccess> {
  const { orgId, teamId } = ids;
  const org = await loadOrganization(deps, actor.userId, orgId, teamId);
  if (!org?.isOrganization) throw orgNotFound(orgId);
  const orgMembership = org.members[0];
  if (!orgMembership) throw forbidden("RolesGuard", `User is not part of the organization with id=${orgId}.`);
  const team = org.children?.[0];
  const teamMembership = team?.members[0] ?? null;
  const { role } = requirement;
  const pbacEnabled = org.features.length > 0 || (team?.features.length ?? 0) > 0;
  const pbac = await pbacDecision(deps, pbacEnabled, [orgMembership, teamMembership], requirement.permissions);
  if (pbac === false) throw pbacError(actor.userId, requirement.permissions ?? [], orgId, teamId);
  if (pbac === true) {
    // Granted by the caller's role: the rank check is skipped (Cal.com's PbacGuard lets RolesGuard pass).
  } else if (isOrgRole(role)) {
    if (RANK[orgMembership.role] < ORG_REQUIRED_RANK[role]) throw roleTooLow(actor.userId, role, orgId, teamId);
  } else if (!isAdminRole(orgMembership.role)) {
    // A team of another org has no membership row here, so it is refused like a team the caller is not in.
    if (!teamMembership) {
      throw forbidden(
        "RolesGuard",
        `User is not part of the team with id=${teamId} and/or, is not an admin nor an owner of the organization with id=${orgId}.`,
      );
    }
    if (!hasTeamRole(teamMembership.role, role)) throw roleTooLow(actor.userId, role, orgId, teamId);
  }
  checkPlan(org, requirement.plan);
  checkAdminApi(org);
  if (!team) throw teamNotInOrg(teamId);
  return {
    organization: summary(org),
    orgMembership,
    isOrgAdmin: isAdminRole(orgMembership.role),
    permissionGranted: pbac === true,
    team: { id: team.id, name: team.name, slug: team.slug },
    teamMembership: teamMembership,
  };
}

/** IsUserInOrg: the path user has a Profile in the org (403 otherwise). Answers the profile. */
export async function requireUserInOrg(deps: Deps, orgId: number, userId: number): Promise<{ id: number; username: string }> {
  const profile = await deps.db.profile.findUnique({
    where: { userId_organizationId: { userId, organizationId: orgId } },
    select: { id: true, username: true },
  });
  if (!profile) throw forbidden("IsUserInOrg", `user with id=${userId} is not part of the organization with id=${orgId}.`);
  return profile;
}

/** IsUserInOrgTeam: the path user is in the org and has a membership of the org's team (403 otherwise). */
export async function requireUserInOrgTeam(deps: Deps, ids: { orgId: number; teamId: number; userId: number }): Promise<void> {
  const { orgId, teamId, userId } = ids;
  const membership = await deps.db.membership.findFirst({
    where: { userId, teamId, team: { parentId: orgId }, user: { profiles: { some: { organizationId: orgId } } } },
    select: { id: true },
  });
  if (!membership) {
    throw forbidden("IsUserInOrgTeam", `user with id=(${userId}) is not part of the team with id=(${teamId}) in the organization with id=(${orgId})`);
  }
}

/**
 * The guards of the org-team event-type list, which Cal.com serves without authentication: IsOrgGuard, IsTeamInOrg,
 * IsAdminAPIEnabledGuard, in that order (no caller, so no RolesGuard or PlatformPlanGuard).
 */
export async function requireOrgTeamWithoutCaller(deps: Deps, ids: { orgId: number; teamId: number }): Promise<void> {
  const { orgId, teamId } = ids;
  // No caller: user id 0 matches no membership, so only the org, its settings and the team are read.
  const org = await loadOrganization(deps, 0, orgId, teamId);
  if (!org?.isOrganization) throw orgNotFound(orgId);
  if (!org.children?.[0]) throw teamNotInOrg(teamId);
  checkAdminApi(org);
}
