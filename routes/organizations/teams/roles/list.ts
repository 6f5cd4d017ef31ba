import { createRoute } from "@hono/zod-openapi";
import { OrgIdParams, pathParams, success, TeamIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { GetAllTeamRolesOutputSchema, toTeamRoleOutput } from "../../../../src/roles/output";
import { ListRolesQuerySchema } from "../../../../src/roles/schemas";
import { listRoles } from "../../../../src/roles/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/roles",
  operationId: "OrganizationsTeamsRolesController_getAllRoles",
  summary: "Get all organization team roles",
  description:
    "Required membership role: `org admin`, and for platform organizations the SCALE plan. PBAC permission: `role.read` (decides instead of the membership role where the organization or team has PBAC switched on). The team must be one of the organization's (404 otherwise); the team is the PBAC scope. The scope's custom roles and the three default (SYSTEM) roles: default roles first, then the oldest first.",
  tags: ["Orgs / Teams / Roles"],
  request: { params: pathParams(OrgIdParams, TeamIdParams), query: ListRolesQuerySchema },
  responses: {
    200: { description: "A page of the roles", content: { "application/json": { schema: GetAllTeamRolesOutputSchema } } },
  },
});

export const listOrgTeamRolesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) =>
    c.json(success((await listRoles(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })).map(toTeamRoleOutput)), 200),
});
