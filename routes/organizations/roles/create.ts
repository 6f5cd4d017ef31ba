import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { CreateOrgRoleOutputSchema, toOrgRoleOutput } from "../../../src/roles/output";
import { CreateOrgRoleInputSchema } from "../../../src/roles/schemas";
import { createRole } from "../../../src/roles/service";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/roles",
  operationId: "OrganizationsRolesController_createRole",
  summary: "Create a new organization role",
  description:
    "Required membership role: `org admin`, and for platform organizations the SCALE plan. PBAC permission: `role.create` (decides instead of the membership role where the organization or team has PBAC switched on). Permissions must be valid for the scope; a name already used in the scope is a 400.",
  tags: ["Orgs / Roles"],
  request: { params: OrgIdParams, body: { required: true, content: { "application/json": { schema: CreateOrgRoleInputSchema } } } },
  responses: {
    201: { description: "The created role", content: { "application/json": { schema: CreateOrgRoleOutputSchema } } },
    ...errorResponses(400),
  },
});

export const createOrgRoleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(toOrgRoleOutput(await createRole(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") }))), 201),
});
