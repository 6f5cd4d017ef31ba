import type { Actor } from "../auth/principal";
import { badRequest, notFound } from "../errors";
import { slugify } from "../platform/managed-users";
import type { Deps } from "../services";
import type { Queryable } from "../services/db";
import type { TeamRoleRequirement } from "./access";
import { requireTeamScopeRole, type TeamCaller, type TeamScope } from "./scope";
import { teamNameTaken, teamSlugTaken } from "./errors";
import { type TeamOutput, teamOutputSelect, toTeamOutput } from "./output";
import type { CreateTeamInput, TeamIdInput, UpdateTeamInput } from "./schemas";

// Teams (Cal.com's TeamsController / TeamsService): `/v2/teams` serves standalone teams; an organization (also a
// Team row) is answered 404 there, so its members and profile change only through the organization routes.

export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && ["P2002", "23505"].includes((error as { code?: string }).code ?? "");

const teamNotFound = (teamId: number) => notFound(`Team with id=${teamId} not found`);

/**
 * The team of a team route: the guards of its family (src/teams/scope.ts); on `/v2/teams/{teamId}…` the team
 * must then exist and not be an organization (org routes already checked it is one of the org's teams).
 */
export async function requireTeamAccess(deps: Deps, actor: Actor, scope: TeamScope, required: TeamRoleRequirement): Promise<TeamCaller> {
  const caller = await requireTeamScopeRole(deps, actor, scope, required);
  if (scope.orgId !== undefined) return caller;
  const team = await deps.db.team.findUnique({ where: { id: scope.teamId }, select: { isOrganization: true } });
  if (!team || team.isOrganization) throw teamNotFound(scope.teamId);
  return caller;
}

async function assertSlugFree(db: Queryable, slug: string, exceptTeamId?: number): Promise<void> {
  const taken = await db.team.findFirst({ where: { slug, parentId: null, ...(exceptTeamId ? { NOT: { id: exceptTeamId } } : {}) }, select: { id: true } });
  if (taken) throw teamSlugTaken(slug);
}

/**
 * Creates a team with the caller as its OWNER (accepted unless `autoAcceptCreator` is false). The slug defaults to
 * the slugified name. A team made with OAuth client credentials (or a managed user's access token) records the
 * client, so only that client's managed users may join it.
 */
export async function createTeam(deps: Deps, actor: Actor, input: CreateTeamInput): Promise<TeamOutput> {
  const { autoAcceptCreator, ...fields } = input;
  const slug = fields.slug ?? slugify(fields.name);
  if (!slug) throw badRequest("slug - could not be derived from name; pass a slug");
  const sameName = await deps.db.membership.findFirst({ where: { userId: actor.userId, team: { name: fields.name } }, select: { id: true } });
  if (sameName) throw teamNameTaken(fields.name);
  await assertSlugFree(deps.db, slug);
  try {
    return await deps.txDb.$transaction(async (tx) => {
      const team = await tx.team.create({
        data: { ...fields, slug, createdByOAuthClientId: actor.oAuthClientId ?? null },
        select: teamOutputSelect,
      });
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

export async function getTeam(deps: Deps, actor: Actor, { teamId, orgId }: TeamIdInput): Promise<TeamOutput> {
  await requireTeamAccess(deps, actor, { teamId, orgId }, "TEAM_MEMBER");
  return toTeamOutput(await deps.db.team.findUniqueOrThrow({ where: { id: teamId }, select: teamOutputSelect }));
}

/** Changes what the body names (TEAM_OWNER, as Cal.com). */
export async function updateTeam(deps: Deps, actor: Actor, { teamId, orgId, body }: TeamIdInput & { body: UpdateTeamInput }): Promise<TeamOutput> {
  await requireTeamAccess(deps, actor, { teamId, orgId }, "TEAM_OWNER");
  const { bookingLimits, ...fields } = body;
  if (fields.slug !== undefined) await assertSlugFree(deps.db, fields.slug, teamId);
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
 * Deletes the team (TEAM_OWNER) and answers it as it was. The database cascades to its memberships, its event
 * types, their hosts and managed children; bookings are kept (their event type is set to null).
 */
export async function deleteTeam(deps: Deps, actor: Actor, { teamId, orgId }: TeamIdInput): Promise<TeamOutput> {
  await requireTeamAccess(deps, actor, { teamId, orgId }, "TEAM_OWNER");
  return toTeamOutput(await deps.db.team.delete({ where: { id: teamId }, select: teamOutputSelect }));
}
