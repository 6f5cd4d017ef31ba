import { z } from "@hono/zod-openapi";
import { assignedOptionIdsQueryParam, type OrgIdParams, queryList, teamIdsQueryParam, type UserIdParams } from "../../http/common";
import { MetadataSchema } from "../../metadata";
import { WEEK_DAYS } from "../../schedules/availability";
import { MEMBERSHIP_ROLES } from "../../teams/schemas";
import { TimeZoneSchema } from "../../time-zone";
import { LOCALES } from "../../users/locales";

// Orgs / Users wire schemas (v2/modules/organizations/users/index/inputs, v2/modules/users/inputs/create-user.input.ts
// and get-users.input.ts). Unknown keys are dropped, as Cal.com's whitelisting ValidationPipe does.

const HEX_COLOR = /^#?([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// A username lives in booking URLs: letters, digits and . _ @ + - only (Cal.com only checks it is a string).
const USERNAME = /^[\p{L}\p{N}._@+-]+$/u;
const THEMES = ["light", "dark"] as const;

const hexColor = (field: string) => z.string().max(9).regex(HEX_COLOR, `${field} must be a hex color, e.g. #FFFFFF`);
const theme = (field: string) => z.enum(THEMES, { error: `${field} must be one of ${THEMES.join(", ")}` }).nullable();

/** The user fields both bodies share, every one optional (Cal.com's CreateUserInput minus `email`). */
const userFields = {
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(255)
    .regex(USERNAME, "username may contain only letters, digits and . _ @ + -")
    .openapi({ description: "Username", example: "user123" }),
  weekday: z.enum(WEEK_DAYS, { error: `weekday must be one of ${WEEK_DAYS.join(", ")}` }).openapi({ description: "Preferred weekday", example: "Monday" }),
  brandColor: hexColor("brandColor").openapi({ description: "Brand color in HEX format", example: "#FFFFFF" }),
  bio: z.string().max(1000).openapi({ description: "Bio", example: "I am a bio" }),
  metadata: MetadataSchema.openapi({
    description:
      "You can store any additional data you want here. Metadata must have at most 50 keys, each key up to 40 characters, and values up to 500 characters.",
  }),
  darkBrandColor: hexColor("darkBrandColor").openapi({ description: "Dark brand color in HEX format", example: "#000000" }),
  hideBranding: z.boolean().openapi({ description: "Hide branding", example: false }),
  timeZone: TimeZoneSchema.openapi({ description: "Time zone", example: "America/New_York" }),
  theme: theme("theme").openapi({ description: "Theme", example: "dark" }),
  appTheme: theme("appTheme").openapi({ description: "Application theme", example: "light" }),
  timeFormat: z.union([z.literal(12), z.literal(24)], { error: "timeFormat must be 12 or 24" }).openapi({ description: "Time format", example: 24 }),
  defaultScheduleId: z.number().int().positive().max(2147483647).openapi({ description: "Default schedule ID", example: 1 }),
  locale: z.enum(LOCALES, { error: "locale must be one of Cal.com's locales, e.g. en" }).openapi({ description: "Locale", example: "en" }),
  avatarUrl: z
    .url({ protocol: /^https?$/, error: "avatarUrl must be an http(s) URL" })
    .max(2048)
    .openapi({ description: "Avatar URL", example: "https://example.com/avatar.jpg" }),
};

type UserFields = typeof userFields;
const partial = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

const EmailSchema = z.email({ error: "email must be a valid email address" }).max(254).toLowerCase();

export const CreateOrganizationUserInputSchema = z
  .object({
    email: EmailSchema.openapi({ description: "User email address", example: "user@example.com" }),
    ...partial<Omit<UserFields, "locale">>(userFields),
    locale: userFields.locale.default("en"),
    organizationRole: z.enum(MEMBERSHIP_ROLES, { error: `organizationRole must be one of ${MEMBERSHIP_ROLES.join(", ")}` }).default("MEMBER"),
    autoAccept: z.boolean().default(true),
  })
  .openapi("CreateOrganizationUserInput");

// Cal.com's UpdateOrganizationUserInput is PartialType(CreateUserInput); its document shows no properties.
export const UpdateOrganizationUserInputSchema = z.object({ email: EmailSchema.optional(), ...partial(userFields) }).openapi("UpdateOrganizationUserInput");

const MAX_LIST = 250;

export const OrganizationUsersQuery = z.object({
  take: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: "The number of items to return (at most 1000, default 250)", example: 10 }),
  skip: z.coerce.number().int().min(0).optional().openapi({ description: "The number of items to skip", example: 0 }),
  emails: queryList()
    .transform((emails) => [...new Set(emails.map((email) => email.toLowerCase()))])
    .refine((emails) => emails.length <= MAX_LIST, `emails can name at most ${MAX_LIST} addresses`)
    .refine((emails) => emails.every((email) => z.email().safeParse(email).success), "Each email must be a valid email address")
    .optional()
    .openapi({ type: "array", items: { type: "string" }, description: "The email address or an array of email addresses to filter by" }),
  assignedOptionIds: assignedOptionIdsQueryParam(),
  attributeQueryOperator: z
    .enum(["OR", "AND", "NONE"], { error: "attributeQueryOperator must be one of OR, AND, NONE" })
    .default("AND")
    .openapi({ description: "Query operator used to filter assigned options, AND by default.", example: "NONE" }),
  teamIds: teamIdsQueryParam(),
});

export type CreateOrganizationUserInput = z.infer<typeof CreateOrganizationUserInputSchema>;
export type UpdateOrganizationUserInput = z.infer<typeof UpdateOrganizationUserInputSchema>;
export type OrganizationUsersQueryInput = z.infer<typeof OrganizationUsersQuery>;
export type OrgIdInput = z.infer<typeof OrgIdParams>;
export type OrgUserIdInput = OrgIdInput & z.infer<typeof UserIdParams>;
