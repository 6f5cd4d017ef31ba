import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { UpdateOrgRoleOutputSchema, toOrgRoleOutput } from "../../../src/roles/output";
import { UpdateOrgRoleInputSchema } from "../../../src/roles/schemas";
import { updateRole } from "../../../src/roles/service";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/roles/{roleId}",
  operationId: "OrganizationsRolesController_updateRole",
  summary: "Update an organization role",
  description:
    "Required membership role: `org admin`, and for platform organizations the SCALE plan. PBAC permission: `role.update` (decides instead of the membership role where the organization or team has PBAC switched on). `permissions`, when sent, replaces the whole set; name, color and description change when sent.",
  tags: ["Orgs / Roles"],
  request: { params: pathParams(OrgIdParams, RoleIdParams), body: { required: true, content: { "application/json": { schema: UpdateOrgRoleInputSchema } } } },
  responses: {
    200: { description: "The updated role", content: { "application/json": { schema: UpdateOrgRoleOutputSchema } } },
    ...errorResponses(400, 404),
  },
});

export const updateOrgRoleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(toOrgRoleOutput(await updateRole(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") }))), 200),
});
