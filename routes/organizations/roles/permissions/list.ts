import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { GetOrgRolePermissionsOutputSchema, listRolePermissions } from "../../../../src/roles/role-permissions";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/roles/{roleId}/permissions",
  operationId: "OrganizationsRolesPermissionsController_listPermissions",
  summary: "List permissions for an organization role",
  description:
    "ORG_ADMIN and the SCALE plan (platform organizations); with PBAC on, `role.read`. The role's permissions as `resource.action` strings. A role of another scope, or a default (SYSTEM) role, is a 404.",
  tags: ["Orgs / Roles / Permissions"],
  request: { params: pathParams(OrgIdParams, RoleIdParams) },
  responses: {
    200: { description: "The role's permissions", content: { "application/json": { schema: GetOrgRolePermissionsOutputSchema } } },
    ...errorResponses(404),
  },
});

export const listOrgRolePermissionsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listRolePermissions(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
