import { createRoute } from "@hono/zod-openapi";
import { managedUsersGuards } from "../../src/auth/guards/platform";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { listManagedUsers } from "../../src/platform/managed-users";
import { GetManagedUsersOutputSchema } from "../../src/platform/output";
import { ClientParamsSchema, GetManagedUsersQuerySchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/oauth-clients/{clientId}/users",
  operationId: "OAuthClientUsersController_getManagedUsers",
  summary: "Get all managed users",
  tags: ["Platform / Managed Users"],
  middleware: managedUsersGuards,
  request: { params: ClientParamsSchema, query: GetManagedUsersQuerySchema },
  responses: {
    200: { description: "The client's managed users", content: { "application/json": { schema: GetManagedUsersOutputSchema } } },
  },
});

export const listManagedUsersOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listManagedUsers(c.var.deps, c.req.valid("param").clientId, c.req.valid("query"))), 200),
});
