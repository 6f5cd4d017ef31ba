import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { GetSingleAttributeOutputSchema } from "../../../src/attributes/output";
import { getAttribute } from "../../../src/attributes/service";
import { AttributeIdParams, OrgIdParams, pathParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/attributes/{attributeId}",
  operationId: "OrganizationsAttributesController_getOrganizationAttribute",
  summary: "Get an attribute",
  description:
    "ORG_MEMBER (PBAC: organization.attributes.read). An unknown attribute, or another organization's, is a 404 (Cal.com answers 200 with `data: null`).",
  tags: ["Orgs / Attributes"],
  request: { params: pathParams(OrgIdParams, AttributeIdParams) },
  responses: {
    200: { description: "The attribute", content: { "application/json": { schema: GetSingleAttributeOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getOrganizationAttributeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getAttribute(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
