import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { CreateOrgRolePermissionsInputSchema, GetOrgRolePermissionsOutputSchema, addRolePermissions } from "../../../../src/roles/role-permissions";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/roles/{roleId}/permissions",
  operationId: "OrganizationsRolesPermissionsController_addPermissions",
  summary: "Add permissions to an organization role (single or batch)",
  description:
    "ORG_ADMIN and the SCALE plan (platform organizations); with PBAC on, `role.update`. Adds the permissions to the role's set (duplicates ignored) and answers the whole set. Each must be one of the organization-scope permissions (400 otherwise).",
  tags: ["Orgs / Roles / Permissions"],
  request: {
    params: pathParams(OrgIdParams, RoleIdParams),
    body: { required: true, content: { "application/json": { schema: CreateOrgRolePermissionsInputSchema } } },
  },
  responses: {
    200: { description: "The role's permissions", content: { "application/json": { schema: GetOrgRolePermissionsOutputSchema } } },
    ...errorResponses(404),
  },
});

export const addOrgRolePermissionsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await addRolePermissions(c.var.deps, actorOf(c), { ...c.req.valid("param"), ...c.req.valid("json") })), 200),
});
