import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, PermissionParams, RoleIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { removeRolePermissions } from "../../../../src/roles/role-permissions";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/roles/{roleId}/permissions/{permission}",
  operationId: "OrganizationsRolesPermissionsController_removePermission",
  summary: "Remove a permission from an organization role",
  description: "ORG_ADMIN and the SCALE plan (platform organizations); with PBAC on, `role.update`. Removes one permission; 204 with no body.",
  tags: ["Orgs / Roles / Permissions"],
  request: { params: pathParams(pathParams(OrgIdParams, RoleIdParams), PermissionParams) },
  responses: {
    204: { description: "Removed" },
    ...errorResponses(404),
  },
});

export const removeOrgRolePermissionOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    await removeRolePermissions(c.var.deps, actorOf(c), c.req.valid("param"));
    return c.body(null, 204);
  },
});
