import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { createTeamMembership } from "../../../../src/teams/memberships";
import { OrgTeamMembershipOutputResponseSchema } from "../../../../src/teams/output";
import { CreateTeamMembershipInputSchema, OrgTeamParams } from "../../../../src/teams/schemas";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/memberships",
  operationId: "OrganizationsTeamsMembershipsController_createOrgTeamMembership",
  summary: "Create a membership",
  description:
    "TEAM_ADMIN of the team, or an ADMIN or OWNER of the organization; only an OWNER may grant the OWNER role. The user must be a member of the organization (422 otherwise). A user whose email is of the verified organization's auto-accept domain joins accepted whatever `accepted` says. An accepted membership makes the user a host of the team's event types that assign all team members. An existing membership is a 409.",
  tags: ["Orgs / Teams / Memberships"],
  request: {
    params: OrgTeamParams,
    body: { required: true, content: { "application/json": { schema: CreateTeamMembershipInputSchema } } },
  },
  responses: {
    201: { description: "The created membership", content: { "application/json": { schema: OrgTeamMembershipOutputResponseSchema } } },
    ...errorResponses(403, 404, 409, 422),
  },
});

export const createOrgTeamMembershipOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createTeamMembership(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});
