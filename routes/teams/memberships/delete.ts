import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { MembershipIdParams, pathParams, success, TeamIdParams } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { deleteTeamMembership } from "../../../src/teams/memberships";
import { DeleteTeamMembershipOutputSchema } from "../../../src/teams/output";

const route = createRoute({
  method: "delete",
  path: "/v2/teams/{teamId}/memberships/{membershipId}",
  operationId: "TeamsMembershipsController_deleteTeamMembership",
  summary: "Delete a membership",
  description:
    "TEAM_ADMIN; only an OWNER removes an OWNER, and the last OWNER cannot be removed (400). The user stops hosting the team's event types and loses their managed children of them; bookings are kept.",
  tags: ["Teams / Memberships"],
  request: { params: pathParams(TeamIdParams, MembershipIdParams) },
  responses: {
    200: { description: "The deleted membership", content: { "application/json": { schema: DeleteTeamMembershipOutputSchema } } },
    ...errorResponses(404),
  },
});

export const deleteTeamMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteTeamMembership(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
