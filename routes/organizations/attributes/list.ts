import { createRoute } from "@hono/zod-openapi";
import { GetOrganizationAttributesOutputSchema } from "../../../src/attributes/output";
import { listAttributes } from "../../../src/attributes/service";
import { OrgIdParams, SkipTakeQuery, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/attributes",
  operationId: "OrganizationsAttributesController_getOrganizationAttributes",
  summary: "Get all attributes",
  description: "ORG_MEMBER (PBAC: organization.attributes.read). The organization's attributes, oldest first.",
  tags: ["Orgs / Attributes"],
  request: { params: OrgIdParams, query: SkipTakeQuery },
  responses: {
    200: { description: "The attributes", content: { "application/json": { schema: GetOrganizationAttributesOutputSchema } } },
  },
});

export const listOrganizationAttributesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listAttributes(c.var.deps, actorOf(c), { ...c.req.valid("param"), ...c.req.valid("query") })), 200),
});
