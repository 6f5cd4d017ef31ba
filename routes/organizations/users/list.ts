import { createRoute } from "@hono/zod-openapi";
import { GetOrganizationUsersOutputSchema } from "../../../src/organizations/users/output";
import { OrganizationUsersQuery } from "../../../src/organizations/users/schemas";
import { listOrganizationUsers } from "../../../src/organizations/users/service";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/users",
  operationId: "OrganizationsUsersController_getOrganizationsUsers",
  summary: "Get all users",
  description:
    "ORG_ADMIN. The organization's users (a profile in it), in id order, optionally only those with the given emails or in the given teams of the organization. `assignedOptionIds` keeps the users holding every one of those attribute options (`attributeQueryOperator` AND, the default), at least one (OR) or none (NONE).",
  tags: ["Orgs / Users"],
  request: { params: OrgIdParams, query: OrganizationUsersQuery },
  responses: {
    200: { description: "Get all users", content: { "application/json": { schema: GetOrganizationUsersOutputSchema } } },
  },
});

export const listOrganizationUsersOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOrganizationUsers(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
