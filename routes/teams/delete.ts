import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { success, TeamIdParams } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { DeleteTeamOutputSchema } from "../../src/teams/output";
import { deleteTeam } from "../../src/teams/store";

const route = createRoute({
  method: "delete",
  path: "/v2/teams/{teamId}",
  operationId: "TeamsController_deleteTeam",
  summary: "Delete a team",
  description: "A team OWNER (TEAM_OWNER) deletes the team with its memberships, event types and their hosts; bookings are kept. Answers the deleted team.",
  tags: ["Teams"],
  request: { params: TeamIdParams },
  responses: {
    200: { description: "The deleted team", content: { "application/json": { schema: DeleteTeamOutputSchema } } },
    ...errorResponses(404),
  },
});

export const deleteTeamOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteTeam(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
