import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { DeleteOrganizationAttributesOutputSchema } from "../../../src/attributes/output";
import { deleteAttribute } from "../../../src/attributes/service";
import { AttributeIdParams, OrgIdParams, pathParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/attributes/{attributeId}",
  operationId: "OrganizationsAttributesController_deleteOrganizationAttribute",
  summary: "Delete an attribute",
  description: "ORG_ADMIN (PBAC: organization.attributes.delete). Deletes the attribute, its options and their assignments; answers the deleted attribute.",
  tags: ["Orgs / Attributes"],
  request: { params: pathParams(OrgIdParams, AttributeIdParams) },
  responses: {
    200: { description: "The deleted attribute", content: { "application/json": { schema: DeleteOrganizationAttributesOutputSchema } } },
    ...errorResponses(404),
  },
});

export const deleteOrganizationAttributeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteAttribute(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
