import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success, TeamIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { GetTeamRoleOutputSchema, toTeamRoleOutput } from "../../../../src/roles/output";

import { getRole } from "../../../../src/roles/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/roles/{roleId}",
  operationId: "OrganizationsTeamsRolesController_getRole",
  summary: "Get a specific organization team role",
  description:
    "Required membership role: `org admin`, and for platform organizations the SCALE plan. PBAC permission: `role.read` (decides instead of the membership role where the organization or team has PBAC switched on). The team must be one of the organization's (404 otherwise); the team is the PBAC scope. A default role or another scope's role is a 404.",
  tags: ["Orgs / Teams / Roles"],
  request: { params: pathParams(pathParams(OrgIdParams, TeamIdParams), RoleIdParams) },
  responses: {
    200: { description: "The role", content: { "application/json": { schema: GetTeamRoleOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getOrgTeamRoleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(toTeamRoleOutput(await getRole(c.var.deps, actorOf(c), c.req.valid("param")))), 200),
});
