import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { OrgTeamOutputResponseSchema } from "../../../src/teams/output";
import { CreateOrgTeamInputSchema, OrgTeamCreateHeaders } from "../../../src/teams/schemas";
import { createOrgTeam } from "../../../src/teams/store";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams",
  operationId: "OrganizationsTeamsController_createTeam",
  summary: "Create a team",
  description:
    "ORG_ADMIN. The caller becomes the team's OWNER (accepted unless `autoAcceptCreator` is false). Without `slug` the name is slugified; a slug taken by another team of the organization is a 409. With `x-cal-client-id` (one of the organization's OAuth clients) the team is that client's platform team.",
  tags: ["Orgs / Teams"],
  request: {
    params: OrgIdParams,
    headers: OrgTeamCreateHeaders,
    body: { required: true, content: { "application/json": { schema: CreateOrgTeamInputSchema } } },
  },
  responses: {
    201: { description: "The created team", content: { "application/json": { schema: OrgTeamOutputResponseSchema } } },
    ...errorResponses(403, 409),
  },
});

export const createOrgTeamOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const input = { orgId: c.req.valid("param").orgId, oAuthClientId: c.req.valid("header")["x-cal-client-id"], body: c.req.valid("json") };
    return c.json(success(await createOrgTeam(c.var.deps, actorOf(c), input)), 201);
  },
});
