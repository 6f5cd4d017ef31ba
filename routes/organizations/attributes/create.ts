import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { CreateOrganizationAttributesOutputSchema } from "../../../src/attributes/output";
import { CreateOrganizationAttributeInputSchema } from "../../../src/attributes/schemas";
import { createAttribute } from "../../../src/attributes/service";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/attributes",
  operationId: "OrganizationsAttributesController_createOrganizationAttribute",
  summary: "Create an attribute",
  description:
    "ORG_ADMIN (PBAC: organization.attributes.create). `options` are created for SINGLE_SELECT and MULTI_SELECT attributes and ignored for TEXT and NUMBER. A slug already used in the organization is a 409.",
  tags: ["Orgs / Attributes"],
  request: { params: OrgIdParams, body: { required: true, content: { "application/json": { schema: CreateOrganizationAttributeInputSchema } } } },
  responses: {
    201: { description: "The attribute", content: { "application/json": { schema: CreateOrganizationAttributesOutputSchema } } },
    ...errorResponses(409),
  },
});

export const createOrganizationAttributeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createAttribute(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});
