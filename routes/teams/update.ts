import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { success, TeamIdParams } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { UpdateTeamOutputSchema } from "../../src/teams/output";
import { UpdateTeamInputSchema } from "../../src/teams/schemas";
import { updateTeam } from "../../src/teams/store";

const route = createRoute({
  method: "patch",
  path: "/v2/teams/{teamId}",
  operationId: "TeamsController_updateTeam",
  summary: "Update a team",
  description: "A team OWNER (TEAM_OWNER) changes the fields the body names; a taken slug is a 409.",
  tags: ["Teams"],
  request: {
    params: TeamIdParams,
    body: { required: true, content: { "application/json": { schema: UpdateTeamInputSchema } } },
  },
  responses: {
    200: { description: "The updated team", content: { "application/json": { schema: UpdateTeamOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const updateTeamOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateTeam(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
