import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { GetSchedulesOutputSchema } from "../../../../src/schedules/output";
import { listTeamSchedules } from "../../../../src/teams/schedules";
import { OrgTeamParams, TeamSchedulesQuery } from "../../../../src/teams/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/schedules",
  operationId: "OrganizationsTeamsSchedulesController_getTeamSchedules",
  summary: "Get all team member schedules",
  description: "TEAM_ADMIN of the team, or an ADMIN or OWNER of the organization. The schedules of every member (pending invitations included), in id order.",
  tags: ["Orgs / Teams / Schedules"],
  request: { params: OrgTeamParams, query: TeamSchedulesQuery },
  responses: {
    200: { description: "The members' schedules", content: { "application/json": { schema: GetSchedulesOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const listOrgTeamSchedulesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listTeamSchedules(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
