import { createRoute } from "@hono/zod-openapi";
import { managedUsersGuards } from "../../src/auth/guards/platform";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { updateManagedUser } from "../../src/platform/managed-users";
import { GetManagedUserOutputSchema } from "../../src/platform/output";
import { ClientUserParamsSchema, UpdateManagedUserInputSchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "patch",
  path: "/v2/oauth-clients/{clientId}/users/{userId}",
  operationId: "OAuthClientUsersController_updateUser",
  summary: "Update a managed user",
  description: "A new email is namespaced with the client id like the original, and the username follows it.",
  tags: ["Platform / Managed Users"],
  middleware: managedUsersGuards,
  request: {
    params: ClientUserParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdateManagedUserInputSchema } } },
  },
  responses: {
    200: { description: "The updated managed user", content: { "application/json": { schema: GetManagedUserOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const updateManagedUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateManagedUser(c.var.deps, c.req.valid("param"), c.req.valid("json"))), 200),
});
