import { createRoute } from "@hono/zod-openapi";
import { oAuthClientOfCallerOrganization, organizationRoles } from "../../src/auth/guards/platform";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { deleteOAuthClient } from "../../src/platform/oauth-clients";
import { GetOAuthClientResponseSchema } from "../../src/platform/output";
import { ClientParamsSchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "delete",
  path: "/v2/oauth-clients/{clientId}",
  operationId: "OAuthClientsController_deleteOAuthClient",
  summary: "Delete an OAuth client",
  description: "Its credentials and every access and refresh token it issued stop working immediately.",
  tags: ["OAuth Clients"],
  middleware: [organizationRoles(["ADMIN", "OWNER"]), oAuthClientOfCallerOrganization],
  request: { params: ClientParamsSchema },
  responses: {
    200: { description: "The deleted OAuth client", content: { "application/json": { schema: GetOAuthClientResponseSchema } } },
    ...errorResponses(404),
  },
});

export const deleteOAuthClientOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteOAuthClient(c.var.deps, c.get("guardedOAuthClient"))), 200),
});
