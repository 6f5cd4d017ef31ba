import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { DeleteOrgRoleOutputSchema, toOrgRoleOutput } from "../../../src/roles/output";

import { deleteRole } from "../../../src/roles/service";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/roles/{roleId}",
  operationId: "OrganizationsRolesController_deleteRole",
  summary: "Delete an organization role",
  description:
    "Required membership role: `org admin`, and for platform organizations the SCALE plan. PBAC permission: `role.delete` (decides instead of the membership role where the organization or team has PBAC switched on). Members holding the role go back to the default role of their membership role.",
  tags: ["Orgs / Roles"],
  request: { params: pathParams(OrgIdParams, RoleIdParams) },
  responses: {
    200: { description: "The deleted role", content: { "application/json": { schema: DeleteOrgRoleOutputSchema } } },
    ...errorResponses(400, 404),
  },
});

export const deleteOrgRoleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(toOrgRoleOutput(await deleteRole(c.var.deps, actorOf(c), c.req.valid("param")))), 200),
});
