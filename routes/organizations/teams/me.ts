import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { OrgMeTeamsOutputResponseSchema } from "../../../src/teams/output";
import { OrgTeamsQuery } from "../../../src/teams/schemas";
import { listMyOrgTeams } from "../../../src/teams/store";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/me",
  operationId: "OrganizationsTeamsController_getMyTeams",
  summary: "Get teams membership for user",
  description:
    "ORG_MEMBER. An org ADMIN or OWNER gets every team of the organization, other members the teams they belong to (pending included); each team carries the caller's `role` and `accepted` where they are a member.",
  tags: ["Orgs / Teams"],
  request: { params: OrgIdParams, query: OrgTeamsQuery },
  responses: {
    200: { description: "The caller's teams in the organization", content: { "application/json": { schema: OrgMeTeamsOutputResponseSchema } } },
    ...errorResponses(403),
  },
});

export const listMyOrgTeamsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listMyOrgTeams(c.var.deps, actorOf(c), { orgId: c.req.valid("param").orgId, query: c.req.valid("query") })), 200),
});
