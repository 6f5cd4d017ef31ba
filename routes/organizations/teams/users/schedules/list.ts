import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { success } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { GetSchedulesOutputSchema } from "../../../../../src/schedules/output";
import { listOrgTeamUserSchedules } from "../../../../../src/teams/schedules";
import { OrgTeamUserParams } from "../../../../../src/teams/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/users/{userId}/schedules",
  operationId: "OrganizationsTeamsSchedulesController_getUserSchedules",
  summary: "Get schedules of a team member",
  description:
    "TEAM_ADMIN of the team, or an ADMIN or OWNER of the organization; the user must be in the organization and the team (403 otherwise). All their schedules, in id order.",
  tags: ["Orgs / Teams / Users / Schedules"],
  request: { params: OrgTeamUserParams },
  responses: {
    200: { description: "The member's schedules", content: { "application/json": { schema: GetSchedulesOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const listOrgTeamUserSchedulesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOrgTeamUserSchedules(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
