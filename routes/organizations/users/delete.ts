import { createRoute } from "@hono/zod-openapi";
import { GetOrganizationUserOutputSchema } from "../../../src/organizations/users/output";
import { deleteOrganizationUser } from "../../../src/organizations/users/service";
import { OrgIdParams, pathParams, success, UserIdParams } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/users/{userId}",
  operationId: "OrganizationsUsersController_deleteOrganizationUser",
  summary: "Delete a user",
  description:
    "ORG_ADMIN and the user in the organization; only an OWNER deletes an OWNER, and the last OWNER cannot be deleted. Deletes the user's account, as Cal.com does (schedules, event types and the bookings they organize go with it); their API keys and access tokens stop working at once. To remove someone from the organization only, delete their membership instead.",
  tags: ["Orgs / Users"],
  request: { params: pathParams(OrgIdParams, UserIdParams) },
  responses: {
    200: { description: "Delete a user", content: { "application/json": { schema: GetOrganizationUserOutputSchema } } },
  },
});

export const deleteOrganizationUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteOrganizationUser(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
