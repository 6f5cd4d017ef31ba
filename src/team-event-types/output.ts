import { z } from "@hono/zod-openapi";
import { EventTypeOutputSchema, eventTypeSettingsOutput, type EventTypeRow } from "../event-types/output";
import { successOf } from "../http/common";
import { HOST_PRIORITIES, type StoredSchedulingType } from "./schemas";

// TeamEventTypeOutput_2024_06_14 (Cal.com's OutputOrganizationsEventTypesService): the event type's settings as
// a personal event type renders them, without `users`/`bookingUrl`, plus the team, the scheduling type and the
// hosts. A managed event type lists its children's owners as hosts; a child names its parent.

export const TeamEventTypeHostSchema = z
  .object({
    userId: z.number(),
    name: z.string().nullable(),
    username: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    mandatory: z.boolean().optional(),
    priority: z.enum(HOST_PRIORITIES).optional(),
    weight: z.number().optional(),
  })
  .openapi("TeamEventTypeResponseHost");

export const EventTypeTeamSchema = z
  .object({
    id: z.number(),
    slug: z.string().nullable(),
    bannerUrl: z.string().nullable(),
    name: z.string().nullable(),
    logoUrl: z.string().nullable(),
    weekStart: z.string().nullable(),
    brandColor: z.string().nullable(),
    darkBrandColor: z.string().nullable(),
    theme: z.string().nullable(),
  })
  .openapi("EventTypeTeam");

const SCHEDULING_NAMES = { COLLECTIVE: "collective", ROUND_ROBIN: "roundRobin", MANAGED: "managed" } as const;

export const TeamEventTypeOutputSchema = EventTypeOutputSchema.omit({ ownerId: true, users: true, bookingUrl: true })
  .extend({
    teamId: z.number(),
    ownerId: z.number().nullable(),
    parentEventTypeId: z.number().nullable(),
    hosts: z.array(TeamEventTypeHostSchema),
    assignAllTeamMembers: z.boolean(),
    schedulingType: z.enum(["roundRobin", "collective", "managed"]),
    team: EventTypeTeamSchema,
    emailSettings: z.object({ disableEmailsToAttendees: z.boolean(), disableEmailsToHosts: z.boolean() }).optional(),
    rescheduleWithSameRoundRobinHost: z.boolean(),
  })
  .openapi("TeamEventTypeOutput_2024_06_14");
export type TeamEventTypeOutput = z.infer<typeof TeamEventTypeOutputSchema>;

const oneOrMany = z.union([TeamEventTypeOutputSchema, z.array(TeamEventTypeOutputSchema)]);
export const CreateTeamEventTypeOutputSchema = successOf(oneOrMany).openapi("CreateTeamEventTypeOutput");
export const UpdateTeamEventTypeOutputSchema = successOf(oneOrMany).openapi("UpdateTeamEventTypeOutput");
export const GetTeamEventTypeOutputSchema = successOf(TeamEventTypeOutputSchema).openapi("GetTeamEventTypeOutput");
export const GetTeamEventTypesOutputSchema = successOf(z.array(TeamEventTypeOutputSchema)).openapi("GetTeamEventTypesOutput");
export const DeleteTeamEventTypeOutputSchema = successOf(z.object({ id: z.number(), title: z.string() })).openapi("DeleteTeamEventTypeOutput");
export const CreatePhoneCallOutputSchema = successOf(z.object({ callId: z.string(), agentId: z.string().optional() })).openapi("CreatePhoneCallOutput");

export const teamSelect = {
  id: true,
  slug: true,
  bannerUrl: true,
  name: true,
  logoUrl: true,
  weekStart: true,
  brandColor: true,
  darkBrandColor: true,
  theme: true,
} as const;
export type EventTypeTeam = z.infer<typeof EventTypeTeamSchema>;

const hostUserSelect = { id: true, name: true, username: true, avatarUrl: true } as const;

/** What a team event type is read with: its hosts (with their users), its team, and a managed parent's children. */
export const teamEventTypeInclude = {
  hosts: { include: { user: { select: hostUserSelect } }, orderBy: { userId: "asc" } },
  team: { select: teamSelect },
  children: { select: { owner: { select: hostUserSelect } }, orderBy: { userId: "asc" } },
} as const;

interface HostUser {
  id: number;
  name: string | null;
  username: string | null;
  avatarUrl: string | null;
}

/** A team event type (or a managed child) as read with `teamEventTypeInclude`; `team` is the parent's for a child. */
export interface TeamEventTypeRecord extends Omit<EventTypeRow, "userId"> {
  userId: number | null;
  teamId: number | null;
  parentId: number | null;
  schedulingType: StoredSchedulingType | null;
  assignAllTeamMembers: boolean;
  rescheduleWithSameRoundRobinHost: boolean;
  hosts: { userId: number; isFixed: boolean; priority: number | null; weight: number | null; user: HostUser }[];
  children: { owner: HostUser | null }[];
  team: EventTypeTeam | null;
}

const hostUser = (user: HostUser) => ({ userId: user.id, name: user.name, username: user.username, avatarUrl: user.avatarUrl });

function emailSettings(metadata: unknown): TeamEventTypeOutput["emailSettings"] {
  const all = (metadata as { disableStandardEmails?: { all?: { attendee?: boolean; host?: boolean } } } | null)?.disableStandardEmails?.all;
  if (!all) return undefined;
  return { disableEmailsToAttendees: all.attendee === true, disableEmailsToHosts: all.host === true };
}

/**
 * The wire shape. `parent` is the managed parent of a child (its team, scheduling type and flags are the
 * child's in the answer, as the child belongs to the team's managed event type).
 */
export function toTeamEventTypeOutput(row: TeamEventTypeRecord, parent?: TeamEventTypeRecord): TeamEventTypeOutput {
  const owner = parent ?? row;
  const team = owner.team!;
  const schedulingType = SCHEDULING_NAMES[owner.schedulingType ?? "COLLECTIVE"];
  const hosts =
    schedulingType === "managed" && !parent
      ? row.children.flatMap((child) => (child.owner ? [hostUser(child.owner)] : []))
      : row.hosts.map((host) => ({
          ...hostUser(host.user),
          ...(schedulingType === "roundRobin"
            ? { mandatory: host.isFixed, priority: HOST_PRIORITIES[host.priority ?? 2] ?? "medium", weight: host.weight ?? 100 }
            : {}),
        }));
  const settings = emailSettings(row.metadata);
  return {
    ...eventTypeSettingsOutput(row as EventTypeRow),
    teamId: team.id,
    ownerId: row.userId,
    parentEventTypeId: row.parentId,
    hosts,
    assignAllTeamMembers: owner.assignAllTeamMembers,
    schedulingType,
    team,
    ...(settings ? { emailSettings: settings } : {}),
    rescheduleWithSameRoundRobinHost: row.rescheduleWithSameRoundRobinHost,
  };
}
