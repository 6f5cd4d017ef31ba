import { createRoute } from "@hono/zod-openapi";
import { organizationRoles } from "../../src/auth/guards/platform";
import { actorOf } from "../../src/http/context";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { createOAuthClient } from "../../src/platform/oauth-clients";
import { CreateOAuthClientResponseSchema } from "../../src/platform/output";
import { CreateOAuthClientInputSchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "post",
  path: "/v2/oauth-clients",
  operationId: "OAuthClientsController_createOAuthClient",
  summary: "Create an OAuth client",
  description: "For an admin or owner of a platform organization. The client secret is returned only in this response: store it, it cannot be read again.",
  tags: ["OAuth Clients"],
  middleware: [organizationRoles(["ADMIN", "OWNER"])],
  request: { body: { required: true, content: { "application/json": { schema: CreateOAuthClientInputSchema } } } },
  responses: {
    201: { description: "Create an OAuth client", content: { "application/json": { schema: CreateOAuthClientResponseSchema } } },
  },
});

export const createOAuthClientOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createOAuthClient(c.var.deps, actorOf(c), c.req.valid("json"))), 201),
});
