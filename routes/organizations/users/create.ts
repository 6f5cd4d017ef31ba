import { createRoute } from "@hono/zod-openapi";
import { GetOrganizationUserOutputSchema } from "../../../src/organizations/users/output";
import { CreateOrganizationUserInputSchema } from "../../../src/organizations/users/schemas";
import { createOrganizationUser } from "../../../src/organizations/users/service";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/users",
  operationId: "OrganizationsUsersController_createOrganizationUser",
  summary: "Create a user",
  description:
    "ORG_ADMIN; only an OWNER creates an OWNER. Creates the user with a profile in the organization (the given username, else one derived from the email), a membership with `organizationRole` (accepted unless `autoAccept` is false) and a default schedule. An email already in use, or a username taken in the organization, is a 409. No invitation email is sent.",
  tags: ["Orgs / Users"],
  request: { params: OrgIdParams, body: { required: true, content: { "application/json": { schema: CreateOrganizationUserInputSchema } } } },
  responses: {
    201: { description: "Create a user", content: { "application/json": { schema: GetOrganizationUserOutputSchema } } },
  },
});

export const createOrganizationUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createOrganizationUser(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});
