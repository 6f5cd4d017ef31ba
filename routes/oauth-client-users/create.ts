import { createRoute } from "@hono/zod-openapi";
import { managedUsersGuards } from "../../src/auth/guards/platform";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { createManagedUser } from "../../src/platform/managed-users";
import { CreateManagedUserOutputSchema, TOKENS_DOCS } from "../../src/platform/output";
import { ClientParamsSchema, CreateManagedUserInputSchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "post",
  path: "/v2/oauth-clients/{clientId}/users",
  operationId: "OAuthClientUsersController_createUser",
  summary: "Create a managed user",
  description: `The user's email is stored as <local>+<clientId>@<domain>. The response carries the user's first tokens. ${TOKENS_DOCS}`,
  tags: ["Platform / Managed Users"],
  middleware: managedUsersGuards,
  request: {
    params: ClientParamsSchema,
    body: { required: true, content: { "application/json": { schema: CreateManagedUserInputSchema } } },
  },
  responses: {
    201: { description: "The managed user and its tokens", content: { "application/json": { schema: CreateManagedUserOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const createManagedUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  // OAuthClientGuard has loaded the path's client.
  handler: async (c) => c.json(success(await createManagedUser(c.var.deps, c.get("guardedOAuthClient"), c.req.valid("json"))), 201),
});
