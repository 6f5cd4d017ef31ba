import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success, TeamIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { DeleteTeamRoleOutputSchema, toTeamRoleOutput } from "../../../../src/roles/output";

import { deleteRole } from "../../../../src/roles/service";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/teams/{teamId}/roles/{roleId}",
  operationId: "OrganizationsTeamsRolesController_deleteRole",
  summary: "Delete an organization team role",
  description:
    "Required membership role: `org admin`, and for platform organizations the SCALE plan. PBAC permission: `role.delete` (decides instead of the membership role where the organization or team has PBAC switched on). The team must be one of the organization's (404 otherwise); the team is the PBAC scope. Members holding the role go back to the default role of their membership role.",
  tags: ["Orgs / Teams / Roles"],
  request: { params: pathParams(pathParams(OrgIdParams, TeamIdParams), RoleIdParams) },
  responses: {
    200: { description: "The deleted role", content: { "application/json": { schema: DeleteTeamRoleOutputSchema } } },
    ...errorResponses(400, 404),
  },
});

export const deleteOrgTeamRoleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(toTeamRoleOutput(await deleteRole(c.var.deps, actorOf(c), c.req.valid("param")))), 200),
});
