import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OooIdParams, OrgIdParams, pathParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { OooOutputResponseSchema } from "../../../../src/ooo/output";
import { UpdateOooInputSchema } from "../../../../src/ooo/schemas";
import { updateOrgUserOoo } from "../../../../src/ooo/service";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/users/{userId}/ooo/{oooId}",
  operationId: "OrganizationsUsersOOOController_updateOrganizationUserOOO",
  summary: "Update an out-of-office entry for a user",
  description:
    "ORG_ADMIN (ESSENTIALS plan for platform organizations); the entry must be the user's (403). Only the fields sent change; start and end come together.",
  tags: ["Orgs / Users / OOO"],
  request: {
    params: pathParams(pathParams(OrgIdParams, UserIdParams), OooIdParams),
    body: { required: true, content: { "application/json": { schema: UpdateOooInputSchema } } },
  },
  responses: {
    200: { description: "The updated entry", content: { "application/json": { schema: OooOutputResponseSchema } } },
    ...errorResponses(403, 409),
  },
});

export const updateOrgUserOooOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateOrgUserOoo(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
