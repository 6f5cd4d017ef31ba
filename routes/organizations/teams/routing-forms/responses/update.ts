import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { success } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { UpdateRoutingFormResponseOutputSchema } from "../../../../../src/routing-forms/output";
import { OrgTeamRoutingFormResponseParams, UpdateRoutingFormResponseInputSchema } from "../../../../../src/routing-forms/schemas";
import { updateRoutingFormResponse } from "../../../../../src/routing-forms/service";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/teams/{teamId}/routing-forms/{routingFormId}/responses/{responseId}",
  operationId: "OrganizationsTeamsRoutingFormsResponsesController_updateRoutingFormResponse",
  summary: "Update routing form response",
  description:
    "TEAM_ADMIN or an org ADMIN/OWNER (or `routingForm.update` with PBAC); a form the team does not own is a 403 (IsRoutingFormInTeam). `response` replaces the stored answers. A response of another form is a 404.",
  tags: ["Orgs / Teams / Routing forms / Responses"],
  request: {
    params: OrgTeamRoutingFormResponseParams,
    body: { required: true, content: { "application/json": { schema: UpdateRoutingFormResponseInputSchema } } },
  },
  responses: {
    200: { description: "The updated response", content: { "application/json": { schema: UpdateRoutingFormResponseOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const updateTeamRoutingFormResponseOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateRoutingFormResponse(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
