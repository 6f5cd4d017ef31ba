import { createRoute } from "@hono/zod-openapi";
import { oAuthClientOfCallerOrganization, organizationRoles } from "../../src/auth/guards/platform";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { forgetOAuthClient } from "../../src/platform/oauth-clients";
import { ClientIdParamsSchema, GetOAuthClientResponseSchema, toOAuthClientOutput } from "./output";

const route = createRoute({
  method: "delete",
  path: "/v2/oauth-clients/{clientId}",
  operationId: "OAuthClientsController_deleteOAuthClient",
  summary: "Delete an OAuth client",
  description: "Its credentials and every access and refresh token it issued stop working immediately.",
  tags: ["OAuth Clients"],
  middleware: [organizationRoles(["ADMIN", "OWNER"]), oAuthClientOfCallerOrganization],
  request: { params: ClientIdParamsSchema },
  responses: {
    200: { description: "The deleted OAuth client", content: { "application/json": { schema: GetOAuthClientResponseSchema } } },
    ...errorResponses(404),
  },
});

export const deleteOAuthClientOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { clientId } = c.req.valid("param");
    const services = c.var.deps;
    // Refresh tokens go with it (cascade); access tokens fail on the missing client once the cache forgets it.
    const client = await services.db.platformOAuthClient.delete({ where: { id: clientId } });
    await forgetOAuthClient(services, clientId);
    return c.json({ status: "success" as const, data: toOAuthClientOutput(client) }, 200);
  },
});
