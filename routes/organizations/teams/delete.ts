import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { OrgTeamOutputResponseSchema } from "../../../src/teams/output";
import { OrgTeamParams } from "../../../src/teams/schemas";
import { deleteTeam } from "../../../src/teams/store";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/teams/{teamId}",
  operationId: "OrganizationsTeamsController_deleteTeam",
  summary: "Delete a team",
  description:
    "ORG_ADMIN. Deletes the team with its memberships, event types (their hosts and managed children) and invite links; bookings are kept. Answers the team as it was.",
  tags: ["Orgs / Teams"],
  request: { params: OrgTeamParams },
  responses: {
    200: { description: "The deleted team", content: { "application/json": { schema: OrgTeamOutputResponseSchema } } },
    ...errorResponses(403, 404),
  },
});

export const deleteOrgTeamOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteTeam(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
