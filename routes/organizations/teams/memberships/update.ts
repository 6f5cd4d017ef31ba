import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { updateTeamMembership } from "../../../../src/teams/memberships";
import { OrgTeamMembershipOutputResponseSchema } from "../../../../src/teams/output";
import { OrgTeamMembershipParams, UpdateTeamMembershipInputSchema } from "../../../../src/teams/schemas";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}",
  operationId: "OrganizationsTeamsMembershipsController_updateOrgTeamMembership",
  summary: "Update a membership",
  description:
    "TEAM_ADMIN of the team, or an ADMIN or OWNER of the organization. Only an OWNER may grant the OWNER role or change an OWNER; the last OWNER cannot be demoted. Accepting a pending membership makes the user a host of the team's assign-all event types.",
  tags: ["Orgs / Teams / Memberships"],
  request: {
    params: OrgTeamMembershipParams,
    body: { required: true, content: { "application/json": { schema: UpdateTeamMembershipInputSchema } } },
  },
  responses: {
    200: { description: "The updated membership", content: { "application/json": { schema: OrgTeamMembershipOutputResponseSchema } } },
    ...errorResponses(403, 404),
  },
});

export const updateOrgTeamMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateTeamMembership(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
