import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { success, TeamIdParams } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { GetTeamOutputSchema } from "../../src/teams/output";
import { getTeam } from "../../src/teams/store";

const route = createRoute({
  method: "get",
  path: "/v2/teams/{teamId}",
  operationId: "TeamsController_getTeam",
  summary: "Get a team",
  description: "Any member of the team (TEAM_MEMBER).",
  tags: ["Teams"],
  request: { params: TeamIdParams },
  responses: {
    200: { description: "The team", content: { "application/json": { schema: GetTeamOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getTeamOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getTeam(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
