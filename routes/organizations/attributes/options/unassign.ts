import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { UnassignOptionUserOutputSchema } from "../../../../src/attributes/output";
import { unassignOption } from "../../../../src/attributes/service";
import { AttributeOptionIdParams, OrgIdParams, pathParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/attributes/options/{userId}/{attributeOptionId}",
  operationId: "OrganizationsAttributesOptionsController_unassignOrganizationAttributeOptionFromUser",
  summary: "Unassign an attribute from a user",
  description:
    "ORG_MEMBER (PBAC: organization.attributes.update): a member may unassign their own options, an org ADMIN or OWNER anyone's (Cal.com lets any member unassign anyone's). 404 `Attribute does not belong to this user` when not assigned.",
  tags: ["Orgs / Attributes / Options"],
  request: { params: pathParams(pathParams(OrgIdParams, UserIdParams), AttributeOptionIdParams) },
  responses: {
    200: { description: "The removed assignment", content: { "application/json": { schema: UnassignOptionUserOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const unassignOrganizationAttributeOptionFromUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await unassignOption(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
