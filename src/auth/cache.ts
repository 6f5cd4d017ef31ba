import type { Deps } from "../services";

// Redis in front of auth lookups. Reads fail open (a miss, then the database answers); writes happen after
// the response; invalidations are awaited, so a revoked credential stops working before the call returns.

export async function readCached<T>(services: Deps, keys: string[]): Promise<(T | null)[]> {
  if (!services.redis || keys.length === 0) return keys.map(() => null);
  try {
    return await services.redis.mget<(T | null)[]>(...keys);
  } catch (error) {
    services.logger.warn("auth cache read failed", { error: String(error) });
    return keys.map(() => null);
  }
}

/** Caches an answer after the response: no request waits on a cache write. */
export function writeCached(services: Deps, key: string, value: unknown, ttlSeconds: number): void {
  if (!services.redis || ttlSeconds <= 0) return;
  const write = services.redis
    .set(key, value, { ex: Math.ceil(ttlSeconds) })
    .catch((error: unknown) => services.logger.warn("auth cache write failed", { error: String(error) }));
  services.afterResponse(write);
}

export async function setCachedNow(services: Deps, entries: Record<string, unknown>, ttlSeconds: number): Promise<void> {
  if (!services.redis || Object.keys(entries).length === 0) return;
  try {
    const pipeline = services.redis.pipeline();
    for (const [key, value] of Object.entries(entries)) pipeline.set(key, value, { ex: Math.ceil(ttlSeconds) });
    await pipeline.exec();
  } catch (error) {
    services.logger.error("auth cache update failed", { error: String(error) });
  }
}

export async function deleteCached(services: Deps, keys: string[]): Promise<void> {
  if (!services.redis || keys.length === 0) return;
  try {
    await services.redis.del(...keys);
  } catch (error) {
    services.logger.error("auth cache invalidation failed", { error: String(error) });
  }
}
