import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { UpdateRoutingFormResponseOutputSchema } from "../../../../src/routing-forms/output";
import { OrgRoutingFormResponseParams, UpdateRoutingFormResponseInputSchema } from "../../../../src/routing-forms/schemas";
import { updateRoutingFormResponse } from "../../../../src/routing-forms/service";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/routing-forms/{routingFormId}/responses/{responseId}",
  operationId: "OrganizationsRoutingFormsResponsesController_updateRoutingFormResponse",
  summary: "Update routing form response",
  description:
    "ORG_ADMIN (or `routingForm.update` with PBAC); a form outside the organization is a 404. `response` replaces the stored answers. A response of another form is a 404.",
  tags: ["Orgs / Routing forms"],
  request: {
    params: OrgRoutingFormResponseParams,
    body: { required: true, content: { "application/json": { schema: UpdateRoutingFormResponseInputSchema } } },
  },
  responses: {
    200: { description: "The updated response", content: { "application/json": { schema: UpdateRoutingFormResponseOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const updateOrgRoutingFormResponseOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateRoutingFormResponse(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
