import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success, TeamIdParams } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { CreateTeamRolePermissionsInputSchema, GetTeamRolePermissionsOutputSchema, setRolePermissions } from "../../../../../src/roles/role-permissions";

const route = createRoute({
  method: "put",
  path: "/v2/organizations/{orgId}/teams/{teamId}/roles/{roleId}/permissions",
  operationId: "OrganizationsTeamsRolesPermissionsController_setPermissions",
  summary: "Replace all permissions for an organization team role",
  description:
    "ORG_ADMIN and the SCALE plan (platform organizations), the team one of the organization's (404 otherwise); with PBAC on, `role.update`. The role's permissions become exactly the list (an empty list clears them); answers the new set. Each must be one of the team-scope permissions (400 otherwise).",
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

export const setOrgTeamRolePermissionsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await setRolePermissions(c.var.deps, actorOf(c), { ...c.req.valid("param"), ...c.req.valid("json") })), 200),
});
