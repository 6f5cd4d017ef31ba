import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { GetAllAttributeAssignedOptionOutputSchema } from "../../../../src/attributes/output";
import { AssignedOptionsQuery } from "../../../../src/attributes/schemas";
import { listAssignedOptions } from "../../../../src/attributes/service";
import { AttributeSlugParams, OrgIdParams, pathParams, success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/attributes/slugs/{attributeSlug}/options/assigned",
  operationId: "OrganizationsAttributesOptionsController_getOrganizationAttributeAssignedOptionsBySlug",
  summary: "Get all assigned attribute options by attribute slug",
  description:
    "ORG_MEMBER (PBAC: organization.attributes.read). The options assigned to at least one member, with their user ids. `teamIds` keeps members of those teams of the organization; `assignedOptionIds` keeps members holding one of those options (404 when none does); `assignedUserIds` lists the members left after the filters.",
  tags: ["Orgs / Attributes / Options"],
  request: { params: pathParams(OrgIdParams, AttributeSlugParams), query: AssignedOptionsQuery },
  responses: {
    200: { description: "The assigned options", content: { "application/json": { schema: GetAllAttributeAssignedOptionOutputSchema } } },
    ...errorResponses(404),
  },
});

export const listOrganizationAttributeAssignedOptionsBySlugOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { orgId, attributeSlug } = c.req.valid("param");
    return c.json(success(await listAssignedOptions(c.var.deps, actorOf(c), { orgId, attribute: { slug: attributeSlug }, query: c.req.valid("query") })), 200);
  },
});
