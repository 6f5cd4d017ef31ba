import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { success, TeamIdParams } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { listTeamMemberships } from "../../../src/teams/memberships";
import { GetTeamMembershipsOutputSchema } from "../../../src/teams/output";
import { TeamMembershipsQuery } from "../../../src/teams/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/teams/{teamId}/memberships",
  operationId: "TeamsMembershipsController_getTeamMemberships",
  summary: "Get all memberships",
  description: "TEAM_ADMIN. Memberships in id order, optionally only those of the given emails (at most 20).",
  tags: ["Teams / Memberships"],
  request: { params: TeamIdParams, query: TeamMembershipsQuery },
  responses: {
    200: { description: "The team's memberships", content: { "application/json": { schema: GetTeamMembershipsOutputSchema } } },
    ...errorResponses(404),
  },
});

export const listTeamMembershipsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listTeamMemberships(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
