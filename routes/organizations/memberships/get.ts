import { createRoute } from "@hono/zod-openapi";
import { GetOrgMembershipOutputSchema } from "../../../src/organizations/memberships/output";
import { getOrgMembership } from "../../../src/organizations/memberships/service";
import { errorResponses } from "../../../src/errors";
import { MembershipIdParams, OrgIdParams, pathParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/memberships/{membershipId}",
  operationId: "OrganizationsMembershipsController_getOrgMembership",
  summary: "Get a membership",
  description: "ORG_ADMIN. A membership of another organization is a 404.",
  tags: ["Orgs / Memberships"],
  request: { params: pathParams(OrgIdParams, MembershipIdParams) },
  responses: {
    200: { description: "Get a membership", content: { "application/json": { schema: GetOrgMembershipOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getOrgMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getOrgMembership(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
