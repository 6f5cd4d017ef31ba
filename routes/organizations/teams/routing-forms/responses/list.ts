import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { success } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { GetRoutingFormResponsesOutputSchema } from "../../../../../src/routing-forms/output";
import { ListRoutingFormResponsesQuery, OrgTeamRoutingFormParams } from "../../../../../src/routing-forms/schemas";
import { listRoutingFormResponses } from "../../../../../src/routing-forms/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/routing-forms/{routingFormId}/responses",
  operationId: "OrganizationsTeamsRoutingFormsResponsesController_getRoutingFormResponses",
  summary: "Get routing form responses",
  description:
    "TEAM_ADMIN or an org ADMIN/OWNER (or `routingForm.read` with PBAC); a form the team does not own is a 403 (IsRoutingFormInTeam). The responses as an array, oldest first unless sorted.",
  tags: ["Orgs / Teams / Routing forms / Responses"],
  request: { params: OrgTeamRoutingFormParams, query: ListRoutingFormResponsesQuery },
  responses: {
    200: { description: "The responses", content: { "application/json": { schema: GetRoutingFormResponsesOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const listTeamRoutingFormResponsesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listRoutingFormResponses(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
