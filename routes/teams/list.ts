import { createRoute } from "@hono/zod-openapi";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { GetTeamsOutputSchema } from "../../src/teams/output";
import { listTeams } from "../../src/teams/store";

const route = createRoute({
  method: "get",
  path: "/v2/teams",
  operationId: "TeamsController_getTeams",
  summary: "Get teams",
  description: "The teams the caller is a member of, pending invitations included; organizations are not listed.",
  tags: ["Teams"],
  responses: {
    200: { description: "The caller's teams", content: { "application/json": { schema: GetTeamsOutputSchema } } },
  },
});

export const listTeamsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listTeams(c.var.deps, actorOf(c))), 200),
});
