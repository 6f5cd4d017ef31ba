import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { CreateAttributeOptionOutputSchema } from "../../../../src/attributes/output";
import { CreateOrganizationAttributeOptionInputSchema } from "../../../../src/attributes/schemas";
import { createOption } from "../../../../src/attributes/service";
import { AttributeIdParams, OrgIdParams, pathParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/attributes/{attributeId}/options",
  operationId: "OrganizationsAttributesOptionsController_createOrganizationAttributeOption",
  summary: "Create an attribute option",
  description: "ORG_ADMIN (PBAC: organization.attributes.create). The attribute must be one of the organization's (404).",
  tags: ["Orgs / Attributes / Options"],
  request: {
    params: pathParams(OrgIdParams, AttributeIdParams),
    body: { required: true, content: { "application/json": { schema: CreateOrganizationAttributeOptionInputSchema } } },
  },
  responses: {
    201: { description: "The option", content: { "application/json": { schema: CreateAttributeOptionOutputSchema } } },
    ...errorResponses(404),
  },
});

export const createOrganizationAttributeOptionOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createOption(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});
