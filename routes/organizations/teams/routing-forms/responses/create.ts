import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { success } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { CreateRoutingFormResponseOutputSchema } from "../../../../../src/routing-forms/output";
import { CreateResponseQuery, OrgTeamRoutingFormParams, RoutingFormAnswersSchema } from "../../../../../src/routing-forms/schemas";
import { createRoutingFormResponse } from "../../../../../src/routing-forms/service";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/routing-forms/{routingFormId}/responses",
  operationId: "OrganizationsTeamsRoutingFormsResponsesController_createRoutingFormResponse",
  summary: "Create routing form response and get available slots",
  description:
    "TEAM_MEMBER or an org ADMIN/OWNER (or `routingForm.create` with PBAC); a form the team does not own is a 403 (IsRoutingFormInTeam). The body holds the answers, keyed by field identifier (else label): required fields and emails are checked (400), " +
    "the response is stored (queued with `queueResponse=true`) and routed to the first route whose conditions match, else the fallback route. " +
    "An event type route answers the event type, its slots for `start`..`end` and the `routing` to pass to POST /v2/bookings; " +
    "with attribute rules on the route (`attributesQueryValue`, else `fallbackAttributesQueryValue` when nobody matches), `routing.teamMemberIds` are the hosts " +
    "whose org attributes match and the slots are theirs (round robin: fixed hosts stay); " +
    "other routes answer their custom message or external URL.",
  tags: ["Orgs / Teams / Routing forms / Responses"],
  request: {
    params: OrgTeamRoutingFormParams,
    query: CreateResponseQuery,
    body: { required: false, content: { "application/json": { schema: RoutingFormAnswersSchema } } },
  },
  responses: {
    201: { description: "The routing result", content: { "application/json": { schema: CreateRoutingFormResponseOutputSchema } } },
    ...errorResponses(400, 403, 404),
  },
});

export const createTeamRoutingFormResponseOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) =>
    c.json(
      success(
        await createRoutingFormResponse(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query"), body: c.req.valid("json") ?? {} }),
      ),
      201,
    ),
});
