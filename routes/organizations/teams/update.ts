import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { OrgTeamOutputResponseSchema } from "../../../src/teams/output";
import { OrgTeamParams, UpdateTeamInputSchema } from "../../../src/teams/schemas";
import { updateTeam } from "../../../src/teams/store";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/teams/{teamId}",
  operationId: "OrganizationsTeamsController_updateTeam",
  summary: "Update a team",
  description: "ORG_ADMIN. Changes what the body names; a slug taken by another team of the organization is a 409.",
  tags: ["Orgs / Teams"],
  request: {
    params: OrgTeamParams,
    body: { required: true, content: { "application/json": { schema: UpdateTeamInputSchema } } },
  },
  responses: {
    200: { description: "The updated team", content: { "application/json": { schema: OrgTeamOutputResponseSchema } } },
    ...errorResponses(403, 404, 409),
  },
});

export const updateOrgTeamOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateTeam(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
