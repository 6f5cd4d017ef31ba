import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";
import type { MembershipRole } from "../generated/prisma/client";
import { MEMBERSHIP_ROLES } from "./schemas";

// Teams and team memberships outputs (pt/teams/outputs/team.output.ts TeamOutputDto, v2/modules/teams/memberships/
// outputs/team-membership.output.ts) and their renderers. Optional fields that are null in the database are left
// out: the contract documents them as optional and not nullable.

export const TeamOutputSchema = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().optional(),
    name: z.string(),
    slug: z.string().optional(),
    logoUrl: z.string().optional(),
    calVideoLogo: z.string().optional(),
    appLogo: z.string().optional(),
    appIconLogo: z.string().optional(),
    bio: z.string().optional(),
    hideBranding: z.boolean().optional(),
    isOrganization: z.boolean(),
    isPrivate: z.boolean().optional(),
    hideBookATeamMember: z.boolean().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    theme: z.string().optional(),
    brandColor: z.string().optional(),
    darkBrandColor: z.string().optional(),
    bannerUrl: z.string().optional(),
    timeFormat: z.number().optional(),
    timeZone: z.string().optional(),
    weekStart: z.string().optional(),
  })
  .openapi("TeamOutputDto");

export type TeamOutput = z.infer<typeof TeamOutputSchema>;

// `/v2/organizations/{orgId}/teams/me` adds the caller's membership (Cal.com's OrgMeTeamOutputDto; its document
// leaves both out). An org admin sees teams they are not in: those carry neither.
export const OrgMeTeamOutputSchema = TeamOutputSchema.extend({
  accepted: z.boolean().optional(),
  role: z.enum(MEMBERSHIP_ROLES).optional(),
}).openapi("OrgMeTeamOutputDto");

export type OrgMeTeamOutput = z.infer<typeof OrgMeTeamOutputSchema>;

export const CreateTeamOutputSchema = successOf(TeamOutputSchema).openapi("CreateTeamOutput");
export const GetTeamOutputSchema = successOf(TeamOutputSchema).openapi("GetTeamOutput");
export const GetTeamsOutputSchema = successOf(z.array(TeamOutputSchema)).openapi("GetTeamsOutput");
export const UpdateTeamOutputSchema = successOf(TeamOutputSchema).openapi("UpdateTeamOutput");
export const DeleteTeamOutputSchema = successOf(TeamOutputSchema).openapi("OrgTeamOutputResponseDto");

// The org-team routes name the same shapes differently in the contract.
export const OrgTeamOutputResponseSchema = DeleteTeamOutputSchema;
export const OrgTeamsOutputResponseSchema = successOf(z.array(TeamOutputSchema)).openapi("OrgTeamsOutputResponseDto");
export const OrgMeTeamsOutputResponseSchema = successOf(z.array(OrgMeTeamOutputSchema)).openapi("OrgMeTeamsOutputResponseDto");

/** The Team columns the output shows: its fields, each a column of the same name. */
export const teamOutputSelect = Object.fromEntries(Object.keys(TeamOutputSchema.shape).map((key) => [key, true])) as { [K in keyof TeamOutput]-?: true };

type TeamRow = { [K in keyof TeamOutput]-?: K extends "metadata" ? unknown : TeamOutput[K] | null };

/** Drops the keys whose value is null (optional, non-nullable fields of the contract). */
function withoutNulls<T extends Record<string, unknown>>(row: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as { [K in keyof T]: Exclude<T[K], null> };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function toTeamOutput(row: TeamRow): TeamOutput {
  const { metadata, ...rest } = row;
  return { ...(withoutNulls(rest) as Omit<TeamOutput, "metadata">), ...(isRecord(metadata) ? { metadata } : {}) };
}

// ---- Memberships ----

export const MembershipUserOutputSchema = z
  .object({
    avatarUrl: z.string().optional(),
    username: z.string().optional(),
    name: z.string().optional(),
    email: z.string(),
    bio: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("MembershipUserOutputDto");

export const TeamMembershipOutputSchema = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    teamId: z.number().int(),
    accepted: z.boolean(),
    role: z.enum(MEMBERSHIP_ROLES),
    disableImpersonation: z.boolean(),
    user: MembershipUserOutputSchema,
  })
  .openapi("TeamMembershipOutput");

export type TeamMembershipOutput = z.infer<typeof TeamMembershipOutputSchema>;

export const CreateTeamMembershipOutputSchema = successOf(TeamMembershipOutputSchema).openapi("CreateTeamMembershipOutput");
export const GetTeamMembershipOutputSchema = successOf(TeamMembershipOutputSchema).openapi("GetTeamMembershipOutput");
// Cal.com answers an array (the controller maps the page); its document says one object (erratum in the tests).
export const GetTeamMembershipsOutputSchema = successOf(z.array(TeamMembershipOutputSchema)).openapi("GetTeamMembershipsOutput");
export const UpdateTeamMembershipOutputSchema = successOf(TeamMembershipOutputSchema).openapi("UpdateTeamMembershipOutput");
export const DeleteTeamMembershipOutputSchema = successOf(TeamMembershipOutputSchema).openapi("DeleteTeamMembershipOutput");

export const OrgTeamMembershipOutputResponseSchema = successOf(TeamMembershipOutputSchema).openapi("OrgTeamMembershipOutputResponseDto");
export const OrgTeamMembershipsOutputResponseSchema = successOf(z.array(TeamMembershipOutputSchema)).openapi("OrgTeamMembershipsOutputResponseDto");

// Team invite links (Cal.com's CreateInviteOutputDto).
export const InviteDataSchema = z
  .object({
    token: z.string().openapi({ description: "The invitation token (64 hex characters), valid for 7 days." }),
    inviteLink: z.string().openapi({ description: "The signup link carrying the token." }),
  })
  .openapi("InviteDataDto");
export const CreateInviteOutputSchema = successOf(InviteDataSchema).openapi("CreateInviteOutputDto");
export type InviteData = z.infer<typeof InviteDataSchema>;

/** The membership columns and user fields the output shows (Cal.com's MembershipUserSelect). */
export const membershipOutputSelect = {
  id: true,
  userId: true,
  teamId: true,
  accepted: true,
  role: true,
  disableImpersonation: true,
  user: { select: { avatarUrl: true, username: true, name: true, email: true, bio: true, metadata: true } },
} as const;

export interface MembershipRow {
  id: number;
  userId: number;
  teamId: number;
  accepted: boolean;
  role: MembershipRole;
  disableImpersonation: boolean;
  user: { avatarUrl: string | null; username: string | null; name: string | null; email: string; bio: string | null; metadata: unknown };
}

export function toTeamMembershipOutput(row: MembershipRow): TeamMembershipOutput {
  const { metadata, ...user } = row.user;
  return {
    id: row.id,
    userId: row.userId,
    teamId: row.teamId,
    accepted: row.accepted,
    role: row.role,
    disableImpersonation: row.disableImpersonation,
    user: { ...withoutNulls(user), ...(isRecord(metadata) ? { metadata } : {}) },
  };
}
