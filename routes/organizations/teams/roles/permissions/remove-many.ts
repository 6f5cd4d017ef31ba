import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, TeamIdParams } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { DeleteTeamRolePermissionsQuery, removeRolePermissions } from "../../../../../src/roles/role-permissions";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/teams/{teamId}/roles/{roleId}/permissions",
  operationId: "OrganizationsTeamsRolesPermissionsController_removePermissions",
  summary: "Remove multiple permissions from an organization team role",
  description:
    "ORG_ADMIN and the SCALE plan (platform organizations), the team one of the organization's (404 otherwise); with PBAC on, `role.update`. Removes the listed permissions (none listed: nothing is removed); 204 with no body.",
  tags: ["Orgs / Teams / Roles / Permissions"],
  request: { params: pathParams(pathParams(OrgIdParams, TeamIdParams), RoleIdParams), query: DeleteTeamRolePermissionsQuery },
  responses: {
    204: { description: "Removed" },
    ...errorResponses(404),
  },
});

export const removeManyOrgTeamRolePermissionsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    await removeRolePermissions(c.var.deps, actorOf(c), { ...c.req.valid("param"), permissions: c.req.valid("query").permissions });
    return c.body(null, 204);
  },
});
