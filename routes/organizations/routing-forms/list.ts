import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";
import { GetRoutingFormsOutputSchema } from "../../../src/routing-forms/output";
import { ListOrgRoutingFormsQuery } from "../../../src/routing-forms/schemas";
import { listOrgRoutingForms } from "../../../src/routing-forms/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/routing-forms",
  operationId: "OrganizationsRoutingFormsController_getOrganizationRoutingForms",
  summary: "Get organization routing forms",
  description: "ORG_ADMIN (or `routingForm.read` with PBAC). The routing forms of the organization's teams, oldest first unless sorted.",
  tags: ["Orgs / Routing forms"],
  request: { params: OrgIdParams, query: ListOrgRoutingFormsQuery },
  responses: {
    200: { description: "The forms", content: { "application/json": { schema: GetRoutingFormsOutputSchema } } },
    ...errorResponses(403),
  },
});

export const listOrgRoutingFormsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOrgRoutingForms(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
