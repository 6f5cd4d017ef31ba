import type { Actor } from "../auth/principal";
import { type ScheduleOutput, toScheduleOutput } from "../schedules/output";
import type { Deps } from "../services";
import type { TeamIdInput, TeamSchedulesQueryInput } from "./schemas";
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
