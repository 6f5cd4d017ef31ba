import { createRoute, z } from "@hono/zod-openapi";
import { apiKeyExpiry, generateApiKey } from "../../src/auth/api-keys";
import { apiKeyCacheKey } from "../../src/auth/strategies/api-key";
import { defineOperation } from "../../src/operation";

export const RefreshApiKeyInputSchema = z
  .object({
    apiKeyDaysValid: z.number().int().min(1).max(36500).default(30),
    apiKeyNeverExpires: z.boolean().optional(),
  })
  .openapi("RefreshApiKeyInput");

export const RefreshApiKeyOutputSchema = z
  .object({ status: z.literal("success"), data: z.object({ apiKey: z.string() }).openapi("ApiKeyOutput") })
  .openapi("RefreshApiKeyOutput");

const route = createRoute({
  method: "post",
  path: "/v2/api-keys/refresh",
  operationId: "ApiKeysController_refresh",
  summary: "Refresh API Key",
  description: "Generate a new API key and delete the current one. Provide API key to refresh as a Bearer token in the Authorization header.",
  tags: ["Api Keys"],
  request: { body: { required: false, content: { "application/json": { schema: RefreshApiKeyInputSchema } } } },
  responses: {
    200: { description: "The new API key (shown once)", content: { "application/json": { schema: RefreshApiKeyOutputSchema } } },
  },
});

export const refreshApiKeyOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: ["API_KEY"] },
  handler: async (c) => {
    const input = RefreshApiKeyInputSchema.parse(c.req.valid("json"));
    const { txDb, redis, logger } = c.var.deps;
    const principal = c.var.principal!;
    const { plain, hashedKey } = await generateApiKey(c.var.env.API_KEY_PREFIX);
    await txDb.$transaction(async (tx) => {
      const current = await tx.apiKey.delete({ where: { id: principal.apiKeyId! } });
      await tx.apiKey.create({
        data: {
          userId: current.userId,
          teamId: current.teamId,
          note: current.note,
          appId: current.appId,
          hashedKey,
          expiresAt: apiKeyExpiry(input.apiKeyDaysValid, input.apiKeyNeverExpires ?? false),
        },
      });
    });
    // The old key must stop working now, not when its cache entry expires.
    if (redis && principal.apiKeyHash) {
      await redis.del(apiKeyCacheKey(principal.apiKeyHash)).catch((error: unknown) => {
        logger.error("auth cache invalidation failed", { error: String(error) });
      });
    }
    return c.json({ status: "success" as const, data: { apiKey: plain } }, 200);
  },
});
