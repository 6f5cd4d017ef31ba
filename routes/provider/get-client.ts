import { createRoute, z } from "@hono/zod-openapi";
import { ApiError, errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";

export const ProviderVerifyClientOutputSchema = z
  .object({
    status: z.literal("success"),
    data: z.object({ clientId: z.string(), organizationId: z.number(), name: z.string() }).openapi("ProviderVerifyClientData"),
  })
  .openapi("ProviderVerifyClientOutput");

const route = createRoute({
  method: "get",
  path: "/v2/provider/{clientId}",
  operationId: "CalProviderController_verifyClientId",
  summary: "Verify an OAuth client id",
  description: "Called by Cal.com's React atoms (CalProvider) before anything else. Public.",
  tags: ["Cal provider"],
  request: {
    params: z.object({
      clientId: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: "clientId", in: "path" } }),
    }),
  },
  responses: {
    200: { description: "The client exists", content: { "application/json": { schema: ProviderVerifyClientOutputSchema } } },
    ...errorResponses(401),
  },
});

export const verifyProviderClientOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const { clientId } = c.req.valid("param");
    const client = await c.var.deps.db.platformOAuthClient.findUnique({
      where: { id: clientId },
      select: { id: true, organizationId: true, name: true },
    });
    // Nest's bare `new UnauthorizedException()`.
    if (!client) throw new ApiError("UnauthorizedException", "Unauthorized");
    return c.json({ status: "success" as const, data: { clientId: client.id, organizationId: client.organizationId, name: client.name } }, 200);
  },
});
