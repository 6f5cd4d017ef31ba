import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { deleteTeamMembership } from "../../../../src/teams/memberships";
import { OrgTeamMembershipOutputResponseSchema } from "../../../../src/teams/output";
import { OrgTeamMembershipParams } from "../../../../src/teams/schemas";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}",
  operationId: "OrganizationsTeamsMembershipsController_deleteOrgTeamMembership",
  summary: "Delete a membership",
  description:
    "TEAM_ADMIN of the team, or an ADMIN or OWNER of the organization. The member stops hosting the team's event types and loses their managed children of them; their bookings are kept. Only an OWNER may remove an OWNER, and never the last one.",
  tags: ["Orgs / Teams / Memberships"],
  request: { params: OrgTeamMembershipParams },
  responses: {
    200: { description: "The deleted membership", content: { "application/json": { schema: OrgTeamMembershipOutputResponseSchema } } },
    ...errorResponses(403, 404),
  },
});

export const deleteOrgTeamMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteTeamMembership(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
