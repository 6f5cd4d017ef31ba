import { createRoute } from "@hono/zod-openapi";
import { GetOrgMembershipsOutputSchema } from "../../../src/organizations/memberships/output";
import { OrgMembershipsQuery } from "../../../src/organizations/memberships/schemas";
import { listOrgMemberships } from "../../../src/organizations/memberships/service";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/memberships",
  operationId: "OrganizationsMembershipsController_getAllMemberships",
  summary: "Get all memberships",
  description: "ORG_ADMIN. The organization's memberships (pending ones included), in id order.",
  tags: ["Orgs / Memberships"],
  request: { params: OrgIdParams, query: OrgMembershipsQuery },
  responses: {
    200: { description: "Get all memberships", content: { "application/json": { schema: GetOrgMembershipsOutputSchema } } },
  },
});

export const listOrgMembershipsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOrgMemberships(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
