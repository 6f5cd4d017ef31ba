import { digestsEqual, sha256Hex } from "../crypto";
import type { Env } from "../env";
import type { Deps } from "../services";
import { writeCached } from "./cache";
import { licenseError } from "./errors";

// Cal.com's self-hosted license check, made on API-key requests only (ApiAuthStrategy.apiKeyStrategy).
// Cal.com asks its license server about CALCOM_LICENSE_KEY (or Deployment.licenseKey); here the key must
// equal the one recorded in the Deployment row. Development and test deployments without a key skip the
// check, as Cal.com's e2e mode does. A positive answer is cached; a negative one never is.

const LICENSE_CACHE_SECONDS = 3600;

// Derived from configuration only, so safe to keep for the isolate's life.
const cacheKeys = new Map<string, Promise<string>>();

/** The Redis key holding the positive answer for the configured key (null when there is no key to check). */
export function licenseCacheKey(env: Pick<Env, "CALCOM_LICENSE_KEY">): Promise<string | null> {
  const key = env.CALCOM_LICENSE_KEY;
  if (!key) return Promise.resolve(null);
  let cacheKey = cacheKeys.get(key);
  if (!cacheKey) {
    cacheKey = sha256Hex(key).then((digest) => `auth:license:${digest}`);
    cacheKeys.set(key, cacheKey);
  }
  return cacheKey;
}

/** Throws Cal.com's 401 unless the deployment is licensed; `cachedValid` is what the caller read under the cache key. */
export async function assertLicensed(services: Deps, cacheKey: string | null, cachedValid: unknown): Promise<void> {
  const { env } = services;
  if (!env.CALCOM_LICENSE_KEY || cacheKey === null) {
    if (env.ENVIRONMENT === "production") throw licenseError();
    return;
  }
  if (cachedValid === true) return;
  // Raw SQL: a Prisma model read here would build a Prisma client in an isolate that may need none.
  const [deployment] = (await services.sql`SELECT "licenseKey" FROM "Deployment" WHERE id = 1`) as { licenseKey: string | null }[];
  const recorded = deployment?.licenseKey;
  if (!recorded || !digestsEqual(await sha256Hex(recorded), await sha256Hex(env.CALCOM_LICENSE_KEY))) throw licenseError();
  writeCached(services, cacheKey, true, LICENSE_CACHE_SECONDS);
}
