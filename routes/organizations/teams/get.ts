import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { OrgTeamOutputResponseSchema } from "../../../src/teams/output";
import { OrgTeamParams } from "../../../src/teams/schemas";
import { getTeam } from "../../../src/teams/store";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}",
  operationId: "OrganizationsTeamsController_getTeam",
  summary: "Get a team",
  description: "TEAM_ADMIN of the team, or an ADMIN or OWNER of the organization. A team of another organization is a 404.",
  tags: ["Orgs / Teams"],
  request: { params: OrgTeamParams },
  responses: {
    200: { description: "The team", content: { "application/json": { schema: OrgTeamOutputResponseSchema } } },
    ...errorResponses(403, 404),
  },
});

export const getOrgTeamOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getTeam(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
