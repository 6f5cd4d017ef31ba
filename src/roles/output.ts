import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";
import type { RoleWithPermissions } from "./store";

// The role outputs (Cal.com's OrgRoleOutput and TeamRoleOutput): the same role, its scope named `organizationId`
// or `teamId` (null for the three SYSTEM roles), its permissions as "resource.action" strings.

const roleFields = {
  id: z.string().openapi({ description: "Unique identifier for the role" }),
  name: z.string().openapi({ description: "Name of the role" }),
  color: z.string().nullable().openapi({ description: "Color for the role (hex code)" }),
  description: z.string().nullable().openapi({ description: "Description of the role" }),
  type: z.enum(["SYSTEM", "CUSTOM"]).openapi({ description: "Type of role" }),
  permissions: z
    .array(z.string())
    .openapi({ description: "Permissions assigned to this role in 'resource.action' format.", example: ["booking.read", "eventType.create"] }),
  createdAt: z.string().openapi({ description: "When the role was created" }),
  updatedAt: z.string().openapi({ description: "When the role was last updated" }),
};

export const OrgRoleOutputSchema = z
  .object({ ...roleFields, organizationId: z.number().nullable().openapi({ description: "Organization ID this role belongs to" }) })
  .openapi("OrgRoleOutput");
export const TeamRoleOutputSchema = z
  .object({ ...roleFields, teamId: z.number().nullable().openapi({ description: "Team ID this role belongs to" }) })
  .openapi("TeamRoleOutput");
export type OrgRoleOutput = z.infer<typeof OrgRoleOutputSchema>;
export type TeamRoleOutput = z.infer<typeof TeamRoleOutputSchema>;

export const CreateOrgRoleOutputSchema = successOf(OrgRoleOutputSchema).openapi("CreateOrgRoleOutput");
export const GetOrgRoleOutputSchema = successOf(OrgRoleOutputSchema).openapi("GetOrgRoleOutput");
export const UpdateOrgRoleOutputSchema = successOf(OrgRoleOutputSchema).openapi("UpdateOrgRoleOutput");
export const DeleteOrgRoleOutputSchema = successOf(OrgRoleOutputSchema).openapi("DeleteOrgRoleOutput");
export const GetAllOrgRolesOutputSchema = successOf(z.array(OrgRoleOutputSchema)).openapi("GetAllOrgRolesOutput");

export const CreateTeamRoleOutputSchema = successOf(TeamRoleOutputSchema).openapi("CreateTeamRoleOutput");
export const GetTeamRoleOutputSchema = successOf(TeamRoleOutputSchema).openapi("GetTeamRoleOutput");
export const UpdateTeamRoleOutputSchema = successOf(TeamRoleOutputSchema).openapi("UpdateTeamRoleOutput");
export const DeleteTeamRoleOutputSchema = successOf(TeamRoleOutputSchema).openapi("DeleteTeamRoleOutput");
export const GetAllTeamRolesOutputSchema = successOf(z.array(TeamRoleOutputSchema)).openapi("GetAllTeamRolesOutput");

function roleOutput(role: RoleWithPermissions) {
  return {
    id: role.id,
    name: role.name,
    color: role.color || null,
    description: role.description || null,
    type: role.type,
    permissions: role.permissions.map((p) => `${p.resource}.${p.action}`),
    createdAt: role.createdAt.toISOString(),
    updatedAt: role.updatedAt.toISOString(),
  };
}

/** An organization's role (or a SYSTEM role) as the org routes show it. */
export const toOrgRoleOutput = (role: RoleWithPermissions): OrgRoleOutput => ({ ...roleOutput(role), organizationId: role.teamId });

/** A team's role (or a SYSTEM role) as the org-team routes show it. */
export const toTeamRoleOutput = (role: RoleWithPermissions): TeamRoleOutput => ({ ...roleOutput(role), teamId: role.teamId });
