import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { AssignOptionUserOutputSchema } from "../../../../src/attributes/output";
import { AssignOrganizationAttributeOptionToUserInputSchema } from "../../../../src/attributes/schemas";
import { assignOption } from "../../../../src/attributes/service";
import { OrgIdParams, pathParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/attributes/options/{userId}",
  operationId: "OrganizationsAttributesOptionsController_assignOrganizationAttributeOptionToUser",
  summary: "Assign an attribute to a user",
  description:
    "ORG_ADMIN (PBAC: organization.attributes.update). `attributeOptionId` (an option of the attribute), or for TEXT and NUMBER attributes a `value` (its option is reused or created). Only MULTI_SELECT holds several options per user: for the other types the new option replaces the previous one. The user needs an accepted membership of the organization (404).",
  tags: ["Orgs / Attributes / Options"],
  request: {
    params: pathParams(OrgIdParams, UserIdParams),
    body: { required: true, content: { "application/json": { schema: AssignOrganizationAttributeOptionToUserInputSchema } } },
  },
  responses: {
    201: { description: "The assignment", content: { "application/json": { schema: AssignOptionUserOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const assignOrganizationAttributeOptionToUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await assignOption(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});
