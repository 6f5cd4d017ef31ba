import { z } from "@hono/zod-openapi";
import { successOf } from "../../http/common";
import { type MembershipRow, membershipOutputSelect, TeamMembershipOutputSchema, toTeamMembershipOutput } from "../../teams/output";

// Orgs / Memberships output (v2/modules/organizations/memberships/outputs/organization-membership.output.ts): a team
// membership plus the member's attribute assignments, grouped by attribute (organizations-membership-output.service.ts).
// Cal.com's raw createdAt/updatedAt/customRoleId are not in its document and are left out.

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

type OrgUserAttribute = z.infer<typeof AttributeOutputSchema>;
type AttributeKind = "TEXT" | "NUMBER" | "SINGLE_SELECT" | "MULTI_SELECT";

/** The membership columns plus its attribute assignments, oldest first. */
export const orgMembershipOutputSelect = {
  ...membershipOutputSelect,
  attributes: {
    orderBy: { createdAt: "asc" },
    select: { attributeOption: { select: { id: true, value: true, attribute: { select: { id: true, name: true, type: true } } } } },
  },
} as const;

export interface OrgMembershipRow extends MembershipRow {
  attributes: { attributeOption: { id: string; value: string; attribute: { id: string; name: string; type: AttributeKind } } }[];
}

const OUTPUT_TYPE: Record<AttributeKind, string> = { TEXT: "text", NUMBER: "number", SINGLE_SELECT: "singleSelect", MULTI_SELECT: "multiSelect" };

/** Cal.com's groupMembershipAttributes and its per-type output: one entry per attribute, MULTI_SELECT with all its options. */
function attributesOutput(assignments: OrgMembershipRow["attributes"]): OrgUserAttribute[] {
  const groups = new Map<string, { attribute: { id: string; name: string; type: AttributeKind }; options: { id: string; value: string }[] }>();
  for (const { attributeOption } of assignments) {
    const { attribute, ...option } = attributeOption;
    const group = groups.get(attribute.id) ?? { attribute, options: [] };
    group.options.push(option);
    groups.set(attribute.id, group);
  }
  return [...groups.values()].map(({ attribute, options }) => {
    const base = { id: attribute.id, name: attribute.name, type: OUTPUT_TYPE[attribute.type] };
    if (attribute.type === "MULTI_SELECT") return { ...base, options: options.map((option) => ({ optionId: option.id, option: option.value })) };
    const [first] = options as [{ id: string; value: string }];
    return { ...base, optionId: first.id, option: attribute.type === "NUMBER" ? Number(first.value) : first.value };
  });
}

export const toOrgMembershipOutput = (row: OrgMembershipRow): OrgMembershipOutput => ({
  ...toTeamMembershipOutput(row),
  attributes: attributesOutput(row.attributes),
});
