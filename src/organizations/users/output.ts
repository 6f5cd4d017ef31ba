import { z } from "@hono/zod-openapi";
import { successOf } from "../../http/common";

// Orgs / Users output (v2/modules/organizations/users/index/outputs/get-organization-users.output.ts: Cal.com's
// GetUserOutput plus the user's profile in the organization).

export const ProfileOutputSchema = z
  .object({
    id: z.number().int(),
    organizationId: z.number().int(),
    userId: z.number().int(),
    username: z.string().nullable(),
  })
  .openapi("ProfileOutput");

export const OrgUserOutputSchema = z
  .object({
    id: z.number().int(),
    username: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string(),
    emailVerified: z.string().nullable(),
    bio: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    timeZone: z.string(),
    weekStart: z.string(),
    appTheme: z.string().nullable(),
    theme: z.string().nullable(),
    defaultScheduleId: z.number().int().nullable(),
    locale: z.string().nullable(),
    timeFormat: z.number().int().nullable(),
    hideBranding: z.boolean(),
    brandColor: z.string().nullable(),
    darkBrandColor: z.string().nullable(),
    allowDynamicBooking: z.boolean().nullable(),
    createdDate: z.string(),
    verified: z.boolean().nullable(),
    invitedTo: z.number().int().nullable(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    profile: ProfileOutputSchema,
  })
  .openapi("GetOrgUsersWithProfileOutput");

export type OrgUserOutput = z.infer<typeof OrgUserOutputSchema>;

export const GetOrganizationUserOutputSchema = successOf(OrgUserOutputSchema).openapi("GetOrganizationUserOutput");
export const GetOrganizationUsersOutputSchema = successOf(z.array(OrgUserOutputSchema)).openapi("GetOrganizationUsersResponseDTO");

/** The user columns and the org profile the output shows. */
export const orgUserSelect = (organizationId: number) =>
  ({
    id: true,
    username: true,
    name: true,
    email: true,
    emailVerified: true,
    bio: true,
    avatarUrl: true,
    timeZone: true,
    weekStart: true,
    defaultScheduleId: true,
    locale: true,
    timeFormat: true,
    createdDate: true,
    metadata: true,
    brandColor: true,
    darkBrandColor: true,
    hideBranding: true,
    theme: true,
    appTheme: true,
    allowDynamicBooking: true,
    verified: true,
    invitedTo: true,
    profiles: { where: { organizationId }, select: { id: true, organizationId: true, userId: true, username: true } },
  }) as const;

export interface OrgUserRow {
  id: number;
  username: string | null;
  name: string | null;
  email: string;
  emailVerified: Date | null;
  bio: string | null;
  avatarUrl: string | null;
  timeZone: string;
  weekStart: string;
  defaultScheduleId: number | null;
  locale: string | null;
  timeFormat: number | null;
  createdDate: Date;
  metadata: unknown;
  brandColor: string | null;
  darkBrandColor: string | null;
  hideBranding: boolean;
  theme: string | null;
  appTheme: string | null;
  allowDynamicBooking: boolean | null;
  verified: boolean | null;
  invitedTo: number | null;
  profiles: { id: number; organizationId: number; userId: number; username: string }[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function toOrgUserOutput(row: OrgUserRow): OrgUserOutput {
  const { profiles, metadata, emailVerified, createdDate, ...user } = row;
  // Every org user route reaches users through their profile, so it is there (Cal.com answers `{}` otherwise).
  const profile = profiles[0]!;
  return {
    ...user,
    emailVerified: emailVerified ? emailVerified.toISOString() : null,
    createdDate: createdDate.toISOString(),
    ...(isRecord(metadata) ? { metadata } : {}),
    profile,
  };
}
