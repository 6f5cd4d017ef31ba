import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { OoosOutputResponseSchema } from "../../../../src/ooo/output";
import { OooListQuery } from "../../../../src/ooo/schemas";
import { listOrgUserOoo } from "../../../../src/ooo/service";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/users/{userId}/ooo",
  operationId: "OrganizationsUsersOOOController_getOrganizationUserOOO",
  summary: "Get all out-of-office entries for a user",
  description: "ORG_ADMIN (ESSENTIALS plan for platform organizations); the user must be in the organization. With both sortStart and sortEnd, sortEnd wins.",
  tags: ["Orgs / Users / OOO"],
  request: { params: pathParams(OrgIdParams, UserIdParams), query: OooListQuery },
  responses: {
    200: { description: "The user's entries", content: { "application/json": { schema: OoosOutputResponseSchema } } },
    ...errorResponses(403),
  },
});

export const listOrgUserOooOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOrgUserOoo(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
