import { createRoute } from "@hono/zod-openapi";
import { success, TeamIdParams } from "../../../src/http/common";
import { defineOperation } from "../../../src/operation";
import { GetTeamEventTypesOutputSchema } from "../../../src/team-event-types/output";
import { GetTeamEventTypesQuerySchema } from "../../../src/team-event-types/schemas";
import { listTeamEventTypes } from "../../../src/team-event-types/service";

const route = createRoute({
  method: "get",
  path: "/v2/teams/{teamId}/event-types",
  operationId: "TeamsEventTypesController_getTeamEventTypes",
  summary: "Get a team event types",
  description: "Public, as in Cal.com: no credentials needed, hidden event types included. `eventSlug` narrows to one event type.",
  tags: ["Teams / Event Types"],
  request: { params: TeamIdParams, query: GetTeamEventTypesQuerySchema },
  responses: {
    200: { description: "The team's event types", content: { "application/json": { schema: GetTeamEventTypesOutputSchema } } },
  },
});

export const listTeamEventTypesOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => c.json(success(await listTeamEventTypes(c.var.deps, c.req.valid("param"), c.req.valid("query"))), 200),
});
