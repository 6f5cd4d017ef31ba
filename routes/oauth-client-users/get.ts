import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { findManagedUser, toManagedUserOutput } from "../../src/platform/managed-users";
import { ClientUserParamsSchema, GetManagedUserOutputSchema, managedUserGuards } from "./output";

const route = createRoute({
  method: "get",
  path: "/v2/oauth-clients/{clientId}/users/{userId}",
  operationId: "OAuthClientUsersController_getUserById",
  summary: "Get a managed user",
  tags: ["Platform / Managed Users"],
  middleware: managedUserGuards,
  request: { params: ClientUserParamsSchema },
  responses: {
    200: { description: "The managed user", content: { "application/json": { schema: GetManagedUserOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getManagedUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { clientId, userId } = c.req.valid("param");
    const user = await findManagedUser(c.var.deps.db, clientId, userId);
    return c.json({ status: "success" as const, data: toManagedUserOutput(user) }, 200);
  },
});
