import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { success, TeamIdParams } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { GetSchedulesOutputSchema } from "../../../src/schedules/output";
import { listTeamSchedules } from "../../../src/teams/schedules";
import { TeamSchedulesQuery } from "../../../src/teams/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/teams/{teamId}/schedules",
  operationId: "TeamsSchedulesController_getTeamSchedules",
  summary: "Get all team member schedules",
  description: "TEAM_ADMIN. The schedules of every member (pending invitations included), in id order.",
  tags: ["Teams / Schedules"],
  request: { params: TeamIdParams, query: TeamSchedulesQuery },
  responses: {
    200: { description: "The members' schedules", content: { "application/json": { schema: GetSchedulesOutputSchema } } },
    ...errorResponses(404),
  },
});

export const listTeamSchedulesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listTeamSchedules(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
