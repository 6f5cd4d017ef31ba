import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { OrgTeamsOutputResponseSchema } from "../../../src/teams/output";
import { OrgTeamsQuery } from "../../../src/teams/schemas";
import { listOrgTeams } from "../../../src/teams/store";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams",
  operationId: "OrganizationsTeamsController_getAllTeams",
  summary: "Get all teams",
  description: "ORG_ADMIN (ESSENTIALS plan for platform organizations). The organization's teams in id order.",
  tags: ["Orgs / Teams"],
  request: { params: OrgIdParams, query: OrgTeamsQuery },
  responses: {
    200: { description: "The organization's teams", content: { "application/json": { schema: OrgTeamsOutputResponseSchema } } },
    ...errorResponses(403),
  },
});

export const listOrgTeamsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOrgTeams(c.var.deps, actorOf(c), { orgId: c.req.valid("param").orgId, query: c.req.valid("query") })), 200),
});
