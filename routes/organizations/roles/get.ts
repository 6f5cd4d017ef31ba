import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { GetOrgRoleOutputSchema, toOrgRoleOutput } from "../../../src/roles/output";

import { getRole } from "../../../src/roles/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/roles/{roleId}",
  operationId: "OrganizationsRolesController_getRole",
  summary: "Get a specific organization role",
  description:
    "Required membership role: `org admin`, and for platform organizations the SCALE plan. PBAC permission: `role.read` (decides instead of the membership role where the organization or team has PBAC switched on). A default role or another scope's role is a 404.",
  tags: ["Orgs / Roles"],
  request: { params: pathParams(OrgIdParams, RoleIdParams) },
  responses: {
    200: { description: "The role", content: { "application/json": { schema: GetOrgRoleOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getOrgRoleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(toOrgRoleOutput(await getRole(c.var.deps, actorOf(c), c.req.valid("param")))), 200),
});
