import type { z } from "@hono/zod-openapi";
import { type MembershipIdParams, type OrgIdParams, paginationQuery } from "../../http/common";
import { CreateTeamMembershipInputSchema, UpdateTeamMembershipInputSchema } from "../../teams/schemas";

// Orgs / Memberships wire schemas (v2/modules/organizations/memberships/inputs): the team membership bodies.

export const CreateOrgMembershipInputSchema = CreateTeamMembershipInputSchema.extend({}).openapi("CreateOrgMembershipDto");
export const UpdateOrgMembershipInputSchema = UpdateTeamMembershipInputSchema.extend({}).openapi("UpdateOrgMembershipDto");
export const OrgMembershipsQuery = paginationQuery({ take: 250 });

export type CreateOrgMembershipInput = z.infer<typeof CreateOrgMembershipInputSchema>;
export type UpdateOrgMembershipInput = z.infer<typeof UpdateOrgMembershipInputSchema>;
export type OrgMembershipsQueryInput = z.infer<typeof OrgMembershipsQuery>;
export type OrgMembershipIdInput = z.infer<typeof OrgIdParams> & z.infer<typeof MembershipIdParams>;
