import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { createTeamInvite } from "../../../src/teams/invite";
import { CreateInviteOutputSchema } from "../../../src/teams/output";
import { OrgTeamParams } from "../../../src/teams/schemas";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/invite",
  operationId: "OrganizationsTeamsInviteController_createInvite",
  summary: "Create team invite link",
  description:
    "TEAM_ADMIN of the team, or an ADMIN or OWNER of the organization. Every call creates a new invite token, valid for 7 days, and the signup link carrying it. No email is sent.",
  tags: ["Orgs / Teams / Invite"],
  request: { params: OrgTeamParams },
  responses: {
    200: { description: "The invite token and link", content: { "application/json": { schema: CreateInviteOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const createOrgTeamInviteOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createTeamInvite(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
