import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { OooOutputResponseSchema } from "../../../../src/ooo/output";
import { CreateOooInputSchema } from "../../../../src/ooo/schemas";
import { createOrgUserOoo } from "../../../../src/ooo/service";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/users/{userId}/ooo",
  operationId: "OrganizationsUsersOOOController_createOrganizationUserOOO",
  summary: "Create an out-of-office entry for a user",
  description:
    "ORG_ADMIN (ESSENTIALS plan for platform organizations); the user must be in the organization. The entry covers whole UTC days (start at 00:00:00.000Z, end at 23:59:59.999Z); the user's slots on those days disappear. An entry overlapping another of the user's is a 409.",
  tags: ["Orgs / Users / OOO"],
  request: {
    params: pathParams(OrgIdParams, UserIdParams),
    body: { required: true, content: { "application/json": { schema: CreateOooInputSchema } } },
  },
  responses: {
    201: { description: "The entry", content: { "application/json": { schema: OooOutputResponseSchema } } },
    ...errorResponses(403, 409),
  },
});

export const createOrgUserOooOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createOrgUserOoo(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});
