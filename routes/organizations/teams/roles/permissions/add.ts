import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success, TeamIdParams } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { CreateTeamRolePermissionsInputSchema, GetTeamRolePermissionsOutputSchema, addRolePermissions } from "../../../../../src/roles/role-permissions";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/roles/{roleId}/permissions",
  operationId: "OrganizationsTeamsRolesPermissionsController_addPermissions",
  summary: "Add permissions to an organization team role (single or batch)",
  description:
    "ORG_ADMIN and the SCALE plan (platform organizations), the team one of the organization's (404 otherwise); with PBAC on, `role.update`. Adds the permissions to the role's set (duplicates ignored) and answers the whole set. Each must be one of the team-scope permissions (400 otherwise).",
  tags: ["Orgs / Teams / Roles / Permissions"],
  request: {
    params: pathParams(pathParams(OrgIdParams, TeamIdParams), RoleIdParams),
    body: { required: true, content: { "application/json": { schema: CreateTeamRolePermissionsInputSchema } } },
  },
  responses: {
    200: { description: "The role's permissions", content: { "application/json": { schema: GetTeamRolePermissionsOutputSchema } } },
    ...errorResponses(404),
  },
});

export const addOrgTeamRolePermissionsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await addRolePermissions(c.var.deps, actorOf(c), { ...c.req.valid("param"), ...c.req.valid("json") })), 200),
});
