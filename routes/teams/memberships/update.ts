import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { MembershipIdParams, pathParams, success, TeamIdParams } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { updateTeamMembership } from "../../../src/teams/memberships";
import { UpdateTeamMembershipOutputSchema } from "../../../src/teams/output";
import { UpdateTeamMembershipInputSchema } from "../../../src/teams/schemas";

const route = createRoute({
  method: "patch",
  path: "/v2/teams/{teamId}/memberships/{membershipId}",
  operationId: "TeamsMembershipsController_updateTeamMembership",
  summary: "Update membership",
  description:
    "TEAM_ADMIN; only an OWNER grants the OWNER role or changes an OWNER, and the last OWNER cannot be demoted (400). Accepting (false → true) makes the user a host of the team's event types that assign all team members.",
  tags: ["Teams / Memberships"],
  request: {
    params: pathParams(TeamIdParams, MembershipIdParams),
    body: { required: true, content: { "application/json": { schema: UpdateTeamMembershipInputSchema } } },
  },
  responses: {
    200: { description: "The updated membership", content: { "application/json": { schema: UpdateTeamMembershipOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updateTeamMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateTeamMembership(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
