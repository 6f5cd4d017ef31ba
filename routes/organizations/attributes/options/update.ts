import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { UpdateAttributeOptionOutputSchema } from "../../../../src/attributes/output";
import { UpdateOrganizationAttributeOptionInputSchema } from "../../../../src/attributes/schemas";
import { updateOption } from "../../../../src/attributes/service";
import { AttributeIdParams, OptionIdParams, OrgIdParams, pathParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/attributes/{attributeId}/options/{optionId}",
  operationId: "OrganizationsAttributesOptionsController_updateOrganizationAttributeOption",
  summary: "Update an attribute option",
  description: "ORG_ADMIN (PBAC: organization.attributes.update). The attribute must be the organization's and the option the attribute's (404).",
  tags: ["Orgs / Attributes / Options"],
  request: {
    params: pathParams(pathParams(OrgIdParams, AttributeIdParams), OptionIdParams),
    body: { required: true, content: { "application/json": { schema: UpdateOrganizationAttributeOptionInputSchema } } },
  },
  responses: {
    200: { description: "The option", content: { "application/json": { schema: UpdateAttributeOptionOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updateOrganizationAttributeOptionOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateOption(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
