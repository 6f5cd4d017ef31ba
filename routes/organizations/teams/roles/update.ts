import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success, TeamIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { UpdateTeamRoleOutputSchema, toTeamRoleOutput } from "../../../../src/roles/output";
import { UpdateTeamRoleInputSchema } from "../../../../src/roles/schemas";
import { updateRole } from "../../../../src/roles/service";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/teams/{teamId}/roles/{roleId}",
  operationId: "OrganizationsTeamsRolesController_updateRole",
  summary: "Update an organization team role",
  description:
    "Required membership role: `org admin`, and for platform organizations the SCALE plan. PBAC permission: `role.update` (decides instead of the membership role where the organization or team has PBAC switched on). The team must be one of the organization's (404 otherwise); the team is the PBAC scope. `permissions`, when sent, replaces the whole set; name, color and description change when sent.",
  tags: ["Orgs / Teams / Roles"],
  request: {
    params: pathParams(pathParams(OrgIdParams, TeamIdParams), RoleIdParams),
    body: { required: true, content: { "application/json": { schema: UpdateTeamRoleInputSchema } } },
  },
  responses: {
    200: { description: "The updated role", content: { "application/json": { schema: UpdateTeamRoleOutputSchema } } },
    ...errorResponses(400, 404),
  },
});

export const updateOrgTeamRoleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) =>
    c.json(success(toTeamRoleOutput(await updateRole(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") }))), 200),
});
