import { createRoute } from "@hono/zod-openapi";
import { organizationRoles } from "../../src/auth/guards/platform";
import { actorOf } from "../../src/http/context";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { listOAuthClients } from "../../src/platform/oauth-clients";
import { GetOAuthClientsResponseSchema } from "../../src/platform/output";

const route = createRoute({
  method: "get",
  path: "/v2/oauth-clients",
  operationId: "OAuthClientsController_getOAuthClients",
  summary: "Get all OAuth clients",
  tags: ["OAuth Clients"],
  middleware: [organizationRoles(["ADMIN", "OWNER", "MEMBER"])],
  responses: {
    200: { description: "The organization's OAuth clients", content: { "application/json": { schema: GetOAuthClientsResponseSchema } } },
  },
});

export const listOAuthClientsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOAuthClients(c.var.deps, actorOf(c))), 200),
});
