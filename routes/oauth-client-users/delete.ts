import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { findManagedUser, toManagedUserOutput } from "../../src/platform/managed-users";
import { revokeFamilies } from "../../src/platform/token-store";
import { ClientUserParamsSchema, GetManagedUserOutputSchema, managedUserGuards } from "./output";

const route = createRoute({
  method: "delete",
  path: "/v2/oauth-clients/{clientId}/users/{userId}",
  operationId: "OAuthClientUsersController_deleteUser",
  summary: "Delete a managed user",
  description: "The user and all its tokens are deleted.",
  tags: ["Platform / Managed Users"],
  middleware: managedUserGuards,
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
  handler: async (c) => {
    const { clientId, userId } = c.req.valid("param");
    const services = c.var.deps;
    const user = await findManagedUser(services.db, clientId, userId);
    // Marks the user's token families revoked in Redis too, so its access tokens die with it.
    await revokeFamilies(services, { userId });
    await services.db.user.delete({ where: { id: userId } });
    return c.json({ status: "success" as const, data: toManagedUserOutput(user) }, 200);
  },
});
