import type { Actor } from "../auth/principal";
import { badRequest, notFound } from "../errors";
import { slugify } from "../platform/managed-users";
import type { Deps } from "../services";
import type { Queryable } from "../services/db";
import { requireOrgAccess, requireOrgTeamAccess } from "../organizations/access";
import { type PbacOperationId, withPermissions } from "../roles/route-permissions";
import type { TeamRoleRequirement } from "./access";
import { requireTeamScopeRole, type TeamCaller, type TeamScope } from "./scope";
import { oAuthClientNotInOrganization, teamNameTaken, teamSlugTaken } from "./errors";
import { type OrgMeTeamOutput, type TeamOutput, teamOutputSelect, toTeamOutput } from "./output";
import type { CreateTeamInput, SkipTakeInput, TeamIdInput, UpdateTeamInput } from "./schemas";

// Teams (Cal.com's TeamsController / TeamsService): `/v2/teams` serves standalone teams; an organization (also a
// Team row) is answered 404 there, so its members and profile change only through the organization routes.

export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && ["P2002", "23505"].includes((error as { code?: string }).code ?? "");

const teamNotFound = (teamId: number) => notFound(`Team with id=${teamId} not found`);

/**
 * The team of a team route: the guards of its family (src/teams/scope.ts); on `/v2/teams/{teamId}…` the team
 * must then exist and not be an organization (org routes already checked it is one of the org's teams).
 */
export async function requireTeamAccess(
  deps: Deps,
  actor: Actor,
  scope: TeamScope,
  required: TeamRoleRequirement,
  /** The org route's operation, for its PBAC permissions (src/roles/route-permissions.ts); unused on /v2/teams. */
  orgOperation?: PbacOperationId,
): Promise<TeamCaller> {
  const caller = await requireTeamScopeRole(deps, actor, scope, required, { orgOperation });
  if (scope.orgId !== undefined) return caller;
  const team = await deps.db.team.findUnique({ where: { id: scope.teamId }, select: { isOrganization: true } });
  if (!team || team.isOrganization) throw teamNotFound(scope.teamId);
  return caller;
}

// A slug is unique among the teams of one parent (an organization's teams) or among standalone teams (parentId
// null, which the (slug, parentId) unique index does not cover: Postgres treats nulls as distinct).
async function assertSlugFree(db: Queryable, slug: string, options: { parentId?: number | null; exceptTeamId?: number } = {}): Promise<void> {
  const { parentId = null, exceptTeamId } = options;
  const taken = await db.team.findFirst({ where: { slug, parentId, ...(exceptTeamId ? { NOT: { id: exceptTeamId } } : {}) }, select: { id: true } });
  if (taken) throw teamSlugTaken(slug);
}

/**
 * Creates a team with the caller as its OWNER (accepted unless `autoAcceptCreator` is false). The slug defaults to
 * the slugified name. A team made with OAuth client credentials (or a managed user's access token) records the
 * client, so only that client's managed users may join it.
 */
export async function createTeam(deps: Deps, actor: Actor, input: CreateTeamInput): Promise<TeamOutput> {
  const sameName = await deps.db.membership.findFirst({ where: { userId: actor.userId, team: { name: input.name } }, select: { id: true } });
  if (sameName) throw teamNameTaken(input.name);
  return insertTeam(deps, actor, input, { parentId: null, createdByOAuthClientId: actor.oAuthClientId ?? null });
}

/**
 * Creates a team inside an organization (ORG_ADMIN, ESSENTIALS; Cal.com's OrganizationsTeamsService): as
 * createTeam, with the slug unique within the organization and no same-name check. `oAuthClientId` (the
 * `x-cal-client-id` header, else the caller's OAuth client) makes it a platform team; unlike Cal.com, which stores
 * any value, it must be one of the organization's OAuth clients (400 otherwise).
 */
export async function createOrgTeam(
  deps: Deps,
  actor: Actor,
  { orgId, oAuthClientId, body }: { orgId: number; oAuthClientId?: string; body: CreateTeamInput },
): Promise<TeamOutput> {
  await requireOrgAccess(deps, actor, orgId, withPermissions("OrganizationsTeamsController_createTeam", { role: "ORG_ADMIN", plan: "ESSENTIALS" }));
  const clientId = oAuthClientId ?? actor.oAuthClientId ?? null;
  if (clientId) {
    const client = await deps.db.platformOAuthClient.findFirst({ where: { id: clientId, organizationId: orgId }, select: { id: true } });
    if (!client) throw oAuthClientNotInOrganization(clientId, orgId);
  }
  return insertTeam(deps, actor, body, { parentId: orgId, createdByOAuthClientId: clientId });
}

async function insertTeam(
  deps: Deps,
  actor: Actor,
  input: CreateTeamInput,
  placement: { parentId: number | null; createdByOAuthClientId: string | null },
): Promise<TeamOutput> {
  const { autoAcceptCreator, ...fields } = input;
  const slug = fields.slug ?? slugify(fields.name);
  if (!slug) throw badRequest("slug - could not be derived from name; pass a slug");
  await assertSlugFree(deps.db, slug, { parentId: placement.parentId });
  try {
    return await deps.txDb.$transaction(async (tx) => {
      const team = await tx.team.create({ data: { ...fields, slug, ...placement }, select: teamOutputSelect });
      await tx.membership.create({ data: { teamId: team.id, userId: actor.userId, role: "OWNER", accepted: autoAcceptCreator } });
      return toTeamOutput(team);
    });
  } catch (error) {
    // A concurrent create took the slug between the check and the insert.
    if (isUniqueViolation(error)) throw teamSlugTaken(slug);
    throw error;
  }
}

/** The teams the caller is a member of (pending invitations included, as Cal.com), organizations left out. */
export async function listTeams(deps: Deps, actor: Actor): Promise<TeamOutput[]> {
  const teams = await deps.db.team.findMany({
    where: { isOrganization: false, members: { some: { userId: actor.userId } } },
    orderBy: { id: "asc" },
    select: teamOutputSelect,
  });
  return teams.map(toTeamOutput);
}

/**
 * The guard of reading or changing a team's profile. The families differ (Cal.com): `/v2/teams` reads with
 * TEAM_MEMBER and changes with TEAM_OWNER; an org's team is read with TEAM_ADMIN (org admins pass) and changed or
 * deleted by org admins only (ORG_ADMIN), both on the ESSENTIALS plan.
 */
async function requireTeamProfileAccess(deps: Deps, actor: Actor, { teamId, orgId }: TeamScope, action: "read" | "update" | "delete"): Promise<void> {
  if (orgId === undefined) {
    await requireTeamAccess(deps, actor, { teamId }, action === "read" ? "TEAM_MEMBER" : "TEAM_OWNER");
    return;
  }
  const operation = PROFILE_OPERATIONS[action];
  await requireOrgTeamAccess(
    deps,
    actor,
    { orgId, teamId },
    withPermissions(operation, { role: action === "read" ? "TEAM_ADMIN" : "ORG_ADMIN", plan: "ESSENTIALS" }),
  );
}
const PROFILE_OPERATIONS = {
  read: "OrganizationsTeamsController_getTeam",
  update: "OrganizationsTeamsController_updateTeam",
  delete: "OrganizationsTeamsController_deleteTeam",
} as const satisfies Record<string, PbacOperationId>;

export async function getTeam(deps: Deps, actor: Actor, { teamId, orgId }: TeamIdInput): Promise<TeamOutput> {
  await requireTeamProfileAccess(deps, actor, { teamId, orgId }, "read");
  return toTeamOutput(await deps.db.team.findUniqueOrThrow({ where: { id: teamId }, select: teamOutputSelect }));
}

/** Changes what the body names (TEAM_OWNER on /v2/teams, ORG_ADMIN on an org's team). */
export async function updateTeam(deps: Deps, actor: Actor, { teamId, orgId, body }: TeamIdInput & { body: UpdateTeamInput }): Promise<TeamOutput> {
  await requireTeamProfileAccess(deps, actor, { teamId, orgId }, "update");
  const { bookingLimits, ...fields } = body;
  if (fields.slug !== undefined) await assertSlugFree(deps.db, fields.slug, { parentId: orgId ?? null, exceptTeamId: teamId });
  try {
    const team = await deps.db.team.update({
      where: { id: teamId },
      data: { ...fields, ...(bookingLimits !== undefined ? { bookingLimits: JSON.parse(bookingLimits) } : {}) },
      select: teamOutputSelect,
    });
    return toTeamOutput(team);
  } catch (error) {
    if (isUniqueViolation(error) && fields.slug !== undefined) throw teamSlugTaken(fields.slug);
    throw error;
  }
}

/**
 * Deletes the team (TEAM_OWNER on /v2/teams, ORG_ADMIN on an org's team) and answers it as it was. The database
 * cascades to its memberships, its event types, their hosts and managed children and its invite links; bookings
 * are kept (their event type is set to null).
 */
export async function deleteTeam(deps: Deps, actor: Actor, { teamId, orgId }: TeamIdInput): Promise<TeamOutput> {
  await requireTeamProfileAccess(deps, actor, { teamId, orgId }, "delete");
  return toTeamOutput(await deps.db.team.delete({ where: { id: teamId }, select: teamOutputSelect }));
}

/** The organization's teams in id order (ORG_ADMIN, ESSENTIALS), paginated. */
export async function listOrgTeams(deps: Deps, actor: Actor, { orgId, query }: { orgId: number; query: SkipTakeInput }): Promise<TeamOutput[]> {
  await requireOrgAccess(deps, actor, orgId, withPermissions("OrganizationsTeamsController_getAllTeams", { role: "ORG_ADMIN", plan: "ESSENTIALS" }));
  const teams = await deps.db.team.findMany({
    where: { parentId: orgId },
    orderBy: { id: "asc" },
    skip: query.skip,
    take: query.take,
    select: teamOutputSelect,
  });
  return teams.map(toTeamOutput);
}

/**
 * The caller's view of the organization's teams (ORG_MEMBER, ESSENTIALS; Cal.com's getMyTeams): an org ADMIN or
 * OWNER sees every team, others the teams they belong to (pending included). Each team carries the caller's
 * `role` and `accepted` where they have a membership.
 */
export async function listMyOrgTeams(deps: Deps, actor: Actor, { orgId, query }: { orgId: number; query: SkipTakeInput }): Promise<OrgMeTeamOutput[]> {
  const access = await requireOrgAccess(deps, actor, orgId, { role: "ORG_MEMBER", plan: "ESSENTIALS" });
  const teams = await deps.db.team.findMany({
    where: { parentId: orgId, ...(access.isOrgAdmin ? {} : { members: { some: { userId: actor.userId } } }) },
    orderBy: { id: "asc" },
    skip: query.skip,
    take: query.take,
    select: { ...teamOutputSelect, members: { where: { userId: actor.userId }, select: { role: true, accepted: true } } },
  });
  return teams.map(({ members, ...team }) => ({ ...toTeamOutput(team), ...(members[0] ?? {}) }));
}
