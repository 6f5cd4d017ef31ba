import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { getTeamMembership } from "../../../../src/teams/memberships";
import { OrgTeamMembershipOutputResponseSchema } from "../../../../src/teams/output";
import { OrgTeamMembershipParams } from "../../../../src/teams/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}",
  operationId: "OrganizationsTeamsMembershipsController_getOrgTeamMembership",
  summary: "Get a membership",
  description: "TEAM_ADMIN of the team, or an ADMIN or OWNER of the organization.",
  tags: ["Orgs / Teams / Memberships"],
  request: { params: OrgTeamMembershipParams },
  responses: {
    200: { description: "The membership", content: { "application/json": { schema: OrgTeamMembershipOutputResponseSchema } } },
    ...errorResponses(403, 404),
  },
});

export const getOrgTeamMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getTeamMembership(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
