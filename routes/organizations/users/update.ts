import { createRoute } from "@hono/zod-openapi";
import { GetOrganizationUserOutputSchema } from "../../../src/organizations/users/output";
import { UpdateOrganizationUserInputSchema } from "../../../src/organizations/users/schemas";
import { updateOrganizationUser } from "../../../src/organizations/users/service";
import { errorResponses } from "../../../src/errors";
import { OrgIdParams, pathParams, success, UserIdParams } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/users/{userId}",
  operationId: "OrganizationsUsersController_updateOrganizationUser",
  summary: "Update a user",
  description:
    "ORG_ADMIN and the user in the organization; only an OWNER changes an OWNER. A new username is checked against the organization's other users (409) and written to the profile too.",
  tags: ["Orgs / Users"],
  request: {
    params: pathParams(OrgIdParams, UserIdParams),
    body: { required: true, content: { "application/json": { schema: UpdateOrganizationUserInputSchema } } },
  },
  responses: {
    200: { description: "Update a user", content: { "application/json": { schema: GetOrganizationUserOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updateOrganizationUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateOrganizationUser(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
