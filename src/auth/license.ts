import type { Context } from "hono";
import type { AppEnv } from "../context";
import { digestsEqual, sha256Hex } from "../crypto";
import { ApiError } from "../errors";
import { writeCached } from "./cache";

// Cal.com's self-hosted license check, made on API-key requests only (ApiAuthStrategy.apiKeyStrategy).
// Cal.com asks its license server about CALCOM_LICENSE_KEY (or Deployment.licenseKey); here the key must
// equal the one recorded in the Deployment row. Development and test deployments without a key skip the
// check, as Cal.com's e2e mode does. A positive answer is cached; a negative one never is.

const LICENSE_CACHE_SECONDS = 3600;

export const licenseError = () =>
  new ApiError("UnauthorizedException", "ApiAuthStrategy - api key - Invalid or missing CALCOM_LICENSE_KEY environment variable");

/** The Redis key holding the positive answer for the configured key, or null when no check applies. */
export async function licenseCacheKey(c: Context<AppEnv>): Promise<string | null> {
  const { env } = c.var;
  if (!env.CALCOM_LICENSE_KEY) return env.ENVIRONMENT === "production" ? "auth:license:missing" : null;
  return `auth:license:${await sha256Hex(env.CALCOM_LICENSE_KEY)}`;
}

/** Throws Cal.com's 401 unless the deployment is licensed; `cachedValid` is what the caller read under the cache key. */
export async function assertLicensed(c: Context<AppEnv>, cacheKey: string | null, cachedValid: unknown): Promise<void> {
  const { env, services } = c.var;
  if (cacheKey === null || cachedValid === true) return;
  if (!env.CALCOM_LICENSE_KEY) throw licenseError();
  const deployment = await services.db.deployment.findUnique({ where: { id: 1 }, select: { licenseKey: true } });
  const recorded = deployment?.licenseKey;
  if (!recorded || !digestsEqual(await sha256Hex(recorded), await sha256Hex(env.CALCOM_LICENSE_KEY))) throw licenseError();
  writeCached(c, cacheKey, true, LICENSE_CACHE_SECONDS);
}
