import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { listTeamMemberships } from "../../../../src/teams/memberships";
import { OrgTeamMembershipsOutputResponseSchema } from "../../../../src/teams/output";
import { OrgTeamParams, OrgTeamsQuery } from "../../../../src/teams/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/memberships",
  operationId: "OrganizationsTeamsMembershipsController_getAllOrgTeamMemberships",
  summary: "Get all memberships",
  description: "TEAM_ADMIN of the team, or an ADMIN or OWNER of the organization. Memberships in id order.",
  tags: ["Orgs / Teams / Memberships"],
  request: { params: OrgTeamParams, query: OrgTeamsQuery },
  responses: {
    200: { description: "The team's memberships", content: { "application/json": { schema: OrgTeamMembershipsOutputResponseSchema } } },
    ...errorResponses(403, 404),
  },
});

export const listOrgTeamMembershipsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listTeamMemberships(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
