import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { GetTeamEventTypeOutputSchema } from "../../../../src/team-event-types/output";
import { OrgTeamEventTypeParams } from "../../../../src/team-event-types/schemas";
import { getTeamEventType } from "../../../../src/team-event-types/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}",
  operationId: "OrganizationsEventTypesController_getTeamEventType",
  summary: "Get an event type",
  description: "For a team ADMIN or OWNER, or an org ADMIN or OWNER. An event type of another team is a 404.",
  tags: ["Orgs / Teams / Event Types"],
  request: { params: OrgTeamEventTypeParams },
  responses: {
    200: { description: "The event type", content: { "application/json": { schema: GetTeamEventTypeOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const getOrgTeamEventTypeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getTeamEventType(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
