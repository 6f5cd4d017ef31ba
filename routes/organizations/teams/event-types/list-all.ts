import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { GetTeamEventTypesOutputSchema } from "../../../../src/team-event-types/output";
import { GetOrganizationTeamsEventTypesQuerySchema } from "../../../../src/team-event-types/schemas";
import { listOrganizationTeamsEventTypes } from "../../../../src/team-event-types/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/event-types",
  operationId: "OrganizationsEventTypesController_getTeamsEventTypes",
  summary: "Get all team event types",
  description:
    "For an org ADMIN or OWNER: the event types of every team of the organization, by id (`sortCreatedAt`, ascending by default), `take` (at most 250) after `skip`. Cal.com requires TEAM_ADMIN on this org-only route, which lets nobody but its system admins through.",
  tags: ["Orgs / Teams / Event Types"],
  request: { params: OrgIdParams, query: GetOrganizationTeamsEventTypesQuerySchema },
  responses: {
    200: { description: "The organization's team event types", content: { "application/json": { schema: GetTeamEventTypesOutputSchema } } },
    ...errorResponses(403),
  },
});

export const listOrganizationTeamsEventTypesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOrganizationTeamsEventTypes(c.var.deps, actorOf(c), c.req.valid("param"), c.req.valid("query"))), 200),
});
