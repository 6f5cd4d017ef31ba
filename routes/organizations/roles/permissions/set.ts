import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { CreateOrgRolePermissionsInputSchema, GetOrgRolePermissionsOutputSchema, setRolePermissions } from "../../../../src/roles/role-permissions";

const route = createRoute({
  method: "put",
  path: "/v2/organizations/{orgId}/roles/{roleId}/permissions",
  operationId: "OrganizationsRolesPermissionsController_setPermissions",
  summary: "Replace all permissions for an organization role",
  description:
    "ORG_ADMIN and the SCALE plan (platform organizations); with PBAC on, `role.update`. The role's permissions become exactly the list (an empty list clears them); answers the new set. Each must be one of the organization-scope permissions (400 otherwise).",
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

export const setOrgRolePermissionsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await setRolePermissions(c.var.deps, actorOf(c), { ...c.req.valid("param"), ...c.req.valid("json") })), 200),
});
