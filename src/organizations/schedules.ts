import type { Actor } from "../auth/principal";
import type { OrgIdParams, ScheduleIdParams, UserIdParams } from "../http/common";
import { paginationQuery } from "../http/common";
import { type ScheduleOutput, toScheduleOutput } from "../schedules/output";
import type { CreateScheduleInput, UpdateScheduleInput } from "../schedules/schemas";
import { createSchedule, deleteSchedule, getSchedule, listSchedules, updateSchedule } from "../schedules/store";
import type { Deps } from "../services";
import type { z } from "@hono/zod-openapi";
import { requireOrgAccess, requireUserInOrg } from "./access";
import { ORG_ADMIN } from "./memberships/service";

// Orgs / Schedules and Orgs / Users / Schedules (Cal.com's OrganizationsSchedulesController, ORG_ADMIN,
// ESSENTIALS; the user routes add IsUserInOrg). A user's schedules are served by /v2/schedules' own service,
// acting as that user, so the rules (ownership, default schedule) are the same.

export const OrgSchedulesQuery = paginationQuery({ take: 250 });
type OrgUserInput = z.infer<typeof OrgIdParams> & z.infer<typeof UserIdParams>;
type OrgUserScheduleInput = OrgUserInput & z.infer<typeof ScheduleIdParams>;

/** The schedules of every user of the organization (a profile in it), in id order. */
export async function listOrganizationSchedules(
  deps: Deps,
  actor: Actor,
  { orgId, query }: { orgId: number; query: z.infer<typeof OrgSchedulesQuery> },
): Promise<ScheduleOutput[]> {
  await requireOrgAccess(deps, actor, orgId, ORG_ADMIN);
  const schedules = await deps.db.schedule.findMany({
    where: { user: { profiles: { some: { organizationId: orgId } } } },
    orderBy: { id: "asc" },
    skip: query.skip,
    take: query.take,
    include: { availability: { orderBy: { id: "asc" } }, user: { select: { defaultScheduleId: true } } },
  });
  return schedules.map((schedule) => toScheduleOutput(schedule, schedule.user.defaultScheduleId));
}

/** The guards of a user schedule route, then the caller as seen by the schedules service: the path user. */
async function actAsOrgUser(deps: Deps, actor: Actor, { orgId, userId }: OrgUserInput): Promise<Actor> {
  await requireOrgAccess(deps, actor, orgId, ORG_ADMIN);
  await requireUserInOrg(deps, orgId, userId);
  return { ...actor, userId };
}

export async function createOrgUserSchedule(deps: Deps, actor: Actor, input: OrgUserInput & { body: CreateScheduleInput }): Promise<ScheduleOutput> {
  return createSchedule(deps, await actAsOrgUser(deps, actor, input), input.body);
}

export async function listOrgUserSchedules(deps: Deps, actor: Actor, input: OrgUserInput): Promise<ScheduleOutput[]> {
  return listSchedules(deps, await actAsOrgUser(deps, actor, input));
}

export async function getOrgUserSchedule(deps: Deps, actor: Actor, input: OrgUserScheduleInput): Promise<ScheduleOutput> {
  return getSchedule(deps, await actAsOrgUser(deps, actor, input), input);
}

export async function updateOrgUserSchedule(deps: Deps, actor: Actor, input: OrgUserScheduleInput & { body: UpdateScheduleInput }): Promise<ScheduleOutput> {
  return updateSchedule(deps, await actAsOrgUser(deps, actor, input), input);
}

export async function deleteOrgUserSchedule(deps: Deps, actor: Actor, input: OrgUserScheduleInput): Promise<void> {
  await deleteSchedule(deps, await actAsOrgUser(deps, actor, input), input);
}
