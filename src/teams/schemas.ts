import { z } from "@hono/zod-openapi";
import { MembershipIdParams, OrgIdParams, paginationQuery, pathParams, TeamIdParams, UserIdParams } from "../http/common";
import { MetadataSchema } from "../metadata";
import { TimeZoneSchema } from "../time-zone";

// Teams and team memberships wire schemas (v2/modules/teams/teams/inputs, v2/modules/organizations/teams/index/inputs
// update-organization-team.input.ts, v2/modules/teams/memberships/inputs). Unknown keys are dropped, as Cal.com's
// whitelisting ValidationPipe does.

const WEEK_STARTS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const SLUG_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

const url = (field: string) => z.url({ protocol: /^https?$/, error: `${field} must be an http(s) URL` }).max(2048);
const text = (max: number) => z.string().max(max);

/** A team's (or organization's) slug as bodies give it: kebab-case. */
export const TeamSlugSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(SLUG_PATTERN, "slug must be kebab-case: lower-case letters, digits, '-' or '.' between them")
  .openapi({ example: "caltel" });

// The profile fields both bodies share; every one optional.
const teamProfileFields = {
  slug: TeamSlugSchema,
  logoUrl: url("logoUrl"),
  calVideoLogo: url("calVideoLogo"),
  appLogo: url("appLogo"),
  appIconLogo: url("appIconLogo"),
  bio: text(5000),
  hideBranding: z.boolean(),
  isPrivate: z.boolean(),
  hideBookATeamMember: z.boolean(),
  metadata: MetadataSchema,
  theme: text(50),
  brandColor: text(50),
  darkBrandColor: text(50),
  bannerUrl: url("bannerUrl"),
  timeFormat: z.union([z.literal(12), z.literal(24)], { error: "timeFormat must be 12 or 24" }),
  timeZone: TimeZoneSchema,
  weekStart: z.enum(WEEK_STARTS, { error: `weekStart must be one of ${WEEK_STARTS.join(", ")}` }),
};

const partial = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

export const TeamNameSchema = z.string().trim().min(1, "name must not be empty").max(255).openapi({ example: "CalTeam" });

export const CreateTeamInputSchema = z
  .object({
    name: TeamNameSchema,
    ...partial(teamProfileFields),
    autoAcceptCreator: z.boolean().default(true),
  })
  .openapi("CreateTeamInput");

// Cal.com requires `name` on PATCH by mistake (`@IsString @Length(1)` without `@IsOptional`); here it is optional,
// as the contract documents it. `bookingLimits` is documented as a string: a JSON object, stored as such.
// The org route's body is the same (Cal.com's CreateOrgTeamDto), documented under its own name.
export const CreateOrgTeamInputSchema = CreateTeamInputSchema.openapi("CreateOrgTeamDto");

/** `x-cal-client-id` on org-team create: the team becomes a platform team of that OAuth client. */
export const OrgTeamCreateHeaders = z.object({
  "x-cal-client-id": z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "An OAuth client of the organization: the team is created as that client's platform team." }),
});

export const UpdateTeamInputSchema = z
  .object({
    name: TeamNameSchema.optional(),
    ...partial(teamProfileFields),
    bookingLimits: z.string().max(2000).refine(isJsonObject, 'bookingLimits must be a JSON object, e.g. {"PER_DAY":2}').optional(),
    includeManagedEventsInLimits: z.boolean().optional(),
  })
  .openapi("UpdateOrgTeamDto");

function isJsonObject(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

export const MEMBERSHIP_ROLES = ["MEMBER", "OWNER", "ADMIN"] as const;
const RoleSchema = z.enum(MEMBERSHIP_ROLES, { error: `role must be one of ${MEMBERSHIP_ROLES.join(", ")}` });

export const CreateTeamMembershipInputSchema = z
  .object({
    userId: z.number({ error: "userId must be a number" }).int().positive().max(2147483647),
    accepted: z.boolean().default(false),
    role: RoleSchema.default("MEMBER"),
    disableImpersonation: z.boolean().default(false),
  })
  .openapi("CreateTeamMembershipInput");

export const UpdateTeamMembershipInputSchema = z
  .object({ accepted: z.boolean().optional(), role: RoleSchema.optional(), disableImpersonation: z.boolean().optional() })
  .openapi("UpdateTeamMembershipInput");

const MAX_EMAILS = 20;

// `emails` as Cal.com's GetTeamMembershipsInput: comma-separated or repeated, trimmed, lower-cased, deduplicated.
const EmailsQuery = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => [
    ...new Set(
      [value]
        .flat()
        .flatMap((part) => part.split(","))
        .map((email) => email.trim().toLowerCase())
        .filter((email) => email.length > 0),
    ),
  ])
  .refine((emails) => emails.length <= MAX_EMAILS, `emails array cannot contain more than ${MAX_EMAILS} email addresses for team membership filtering`)
  .refine((emails) => emails.every((email) => z.email().safeParse(email).success), "Each email must be a valid email address")
  .optional()
  .openapi({
    type: "array",
    items: { type: "string" },
    description: "Filter by email addresses, comma-separated or repeated (at most 20).",
    example: "user1@example.com,user2@example.com",
  });

export const TeamMembershipsQuery = paginationQuery({ take: 250 }).extend({ emails: EmailsQuery });
export const TeamSchedulesQuery = paginationQuery({ take: 250 });
/** Cal.com's SkipTakePagination on org-team lists (take 1-250, default 250; no `emails` filter there). */
export const OrgTeamsQuery = paginationQuery({ take: 250 });

// `/v2/organizations/{orgId}/teams/{teamId}…` path ids.
export const OrgTeamParams = pathParams(OrgIdParams, TeamIdParams);
export const OrgTeamMembershipParams = pathParams(OrgTeamParams, MembershipIdParams);
export const OrgTeamUserParams = pathParams(OrgTeamParams, UserIdParams);

export type CreateTeamInput = z.infer<typeof CreateTeamInputSchema>;
export type UpdateTeamInput = z.infer<typeof UpdateTeamInputSchema>;
export type CreateTeamMembershipInput = z.infer<typeof CreateTeamMembershipInputSchema>;
export type UpdateTeamMembershipInput = z.infer<typeof UpdateTeamMembershipInputSchema>;
export type TeamMembershipsQueryInput = z.infer<typeof TeamMembershipsQuery>;
export type TeamSchedulesQueryInput = z.infer<typeof TeamSchedulesQuery>;
export type SkipTakeInput = z.infer<typeof OrgTeamsQuery>;
/** A team route's ids; `orgId` only on `/v2/organizations/{orgId}/teams/{teamId}…` (see src/teams/scope.ts). */
export type TeamIdInput = z.infer<typeof TeamIdParams> & { orgId?: number };
export type TeamMembershipIdInput = TeamIdInput & z.infer<typeof MembershipIdParams>;
/** `/v2/organizations/{orgId}/teams/{teamId}/users/{userId}/…`. */
export type OrgTeamUserIdInput = z.infer<typeof TeamIdParams> & z.infer<typeof UserIdParams> & { orgId: number };
