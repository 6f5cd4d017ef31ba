import { createRoute } from "@hono/zod-openapi";
import { oAuthClientOfCallerOrganization, organizationRoles } from "../../src/auth/guards/platform";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { updateOAuthClient } from "../../src/platform/oauth-clients";
import { GetOAuthClientResponseSchema } from "../../src/platform/output";
import { ClientParamsSchema, UpdateOAuthClientInputSchema } from "../../src/platform/schemas";

const route = createRoute({
  method: "patch",
  path: "/v2/oauth-clients/{clientId}",
  operationId: "OAuthClientsController_updateOAuthClient",
  summary: "Update an OAuth client",
  tags: ["OAuth Clients"],
  middleware: [organizationRoles(["ADMIN", "OWNER"]), oAuthClientOfCallerOrganization],
  request: {
    params: ClientParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdateOAuthClientInputSchema } } },
  },
  responses: {
    200: { description: "The updated OAuth client", content: { "application/json": { schema: GetOAuthClientResponseSchema } } },
    ...errorResponses(404),
  },
});

export const updateOAuthClientOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateOAuthClient(c.var.deps, c.get("guardedOAuthClient"), c.req.valid("json"))), 200),
});
