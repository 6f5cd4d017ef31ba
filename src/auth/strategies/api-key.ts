import { ApiError } from "../../errors";
import { hashApiKey, isApiKeyExpired } from "../api-keys";
import type { Principal } from "../principal";
import type { Strategy } from "./types";

interface CachedApiKey {
  apiKeyId: string;
  userId: number;
  organizationId: number | null;
  expiresAt: string | null;
}

export const apiKeyCacheKey = (hashedKey: string) => `auth:api_key:${hashedKey}`;

const invalid = () => new ApiError("UnauthorizedException", "ApiAuthStrategy - api key - Your api key is not valid");
const expired = () => new ApiError("UnauthorizedException", "ApiAuthStrategy - api key - Your api key is expired");

// Positive answers are cached in Redis for a short TTL; unknown or expired keys never are.
export const apiKeyStrategy: Strategy<"API_KEY"> = async (c, credential) => {
  const { env, services } = c.var;
  const hashedKey = await hashApiKey(credential.key, env.API_KEY_PREFIX);
  const toPrincipal = (row: CachedApiKey): Principal => ({
    strategy: "API_KEY",
    userId: row.userId,
    organizationId: row.organizationId,
    apiKeyId: row.apiKeyId,
    apiKeyHash: hashedKey,
  });

  const cached = await readCache(c.var.services, hashedKey);
  if (cached && !isApiKeyExpired(cached.expiresAt)) return toPrincipal(cached);

  const row = await services.db.apiKey.findUnique({
    where: { hashedKey },
    select: { id: true, userId: true, teamId: true, expiresAt: true },
  });
  if (!row) throw invalid();
  if (isApiKeyExpired(row.expiresAt)) throw expired();
  const entry: CachedApiKey = {
    apiKeyId: row.id,
    userId: row.userId,
    organizationId: row.teamId,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
  if (env.AUTH_CACHE_TTL_SECONDS > 0 && services.redis) {
    c.executionCtx.waitUntil(
      services.redis
        .set(apiKeyCacheKey(hashedKey), entry, { ex: env.AUTH_CACHE_TTL_SECONDS })
        .catch((error: unknown) => services.logger.warn("auth cache write failed", { error: String(error) })),
    );
  }
  return toPrincipal(entry);
};

async function readCache(services: Parameters<Strategy>[0]["var"]["services"], hashedKey: string) {
  if (!services.redis) return undefined;
  try {
    return (await services.redis.get<CachedApiKey>(apiKeyCacheKey(hashedKey))) ?? undefined;
  } catch (error) {
    services.logger.warn("auth cache read failed", { error: String(error) });
    return undefined;
  }
}
