import { connectedIntegrationsFor } from "../conferencing/store";
import type { Actor } from "../auth/principal";
import { eventTypeDoesNotExist, eventTypeNotFound } from "../event-types/errors";
import { createData, type InputRules, updateData } from "../event-types/input";
import type { EventTypeRecord } from "../event-types/output";
import type { Prisma } from "../generated/prisma/client";
import type { Deps } from "../services";
import type { Queryable } from "../services/db";
import { requireOrgAccess, requireOrgTeamWithoutCaller } from "../organizations/access";
import { requireTeamScopeRole } from "../teams/scope";
import {
  hostsRequiredWhenSwitching,
  invalidHosts,
  managedSchedulingTypeIsFixed,
  phoneCallsUnavailable,
  teamEventTypeSlugTaken,
  teamScheduleNotFound,
} from "./errors";
import { addManagedChild, syncManagedChildren } from "./managed";
import { teamEventTypeInclude, toTeamEventTypeOutput, type TeamEventTypeOutput, type TeamEventTypeRecord } from "./output";
import {
  HOST_PRIORITIES,
  storedSchedulingType,
  type CreatePhoneCallInput,
  type CreateTeamEventTypeInput,
  type GetOrganizationTeamsEventTypesQuery,
  type GetTeamEventTypesQuery,
  type HostInput,
  type StoredSchedulingType,
  type TeamEventTypeIdInput,
  type TeamIdInput,
  type UpdateTeamEventTypeInput,
} from "./schemas";

// Team event types (Cal.com's TeamsEventTypesController / TeamsEventTypesService): the personal event type's
// input rules and output (src/event-types/), plus hosts, scheduling types and managed children. Writes need a
// team ADMIN or OWNER (RolesGuard TEAM_ADMIN); the list is public. The same functions serve an organization's teams
// (`orgId` set): the org guards run, and the booking form may be phone-only, as on Cal.com's org routes.

type HostRow = Omit<Prisma.HostCreateManyInput, "eventTypeId">;

/** Input rules of the route family: org team event types may be booked by phone only. */
const inputRules = (orgId: number | undefined): InputRules => ({ allowPhoneOnly: orgId !== undefined });

/** Users who may host the team's event types: every membership, pending ones too (Cal.com's getTeamUsersIds). */
async function teamMemberIds(db: Queryable, teamId: number): Promise<number[]> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { createdByOAuthClientId: true } });
  const rows = await db.membership.findMany({
    // Teams made with OAuth credentials are hosted by the client's managed users only, as in Cal.com.
    where: { teamId, ...(team?.createdByOAuthClientId ? { user: { isPlatformManaged: true } } : {}) },
    select: { userId: true },
    orderBy: { userId: "asc" },
  });
  return rows.map((row) => row.userId);
}

/**
 * The hosts a write asks for, checked to be team members (400 naming the others), or undefined when it names
 * none. `assignAllTeamMembers: true` wins over `hosts` (which are still checked), as in Cal.com.
 */
async function requestedHosts(db: Queryable, teamId: number, input: { hosts?: HostInput[]; assignAllTeamMembers?: boolean }): Promise<HostInput[] | undefined> {
  if (!input.hosts && !input.assignAllTeamMembers) return undefined;
  const members = await teamMemberIds(db, teamId);
  const strangers = (input.hosts ?? []).map((h) => h.userId).filter((userId) => !members.includes(userId));
  if (strangers.length > 0) throw invalidHosts(strangers, teamId);
  return input.assignAllTeamMembers ? members.map((userId) => ({ userId })) : input.hosts;
}

/** Host rows: collective hosts are all fixed at medium priority; round-robin hosts as given (default medium, weight 100). */
function hostRows(type: StoredSchedulingType, hosts: HostInput[]): HostRow[] {
  if (type === "COLLECTIVE") return hosts.map((h) => ({ userId: h.userId, isFixed: true, priority: 2, weight: h.weight ?? 100 }));
  return hosts.map((h) => ({
    userId: h.userId,
    isFixed: h.mandatory ?? false,
    priority: HOST_PRIORITIES.indexOf(h.priority ?? "medium"),
    weight: h.weight ?? 100,
  }));
}

async function assertTeamSchedule(db: Queryable, teamId: number, scheduleId: number | null | undefined) {
  if (!scheduleId) return;
  const schedule = await db.schedule.findFirst({ where: { id: scheduleId, user: { memberships: { some: { teamId } } } }, select: { id: true } });
  if (!schedule) throw teamScheduleNotFound(scheduleId, teamId);
}

async function assertSlugFree(db: Queryable, teamId: number, slug: string, eventTypeId?: number) {
  const clash = await db.eventType.findUnique({ where: { teamId_slug: { teamId, slug } }, select: { id: true } });
  if (clash && clash.id !== eventTypeId) throw teamEventTypeSlugTaken();
}

/** Metadata with Cal.com's email settings (`disableStandardEmails.all`) and, on managed parents, `managedEventConfig`. */
function teamMetadata(
  base: unknown,
  input: { emailSettings?: CreateTeamEventTypeInput["emailSettings"] },
  managed: boolean,
): Prisma.InputJsonValue | undefined {
  if (!input.emailSettings && !managed) return undefined;
  const metadata: Record<string, unknown> = { ...(base && typeof base === "object" ? (base as Record<string, unknown>) : {}) };
  if (managed && !metadata.managedEventConfig) metadata.managedEventConfig = {};
  if (input.emailSettings) {
    const { disableEmailsToAttendees, disableEmailsToHosts } = input.emailSettings;
    const previous = (metadata.disableStandardEmails as { all?: Record<string, boolean> } | undefined)?.all ?? {};
    metadata.disableStandardEmails = {
      all: {
        attendee: disableEmailsToAttendees ?? previous.attendee ?? false,
        host: disableEmailsToHosts ?? previous.host ?? false,
      },
    };
  }
  return metadata as Prisma.InputJsonValue;
}

async function readTeamEventTypes(db: Queryable, where: Prisma.EventTypeWhereInput, orderBy?: Prisma.EventTypeOrderByWithRelationInput) {
  const rows = await db.eventType.findMany({ where, include: teamEventTypeInclude, ...(orderBy ? { orderBy } : {}) });
  return rows as unknown as TeamEventTypeRecord[];
}

/** One event type of the team, or null (managed children belong to their owners, not to the team). */
async function findTeamEventType(db: Queryable, teamId: number, eventTypeId: number): Promise<TeamEventTypeRecord | null> {
  return (await readTeamEventTypes(db, { id: eventTypeId, teamId }))[0] ?? null;
}

/** The answer of create and update: a managed parent comes with its children (`[parent, ...children]`), as in Cal.com. */
async function renderWritten(db: Queryable, teamId: number, eventTypeId: number): Promise<TeamEventTypeOutput | TeamEventTypeOutput[]> {
  const parent = await findTeamEventType(db, teamId, eventTypeId);
  if (!parent) throw eventTypeNotFound(eventTypeId);
  if (parent.schedulingType !== "MANAGED") return toTeamEventTypeOutput(parent);
  const children = await readTeamEventTypes(db, { parentId: parent.id }, { userId: "asc" });
  return [toTeamEventTypeOutput(parent), ...children.map((child) => toTeamEventTypeOutput(child, parent))];
}

export async function createTeamEventType(
  deps: Deps,
  actor: Actor,
  { teamId, orgId, body }: TeamIdInput & { body: CreateTeamEventTypeInput },
): Promise<TeamEventTypeOutput | TeamEventTypeOutput[]> {
  const { db } = deps;
  await requireTeamScopeRole(deps, actor, { teamId, orgId }, "TEAM_ADMIN");
  const connectedIntegrations = await connectedIntegrationsFor(deps, { kind: "team", teamId }, body.locations);
  const data = createData(body, { ...inputRules(orgId), connectedIntegrations });
  await assertSlugFree(db, teamId, data.slug);
  await assertTeamSchedule(db, teamId, data.scheduleId);
  const type = storedSchedulingType(body.schedulingType);
  const hosts = (await requestedHosts(db, teamId, body)) ?? [];
  const metadata = teamMetadata(data.metadata, body, type === "MANAGED");
  const id = await deps.txDb.$transaction(async (tx) => {
    const created = await tx.eventType.create({
      data: {
        ...data,
        ...(metadata ? { metadata } : {}),
        teamId,
        schedulingType: type,
        assignAllTeamMembers: body.assignAllTeamMembers ?? false,
        rescheduleWithSameRoundRobinHost: body.rescheduleWithSameRoundRobinHost ?? false,
      },
    });
    if (type === "MANAGED") {
      for (const host of hosts) await addManagedChild(tx, created, host.userId);
    } else if (hosts.length > 0) {
      await tx.host.createMany({ data: hostRows(type, hosts).map((row) => ({ ...row, eventTypeId: created.id })) });
    }
    return created.id;
  });
  return renderWritten(db, teamId, id);
}

/**
 * The team's event types (hidden ones too): public, as in Cal.com. `hostsLimit` trims each one's hosts. On an org
 * route the org must exist, own the team and have the admin API (Cal.com's guards there, still without a caller).
 */
export async function listTeamEventTypes(deps: Deps, { teamId, orgId }: TeamIdInput, query: GetTeamEventTypesQuery): Promise<TeamEventTypeOutput[]> {
  if (orgId !== undefined) await requireOrgTeamWithoutCaller(deps, { orgId, teamId });
  const rows = await readTeamEventTypes(
    deps.db,
    { teamId, ...(query.eventSlug !== undefined ? { slug: query.eventSlug } : {}) },
    { id: query.sortCreatedAt ?? "asc" },
  );
  return rows.map((row) => {
    const output = toTeamEventTypeOutput(row);
    return query.hostsLimit ? { ...output, hosts: output.hosts.slice(0, query.hostsLimit) } : output;
  });
}

/**
 * Every event type of the organization's teams (managed children belong to their owners and are not listed), by id
 * (`sortCreatedAt`, ascending by default), 250 at most. For org ADMINs and OWNERs: Cal.com asks for TEAM_ADMIN on
 * this org-only route, which no org member can hold there, so only its system admins pass.
 */
export async function listOrganizationTeamsEventTypes(
  deps: Deps,
  actor: Actor,
  { orgId }: { orgId: number },
  query: GetOrganizationTeamsEventTypesQuery,
): Promise<TeamEventTypeOutput[]> {
  await requireOrgAccess(deps, actor, orgId, { role: "ORG_ADMIN", plan: "ESSENTIALS" });
  const rows = await deps.db.eventType.findMany({
    where: { team: { parentId: orgId } },
    include: teamEventTypeInclude,
    orderBy: { id: query.sortCreatedAt ?? "asc" },
    skip: query.skip,
    take: query.take,
  });
  return (rows as unknown as TeamEventTypeRecord[]).map((row) => toTeamEventTypeOutput(row));
}

export async function getTeamEventType(deps: Deps, actor: Actor, { teamId, orgId, eventTypeId }: TeamEventTypeIdInput): Promise<TeamEventTypeOutput> {
  await requireTeamScopeRole(deps, actor, { teamId, orgId }, "TEAM_ADMIN");
  const row = await findTeamEventType(deps.db, teamId, eventTypeId);
  if (!row) throw eventTypeNotFound(eventTypeId);
  return toTeamEventTypeOutput(row);
}

/**
 * PATCH semantics: only the fields sent change. `hosts`/`assignAllTeamMembers` replace the hosts (or, on a
 * managed parent, the children); switching between collective and round robin needs one of them. The event
 * type's own slug may be sent back unchanged (Cal.com answers "slug taken" to that).
 */
export async function updateTeamEventType(
  deps: Deps,
  actor: Actor,
  { teamId, orgId, eventTypeId, body }: TeamEventTypeIdInput & { body: UpdateTeamEventTypeInput },
): Promise<TeamEventTypeOutput | TeamEventTypeOutput[]> {
  const { db } = deps;
  await requireTeamScopeRole(deps, actor, { teamId, orgId }, "TEAM_ADMIN");
  const existing = await findTeamEventType(db, teamId, eventTypeId);
  if (!existing) throw eventTypeNotFound(eventTypeId);
  const connectedIntegrations = await connectedIntegrationsFor(deps, { kind: "team", teamId }, body.locations);
  const data = updateData(body, existing as unknown as EventTypeRecord, { ...inputRules(orgId), connectedIntegrations });
  if (data.slug !== undefined) await assertSlugFree(db, teamId, data.slug as string, eventTypeId);
  await assertTeamSchedule(db, teamId, data.scheduleId);
  const currentType = existing.schedulingType ?? "COLLECTIVE";
  const requestedType = body.schedulingType ? storedSchedulingType(body.schedulingType) : undefined;
  if (requestedType && currentType === "MANAGED") throw managedSchedulingTypeIsFixed();
  if (requestedType && requestedType !== currentType && !body.hosts && body.assignAllTeamMembers !== true) throw hostsRequiredWhenSwitching();
  const type = requestedType ?? currentType;
  const hosts = await requestedHosts(db, teamId, body);
  const metadata = teamMetadata(data.metadata ?? existing.metadata, body, type === "MANAGED");
  await deps.txDb.$transaction(async (tx) => {
    await tx.eventType.update({
      where: { id: eventTypeId },
      data: {
        ...data,
        ...(metadata ? { metadata } : {}),
        schedulingType: type,
        // Explicit hosts end "all members": a member who joins later must not become a host of it.
        ...(body.assignAllTeamMembers !== undefined ? { assignAllTeamMembers: body.assignAllTeamMembers } : body.hosts ? { assignAllTeamMembers: false } : {}),
        ...(body.rescheduleWithSameRoundRobinHost !== undefined ? { rescheduleWithSameRoundRobinHost: body.rescheduleWithSameRoundRobinHost } : {}),
      },
    });
    if (type === "MANAGED") {
      await syncManagedChildren(
        tx,
        eventTypeId,
        hosts?.map((h) => h.userId),
      );
    } else if (hosts) {
      await tx.host.deleteMany({ where: { eventTypeId } });
      if (hosts.length > 0) await tx.host.createMany({ data: hostRows(type, hosts).map((row) => ({ ...row, eventTypeId })) });
    }
  });
  return renderWritten(db, teamId, eventTypeId);
}

/** Deletes the event type, its hosts and (managed) its children. Answers `{id, title}`, as Cal.com does. */
export async function deleteTeamEventType(
  deps: Deps,
  actor: Actor,
  { teamId, orgId, eventTypeId }: TeamEventTypeIdInput,
): Promise<{ id: number; title: string }> {
  await requireTeamScopeRole(deps, actor, { teamId, orgId }, "TEAM_ADMIN");
  const existing = await deps.db.eventType.findFirst({ where: { id: eventTypeId, teamId }, select: { id: true } });
  if (!existing) throw eventTypeDoesNotExist(eventTypeId);
  const deleted = await deps.db.eventType.delete({ where: { id: eventTypeId }, select: { id: true, title: true } });
  return deleted;
}

/**
 * Cal.com places an AI phone call (Retell AI) for the event type. No phone provider is configured here, so after
 * the same checks (TEAM_ADMIN, the team's event type) the answer is a clear 400 instead of Cal.com's failure.
 */
export async function createTeamEventTypePhoneCall(
  deps: Deps,
  actor: Actor,
  { teamId, orgId, eventTypeId }: TeamEventTypeIdInput & { body: CreatePhoneCallInput },
): Promise<{ callId: string; agentId?: string }> {
  await requireTeamScopeRole(deps, actor, { teamId, orgId }, "TEAM_ADMIN");
  const existing = await deps.db.eventType.findFirst({ where: { id: eventTypeId, teamId }, select: { id: true } });
  if (!existing) throw eventTypeNotFound(eventTypeId);
  throw phoneCallsUnavailable();
}
