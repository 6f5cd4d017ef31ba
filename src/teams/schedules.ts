import type { Actor } from "../auth/principal";
import { type ScheduleOutput, toScheduleOutput } from "../schedules/output";
import type { Deps } from "../services";
import { requireUserInOrgTeam } from "../organizations/access";
import type { OrgTeamUserIdInput, TeamIdInput, TeamSchedulesQueryInput } from "./schemas";
import { requireTeamAccess } from "./store";

/**
 * The schedules of every member of the team, pending invitations included (Cal.com's TeamsSchedulesService,
 * TEAM_ADMIN), in the 2024-06-11 schedule shape, paginated over schedules in id order.
 */
export async function listTeamSchedules(
  deps: Deps,
  actor: Actor,
  { teamId, orgId, query }: TeamIdInput & { query: TeamSchedulesQueryInput },
): Promise<ScheduleOutput[]> {
  await requireTeamAccess(deps, actor, { teamId, orgId }, "TEAM_ADMIN");
  const schedules = await deps.db.schedule.findMany({
    where: { user: { memberships: { some: { teamId } } } },
    orderBy: { id: "asc" },
    skip: query.skip,
    take: query.take,
    include: { availability: { orderBy: { id: "asc" } }, user: { select: { defaultScheduleId: true } } },
  });
  return schedules.map((schedule) => toScheduleOutput(schedule, schedule.user.defaultScheduleId));
}

/**
 * One member's schedules (Cal.com's OrganizationsTeamsSchedulesController getUserSchedules): TEAM_ADMIN of the
 * org's team (org admins pass), then IsUserInOrgTeam (the user is in the org and the team); unpaginated, id order.
 */
export async function listOrgTeamUserSchedules(deps: Deps, actor: Actor, { orgId, teamId, userId }: OrgTeamUserIdInput): Promise<ScheduleOutput[]> {
  await requireTeamAccess(deps, actor, { teamId, orgId }, "TEAM_ADMIN");
  await requireUserInOrgTeam(deps, { orgId, teamId, userId });
  const schedules = await deps.db.schedule.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    include: { availability: { orderBy: { id: "asc" } }, user: { select: { defaultScheduleId: true } } },
  });
  return schedules.map((schedule) => toScheduleOutput(schedule, schedule.user.defaultScheduleId));
}
