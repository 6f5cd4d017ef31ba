import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { GetTeamEventTypeOutputSchema } from "../../../src/team-event-types/output";
import { TeamEventTypeParams } from "../../../src/team-event-types/schemas";
import { getTeamEventType } from "../../../src/team-event-types/service";

const route = createRoute({
  method: "get",
  path: "/v2/teams/{teamId}/event-types/{eventTypeId}",
  operationId: "TeamsEventTypesController_getTeamEventType",
  summary: "Get an event type",
  description: "For a team ADMIN or OWNER (Cal.com's RolesGuard TEAM_ADMIN). An event type of another team is a 404.",
  tags: ["Teams / Event Types"],
  request: { params: TeamEventTypeParams },
  responses: {
    200: { description: "The event type", content: { "application/json": { schema: GetTeamEventTypeOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const getTeamEventTypeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getTeamEventType(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
