import { createRoute, z } from "@hono/zod-openapi";
import { oAuthClientOfCallerOrganization, organizationRoles } from "../../src/auth/guards/platform";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { forgetOAuthClient } from "../../src/platform/oauth-clients";
import { ClientIdParamsSchema, GetOAuthClientResponseSchema, toOAuthClientOutput } from "./output";

// Permissions cannot be changed after creation (Cal.com's UpdateOAuthClientInput has none).
export const UpdateOAuthClientInputSchema = z
  .object({
    logo: z.string().optional(),
    name: z.string().optional(),
    redirectUris: z.array(z.string()).optional(),
    bookingRedirectUri: z.string().optional(),
    bookingCancelRedirectUri: z.string().optional(),
    bookingRescheduleRedirectUri: z.string().optional(),
    areEmailsEnabled: z.boolean().optional(),
    areDefaultEventTypesEnabled: z.boolean().optional(),
    areCalendarEventsEnabled: z.boolean().optional(),
  })
  .openapi("UpdateOAuthClientInput");

const route = createRoute({
  method: "patch",
  path: "/v2/oauth-clients/{clientId}",
  operationId: "OAuthClientsController_updateOAuthClient",
  summary: "Update an OAuth client",
  tags: ["OAuth Clients"],
  middleware: [organizationRoles(["ADMIN", "OWNER"]), oAuthClientOfCallerOrganization],
  request: {
    params: ClientIdParamsSchema,
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
  handler: async (c) => {
    const { clientId } = c.req.valid("param");
    const services = c.var.deps;
    const client = await services.db.platformOAuthClient.update({ where: { id: clientId }, data: c.req.valid("json") });
    // Redirect URIs gate access tokens' Origin check: the cached copy must not outlive the change.
    await forgetOAuthClient(services, clientId);
    return c.json({ status: "success" as const, data: toOAuthClientOutput(client) }, 200);
  },
});
