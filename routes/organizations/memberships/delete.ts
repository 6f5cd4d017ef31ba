import { createRoute } from "@hono/zod-openapi";
import { DeleteOrgMembershipOutputSchema } from "../../../src/organizations/memberships/output";
import { deleteOrgMembership } from "../../../src/organizations/memberships/service";
import { errorResponses } from "../../../src/errors";
import { MembershipIdParams, OrgIdParams, pathParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/memberships/{membershipId}",
  operationId: "OrganizationsMembershipsController_deleteMembership",
  summary: "Delete a membership",
  description:
    "ORG_ADMIN; only an OWNER removes an OWNER, and the last OWNER cannot be removed (400). Removes the user from the organization in one transaction: their hosts and managed children on the organization's and its teams' event types, their memberships of its teams, their profile and User.organizationId (the username becomes `<username>-<id>`, as in Cal.com). Bookings are kept. A membership of another organization is a 404.",
  tags: ["Orgs / Memberships"],
  request: { params: pathParams(OrgIdParams, MembershipIdParams) },
  responses: {
    200: { description: "Delete a membership", content: { "application/json": { schema: DeleteOrgMembershipOutputSchema } } },
    ...errorResponses(404),
  },
});

export const deleteOrgMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteOrgMembership(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
