import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OooIdParams, OrgIdParams, pathParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { OooOutputResponseSchema } from "../../../../src/ooo/output";
import { deleteOrgUserOoo } from "../../../../src/ooo/service";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/users/{userId}/ooo/{oooId}",
  operationId: "OrganizationsUsersOOOController_deleteOrganizationUserOOO",
  summary: "Delete an out-of-office entry for a user",
  description: "ORG_ADMIN (ESSENTIALS plan for platform organizations); the entry must be the user's (403). Answers the deleted entry.",
  tags: ["Orgs / Users / OOO"],
  request: { params: pathParams(pathParams(OrgIdParams, UserIdParams), OooIdParams) },
  responses: {
    200: { description: "The deleted entry", content: { "application/json": { schema: OooOutputResponseSchema } } },
    ...errorResponses(403),
  },
});

export const deleteOrgUserOooOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteOrgUserOoo(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
