import { createRoute } from "@hono/zod-openapi";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { GetAllOrgRolesOutputSchema, toOrgRoleOutput } from "../../../src/roles/output";
import { ListRolesQuerySchema } from "../../../src/roles/schemas";
import { listRoles } from "../../../src/roles/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/roles",
  operationId: "OrganizationsRolesController_getAllRoles",
  summary: "Get all organization roles",
  description:
    "Required membership role: `org admin`, and for platform organizations the SCALE plan. PBAC permission: `role.read` (decides instead of the membership role where the organization or team has PBAC switched on). The scope's custom roles and the three default (SYSTEM) roles: default roles first, then the oldest first.",
  tags: ["Orgs / Roles"],
  request: { params: OrgIdParams, query: ListRolesQuerySchema },
  responses: {
    200: { description: "A page of the roles", content: { "application/json": { schema: GetAllOrgRolesOutputSchema } } },
  },
});

export const listOrgRolesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) =>
    c.json(success((await listRoles(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })).map(toOrgRoleOutput)), 200),
});
