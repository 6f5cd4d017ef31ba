import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { UpdateOrganizationAttributesOutputSchema } from "../../../src/attributes/output";
import { UpdateOrganizationAttributeInputSchema } from "../../../src/attributes/schemas";
import { updateAttribute } from "../../../src/attributes/service";
import { AttributeIdParams, OrgIdParams, pathParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/attributes/{attributeId}",
  operationId: "OrganizationsAttributesController_updateOrganizationAttribute",
  summary: "Update an attribute",
  description:
    "ORG_ADMIN (PBAC: organization.attributes.update). Changes what the body names; a slug already used in the organization is a 409, and so is a new `type` while options of the attribute are assigned to users (Cal.com changes it anyway); NUMBER needs numeric option values (400).",
  tags: ["Orgs / Attributes"],
  request: {
    params: pathParams(OrgIdParams, AttributeIdParams),
    body: { required: true, content: { "application/json": { schema: UpdateOrganizationAttributeInputSchema } } },
  },
  responses: {
    200: { description: "The attribute", content: { "application/json": { schema: UpdateOrganizationAttributesOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const updateOrganizationAttributeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateAttribute(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
