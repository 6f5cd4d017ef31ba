import { createRoute } from "@hono/zod-openapi";
import { GetOptionUserOutputSchema } from "../../../../src/attributes/output";
import { listUserOptions } from "../../../../src/attributes/service";
import { OrgIdParams, pathParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/attributes/options/{userId}",
  operationId: "OrganizationsAttributesOptionsController_getOrganizationAttributeOptionsForUser",
  summary: "Get all attribute options for a user",
  description: "ORG_MEMBER (PBAC: organization.attributes.read). The options of the organization's attributes assigned to the user.",
  tags: ["Orgs / Attributes / Options"],
  request: { params: pathParams(OrgIdParams, UserIdParams) },
  responses: {
    200: { description: "The user's options", content: { "application/json": { schema: GetOptionUserOutputSchema } } },
  },
});

export const listOrganizationAttributeOptionsForUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listUserOptions(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
