import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { DeleteAttributeOptionOutputSchema } from "../../../../src/attributes/output";
import { deleteOption } from "../../../../src/attributes/service";
import { AttributeIdParams, OptionIdParams, OrgIdParams, pathParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/attributes/{attributeId}/options/{optionId}",
  operationId: "OrganizationsAttributesOptionsController_deleteOrganizationAttributeOption",
  summary: "Delete an attribute option",
  description:
    "ORG_ADMIN (PBAC: organization.attributes.delete). Deletes the option and its assignments; 404 `Attribute option not found` for an option not of this attribute.",
  tags: ["Orgs / Attributes / Options"],
  request: { params: pathParams(pathParams(OrgIdParams, AttributeIdParams), OptionIdParams) },
  responses: {
    200: { description: "The deleted option", content: { "application/json": { schema: DeleteAttributeOptionOutputSchema } } },
    ...errorResponses(404),
  },
});

export const deleteOrganizationAttributeOptionOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteOption(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
