import { createRoute } from "@hono/zod-openapi";
import { UpdateOrgMembershipOutputSchema } from "../../../src/organizations/memberships/output";
import { UpdateOrgMembershipInputSchema } from "../../../src/organizations/memberships/schemas";
import { updateOrgMembership } from "../../../src/organizations/memberships/service";
import { errorResponses } from "../../../src/errors";
import { MembershipIdParams, OrgIdParams, pathParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/memberships/{membershipId}",
  operationId: "OrganizationsMembershipsController_updateMembership",
  summary: "Update a membership",
  description:
    "ORG_ADMIN; only an OWNER grants the OWNER role or changes an OWNER, and the last OWNER cannot be demoted (400). A membership of another organization is a 404.",
  tags: ["Orgs / Memberships"],
  request: {
    params: pathParams(OrgIdParams, MembershipIdParams),
    body: { required: true, content: { "application/json": { schema: UpdateOrgMembershipInputSchema } } },
  },
  responses: {
    200: { description: "Update a membership", content: { "application/json": { schema: UpdateOrgMembershipOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updateOrgMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateOrgMembership(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
