import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, success, TeamIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { CreateTeamRoleOutputSchema, toTeamRoleOutput } from "../../../../src/roles/output";
import { CreateTeamRoleInputSchema } from "../../../../src/roles/schemas";
import { createRole } from "../../../../src/roles/service";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/roles",
  operationId: "OrganizationsTeamsRolesController_createRole",
  summary: "Create a new organization team role",
  description:
    "Required membership role: `org admin`, and for platform organizations the SCALE plan. PBAC permission: `role.create` (decides instead of the membership role where the organization or team has PBAC switched on). The team must be one of the organization's (404 otherwise); the team is the PBAC scope. Permissions must be valid for the scope; a name already used in the scope is a 400.",
  tags: ["Orgs / Teams / Roles"],
  request: { params: pathParams(OrgIdParams, TeamIdParams), body: { required: true, content: { "application/json": { schema: CreateTeamRoleInputSchema } } } },
  responses: {
    201: { description: "The created role", content: { "application/json": { schema: CreateTeamRoleOutputSchema } } },
    ...errorResponses(400),
  },
});

export const createOrgTeamRoleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) =>
    c.json(success(toTeamRoleOutput(await createRole(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") }))), 201),
});
