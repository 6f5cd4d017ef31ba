import { createRoute } from "@hono/zod-openapi";
import { oAuthClientOfCallerOrganization, organizationRoles } from "../../src/auth/guards/platform";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { GetOAuthClientResponseSchema, toOAuthClientOutput } from "../../src/platform/output";
import { ClientParamsSchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/oauth-clients/{clientId}",
  operationId: "OAuthClientsController_getOAuthClientById",
  summary: "Get an OAuth client",
  tags: ["OAuth Clients"],
  middleware: [organizationRoles(["ADMIN", "OWNER", "MEMBER"]), oAuthClientOfCallerOrganization],
  request: { params: ClientParamsSchema },
  responses: {
    200: { description: "The OAuth client (its secret is not retrievable)", content: { "application/json": { schema: GetOAuthClientResponseSchema } } },
    ...errorResponses(404),
  },
});

export const getOAuthClientOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  // OAuthClientGuard has loaded the client.
  handler: async (c) => c.json(success(toOAuthClientOutput(c.get("guardedOAuthClient"))), 200),
});
