import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { OoosOutputResponseSchema } from "../../../src/ooo/output";
import { OrgOooListQuery } from "../../../src/ooo/schemas";
import { listOrgOoo } from "../../../src/ooo/service";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/ooo",
  operationId: "OrganizationsUsersOOOController_getOrganizationUsersOOO",
  summary: "Get all out-of-office entries for organization users",
  description: "ORG_ADMIN (ESSENTIALS plan for platform organizations). Entries of the organization's users, optionally of the one with `email`.",
  tags: ["Orgs / Users / OOO"],
  request: { params: OrgIdParams, query: OrgOooListQuery },
  responses: {
    200: { description: "The entries", content: { "application/json": { schema: OoosOutputResponseSchema } } },
    ...errorResponses(403),
  },
});

export const listOrgOooOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOrgOoo(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
