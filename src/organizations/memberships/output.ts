import { z } from "@hono/zod-openapi";
import { successOf } from "../../http/common";
import { type MembershipRow, TeamMembershipOutputSchema, toTeamMembershipOutput } from "../../teams/output";

// Orgs / Memberships output (v2/modules/organizations/memberships/outputs/organization-membership.output.ts): a team
// membership plus the member's attribute assignments. Attributes do not exist on this deployment yet, so
// `attributes` is always `[]`. Cal.com's raw createdAt/updatedAt/customRoleId are not in its document and are
// left out.

const AttributeOutputSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    optionId: z.string().optional(),
    option: z.union([z.string(), z.number()]).optional(),
    options: z.array(z.object({ optionId: z.string(), option: z.string() })).optional(),
  })
  .openapi("OrgUserAttribute");

export const OrgMembershipOutputSchema = TeamMembershipOutputSchema.extend({ attributes: z.array(AttributeOutputSchema) }).openapi(
  "OrganizationMembershipOutput",
);
export type OrgMembershipOutput = z.infer<typeof OrgMembershipOutputSchema>;

export const CreateOrgMembershipOutputSchema = successOf(OrgMembershipOutputSchema).openapi("CreateOrgMembershipOutput");
export const GetOrgMembershipOutputSchema = successOf(OrgMembershipOutputSchema).openapi("GetOrgMembership");
// Cal.com answers an array; its document says one object (erratum in test/helpers/contract.ts).
export const GetOrgMembershipsOutputSchema = successOf(z.array(OrgMembershipOutputSchema)).openapi("GetAllOrgMemberships");
export const UpdateOrgMembershipOutputSchema = successOf(OrgMembershipOutputSchema).openapi("UpdateOrgMembership");
export const DeleteOrgMembershipOutputSchema = successOf(OrgMembershipOutputSchema).openapi("DeleteOrgMembership");

export const toOrgMembershipOutput = (row: MembershipRow): OrgMembershipOutput => ({ ...toTeamMembershipOutput(row), attributes: [] });
