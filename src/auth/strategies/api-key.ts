import { hashApiKey, isApiKeyExpired } from "../api-keys";
import type { Deps } from "../../services";
import { deleteCached, readCached, writeCached } from "../cache";
import { expiredApiKey, invalidApiKey } from "../errors";
import { assertLicensed, licenseCacheKey } from "../license";
import type { Principal } from "../principal";
import type { Strategy } from "./types";
import { forgetVerified, memoryTtlMs, recallVerified, rememberVerified } from "../verified-memory";

interface CachedApiKey {
  apiKeyId: string;
  userId: number;
  organizationId: number | null;
  expiresAt: string | null;
}

export const apiKeyCacheKey = (hashedKey: string) => `auth:api_key:${hashedKey}`;

/** Revoked keys stop working now: forgotten in this isolate, evicted from Redis (other isolates: within the bound). */
export async function forgetApiKeys(services: Deps, hashedKeys: readonly string[]): Promise<void> {
  forgetVerified(hashedKeys.map(apiKeyCacheKey));
  await deleteCached(services, hashedKeys.map(apiKeyCacheKey));
}

// Positive answers are cached in Redis for a short TTL; unknown or expired keys never are. The license
// answer (checked first, as Cal.com does) is read in the same Redis round trip.
export const apiKeyStrategy: Strategy<"API_KEY"> = async (services, credential) => {
  const { env } = services;
  const hashedKey = await hashApiKey(credential.key, env.API_KEY_PREFIX);
  const toPrincipal = (row: CachedApiKey): Principal => ({
    strategy: "API_KEY",
    userId: row.userId,
    organizationId: row.organizationId,
    apiKeyId: row.apiKeyId,
    apiKeyHash: hashedKey,
  });

  const licenseKey = await licenseCacheKey(env);
  // Remembered with the license check it passed (a deployment that starts checking a license asks again).
  const memoryKey = apiKeyCacheKey(hashedKey);
  const remembered = recallVerified<{ key: CachedApiKey; license: string | null }>(memoryKey, services.now());
  if (remembered && remembered.license === licenseKey && !isApiKeyExpired(remembered.key.expiresAt)) return toPrincipal(remembered.key);
  const remember = (key: CachedApiKey) => rememberVerified(memoryKey, { key, license: licenseKey }, services.now(), memoryTtlMs(env));

  const [cached, license] = await readCached<unknown>(services, [apiKeyCacheKey(hashedKey), ...(licenseKey ? [licenseKey] : [])]);
  await assertLicensed(services, licenseKey, license);
  const cachedKey = cached as CachedApiKey | null;
  if (cachedKey && !isApiKeyExpired(cachedKey.expiresAt)) {
    remember(cachedKey);
    return toPrincipal(cachedKey);
  }

  // Raw SQL on this hot path: no Prisma engine for a one-row lookup.
  const [row] = await services.db.$queryRaw<Array<{ id: string; userId: number; teamId: number | null; expiresAt: Date | null }>>`
    SELECT id, "userId", "teamId", "expiresAt" FROM "ApiKey" WHERE "hashedKey" = ${hashedKey}`;
  if (!row) throw invalidApiKey();
  if (isApiKeyExpired(row.expiresAt)) throw expiredApiKey();
  const entry: CachedApiKey = {
    apiKeyId: row.id,
    userId: row.userId,
    organizationId: row.teamId,
    expiresAt: row.expiresAt ? new Date(row.expiresAt).toISOString() : null,
  };
  writeCached(services, apiKeyCacheKey(hashedKey), entry, env.AUTH_CACHE_TTL_SECONDS);
  remember(entry);
  return toPrincipal(entry);
};
