import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, RoleIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { DeleteOrgRolePermissionsQuery, removeRolePermissions } from "../../../../src/roles/role-permissions";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/roles/{roleId}/permissions",
  operationId: "OrganizationsRolesPermissionsController_removePermissions",
  summary: "Remove multiple permissions from an organization role",
  description:
    "ORG_ADMIN and the SCALE plan (platform organizations); with PBAC on, `role.update`. Removes the listed permissions (none listed: nothing is removed); 204 with no body.",
  tags: ["Orgs / Roles / Permissions"],
  request: { params: pathParams(OrgIdParams, RoleIdParams), query: DeleteOrgRolePermissionsQuery },
  responses: {
    204: { description: "Removed" },
    ...errorResponses(404),
  },
});

export const removeManyOrgRolePermissionsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    await removeRolePermissions(c.var.deps, actorOf(c), { ...c.req.valid("param"), permissions: c.req.valid("query").permissions });
    return c.body(null, 204);
  },
});
