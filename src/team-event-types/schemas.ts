import { z } from "@hono/zod-openapi";
import { CreateEventTypeInputSchema, PrivateLinkParams, UpdateEventTypeInputSchema } from "../event-types/schemas";
import { INT4_MAX, nonNegativeInt, positiveInt } from "../event-types/limits";
import { EventTypeIdParams, OrgIdParams, paginationQuery, pathParams, TeamIdParams } from "../http/common";

// Team event types 2024-06-14 (pt/event-types/event-types_2024_06_14/inputs/create-team-event-type.input.ts): the
// personal event type's fields plus how the team hosts it. Scheduling types are taken in Cal.com's lower-camel
// names or its upper-case enum names, as Cal.com accepts both.

export const HOST_PRIORITIES = ["lowest", "low", "medium", "high", "highest"] as const;

export const HostInputSchema = z
  .object({
    userId: positiveInt().openapi({ description: "Which user is the host of this event" }),
    mandatory: z.boolean().optional().openapi({ description: "Round robin only: this host must attend every booking." }),
    priority: z.enum(HOST_PRIORITIES).optional(),
    weight: nonNegativeInt(INT4_MAX).optional().openapi({ description: "Round robin weight (default 100)." }),
  })
  .openapi("Host");

const hostsField = z
  .array(HostInputSchema)
  .max(1000)
  .refine((hosts) => new Set(hosts.map((h) => h.userId)).size === hosts.length, "must not list a user twice");

const SCHEDULING_TYPES = { collective: "COLLECTIVE", roundRobin: "ROUND_ROBIN", managed: "MANAGED" } as const;
export type SchedulingTypeName = keyof typeof SCHEDULING_TYPES;
export type StoredSchedulingType = (typeof SCHEDULING_TYPES)[SchedulingTypeName];
export const storedSchedulingType = (name: SchedulingTypeName): StoredSchedulingType => SCHEDULING_TYPES[name];

const schedulingTypeOf = (names: readonly SchedulingTypeName[]) =>
  z
    .enum([...names, ...names.map((n) => SCHEDULING_TYPES[n])] as [string, ...string[]])
    .transform((value) => (names.find((n) => n === value || SCHEDULING_TYPES[n] === value) ?? names[0]!) as SchedulingTypeName);

export const EmailSettingsSchema = z
  .object({ disableEmailsToAttendees: z.boolean().optional(), disableEmailsToHosts: z.boolean().optional() })
  .openapi("EmailSettings_2024_06_14");

const teamFields = {
  hosts: hostsField.optional(),
  assignAllTeamMembers: z.boolean().optional(),
  emailSettings: EmailSettingsSchema.optional(),
  rescheduleWithSameRoundRobinHost: z.boolean().optional(),
};

export const CreateTeamEventTypeInputSchema = CreateEventTypeInputSchema.extend({
  schedulingType: schedulingTypeOf(["collective", "roundRobin", "managed"]).openapi({ example: "collective" }),
  ...teamFields,
}).openapi("CreateTeamEventTypeInput_2024_06_14");

export const UpdateTeamEventTypeInputSchema = UpdateEventTypeInputSchema.extend({
  schedulingType: schedulingTypeOf(["collective", "roundRobin"]).optional(),
  ...teamFields,
}).openapi("UpdateTeamEventTypeInput_2024_06_14");

export type CreateTeamEventTypeInput = z.infer<typeof CreateTeamEventTypeInputSchema>;
export type UpdateTeamEventTypeInput = z.infer<typeof UpdateTeamEventTypeInputSchema>;
export type HostInput = z.infer<typeof HostInputSchema>;

export const TeamEventTypeParams = pathParams(TeamIdParams, EventTypeIdParams);
/** A team route's ids; `orgId` only on `/v2/organizations/{orgId}/teams/{teamId}…` (see src/teams/scope.ts). */
export type TeamIdInput = z.infer<typeof TeamIdParams> & { orgId?: number };
export type TeamEventTypeIdInput = z.infer<typeof TeamEventTypeParams> & { orgId?: number };

export const GetTeamEventTypesQuerySchema = z.object({
  eventSlug: z.string().max(255).optional().openapi({ description: "Only the event type with this slug." }),
  hostsLimit: z.coerce
    .number({ error: "hostsLimit must be a number" })
    .int()
    .min(1)
    .max(INT4_MAX)
    .optional()
    .openapi({ description: "At most this many hosts per event type in the answer." }),
  sortCreatedAt: z.enum(["asc", "desc"]).optional(),
});
export type GetTeamEventTypesQuery = z.infer<typeof GetTeamEventTypesQuerySchema>;

/** `/v2/organizations/{orgId}/teams/{teamId}/event-types[/{eventTypeId}]`. */
export const OrgTeamParams = pathParams(OrgIdParams, TeamIdParams);
export const OrgTeamEventTypeParams = pathParams(OrgTeamParams, EventTypeIdParams);

/** `GET /v2/organizations/{orgId}/teams/event-types`: Cal.com's SkipTakePagination (take 1-250, default 250). */
export const GetOrganizationTeamsEventTypesQuerySchema = paginationQuery({ take: 250 }).extend({ sortCreatedAt: z.enum(["asc", "desc"]).optional() });
export type GetOrganizationTeamsEventTypesQuery = z.infer<typeof GetOrganizationTeamsEventTypesQuerySchema>;

const e164 = z.string().regex(/^\+[1-9]\d{1,14}$/, "must be a phone number in E.164 format, e.g. +14155552671");
export const CreatePhoneCallInputSchema = z
  .object({
    yourPhoneNumber: e164,
    numberToCall: e164,
    calApiKey: z.string().min(1).max(255),
    enabled: z.boolean().default(true),
    templateType: z.enum(["CHECK_IN_APPOINTMENT", "CUSTOM_TEMPLATE"]).default("CUSTOM_TEMPLATE"),
    schedulerName: z.string().max(255).optional(),
    guestName: z.string().max(255).optional(),
    guestEmail: z.string().max(255).optional(),
    guestCompany: z.string().max(255).optional(),
    beginMessage: z.string().max(10_000).optional(),
    generalPrompt: z.string().max(10_000).optional(),
  })
  .openapi("CreatePhoneCallInput");
export type CreatePhoneCallInput = z.infer<typeof CreatePhoneCallInputSchema>;

/** `/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}/private-links/{linkId}`. */
export const OrgTeamPrivateLinkParams = pathParams(OrgTeamParams, PrivateLinkParams);
