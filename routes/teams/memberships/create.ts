import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { success, TeamIdParams } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { createTeamMembership } from "../../../src/teams/memberships";
import { CreateTeamMembershipOutputSchema } from "../../../src/teams/output";
import { CreateTeamMembershipInputSchema } from "../../../src/teams/schemas";

const route = createRoute({
  method: "post",
  path: "/v2/teams/{teamId}/memberships",
  operationId: "TeamsMembershipsController_createTeamMembership",
  summary: "Create a membership",
  description:
    "TEAM_ADMIN; only an OWNER may grant the OWNER role. An accepted membership makes the user a host of the team's event types that assign all team members. An unknown user is a 404, an existing membership a 409.",
  tags: ["Teams / Memberships"],
  request: {
    params: TeamIdParams,
    body: { required: true, content: { "application/json": { schema: CreateTeamMembershipInputSchema } } },
  },
  responses: {
    201: { description: "The created membership", content: { "application/json": { schema: CreateTeamMembershipOutputSchema } } },
    ...errorResponses(404),
  },
});

export const createTeamMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createTeamMembership(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});
