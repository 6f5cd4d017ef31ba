import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { CreateTeamOutputSchema } from "../../src/teams/output";
import { CreateTeamInputSchema } from "../../src/teams/schemas";
import { createTeam } from "../../src/teams/store";

const route = createRoute({
  method: "post",
  path: "/v2/teams",
  operationId: "TeamsController_createTeam",
  summary: "Create a team",
  description:
    "The caller becomes the team's OWNER (accepted unless `autoAcceptCreator` is false). Without `slug` the name is slugified; a taken slug is a 409. A team created with OAuth client credentials accepts only that client's managed users.",
  tags: ["Teams"],
  request: { body: { required: true, content: { "application/json": { schema: CreateTeamInputSchema } } } },
  responses: {
    201: { description: "The created team", content: { "application/json": { schema: CreateTeamOutputSchema } } },
    ...errorResponses(409),
  },
});

export const createTeamOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createTeam(c.var.deps, actorOf(c), c.req.valid("json"))), 201),
});
