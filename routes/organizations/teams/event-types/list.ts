import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { defineOperation } from "../../../../src/operation";
import { GetTeamEventTypesOutputSchema } from "../../../../src/team-event-types/output";
import { GetTeamEventTypesQuerySchema, OrgTeamParams } from "../../../../src/team-event-types/schemas";
import { listTeamEventTypes } from "../../../../src/team-event-types/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/event-types",
  operationId: "OrganizationsEventTypesController_getTeamEventTypes",
  summary: "Get team event types",
  description:
    "Public, as in Cal.com: no credentials needed, hidden event types included; the organization must exist (403), own the team (404) and have the admin API. `eventSlug` narrows to one event type; `sortCreatedAt` orders by id.",
  tags: ["Orgs / Teams / Event Types"],
  request: { params: OrgTeamParams, query: GetTeamEventTypesQuerySchema },
  responses: {
    200: { description: "The team's event types", content: { "application/json": { schema: GetTeamEventTypesOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const listOrgTeamEventTypesOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => c.json(success(await listTeamEventTypes(c.var.deps, c.req.valid("param"), c.req.valid("query"))), 200),
});
