import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { GetAllAttributeOptionOutputSchema } from "../../../../src/attributes/output";
import { listOptions } from "../../../../src/attributes/service";
import { AttributeIdParams, OrgIdParams, pathParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/attributes/{attributeId}/options",
  operationId: "OrganizationsAttributesOptionsController_getOrganizationAttributeOptions",
  summary: "Get all attribute options",
  description:
    "ORG_MEMBER (PBAC: organization.attributes.read). The attribute's options (not paginated); the attribute must be one of the organization's (404).",
  tags: ["Orgs / Attributes / Options"],
  request: { params: pathParams(OrgIdParams, AttributeIdParams) },
  responses: {
    200: { description: "The options", content: { "application/json": { schema: GetAllAttributeOptionOutputSchema } } },
    ...errorResponses(404),
  },
});

export const listOrganizationAttributeOptionsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOptions(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
