import { createRoute } from "@hono/zod-openapi";
import { managedUsersGuards } from "../../src/auth/guards/platform";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { deleteManagedUser } from "../../src/platform/managed-users";
import { GetManagedUserOutputSchema } from "../../src/platform/output";
import { ClientUserParamsSchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "delete",
  path: "/v2/oauth-clients/{clientId}/users/{userId}",
  operationId: "OAuthClientUsersController_deleteUser",
  summary: "Delete a managed user",
  description: "The user and all its tokens are deleted.",
  tags: ["Platform / Managed Users"],
  middleware: managedUsersGuards,
  request: { params: ClientUserParamsSchema },
  responses: {
    200: { description: "The deleted managed user", content: { "application/json": { schema: GetManagedUserOutputSchema } } },
    ...errorResponses(404),
  },
});

export const deleteManagedUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteManagedUser(c.var.deps, c.req.valid("param"))), 200),
});
