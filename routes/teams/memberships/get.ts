import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { MembershipIdParams, pathParams, success, TeamIdParams } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { getTeamMembership } from "../../../src/teams/memberships";
import { GetTeamMembershipOutputSchema } from "../../../src/teams/output";

const route = createRoute({
  method: "get",
  path: "/v2/teams/{teamId}/memberships/{membershipId}",
  operationId: "TeamsMembershipsController_getTeamMembership",
  summary: "Get a membership",
  description: "TEAM_ADMIN.",
  tags: ["Teams / Memberships"],
  request: { params: pathParams(TeamIdParams, MembershipIdParams) },
  responses: {
    200: { description: "The membership", content: { "application/json": { schema: GetTeamMembershipOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getTeamMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getTeamMembership(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
