// Verified credentials kept in the isolate's memory for a few seconds, in front of the Redis auth cache: an
// authenticated request then makes no sub-request to authenticate (issue 19: `GET /v2/me` made two, Redis then
// Postgres). The bound is AUTH_MEMORY_TTL_SECONDS (default 5 s, never longer than AUTH_CACHE_TTL_SECONDS, so
// `AUTH_CACHE_TTL_SECONDS=0` turns both off). A revocation (`POST /v2/api-keys/refresh`, a deleted managed
// organization's keys) forgets the entry at once in the isolate that served it and evicts Redis; other isolates
// stop accepting the key within the bound. Unknown, expired or refused credentials are never kept.

const MAX_ENTRIES = 10_000;

interface Remembered<T> {
  value: T;
  until: number;
}

const entries = new Map<string, Remembered<unknown>>();

/** The bound in ms for this configuration (0 = off). */
export const memoryTtlMs = (env: { AUTH_MEMORY_TTL_SECONDS: number; AUTH_CACHE_TTL_SECONDS: number }) =>
  Math.min(env.AUTH_MEMORY_TTL_SECONDS, env.AUTH_CACHE_TTL_SECONDS) * 1000;

export function recallVerified<T>(key: string, now: number): T | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.until <= now) {
    entries.delete(key);
    return undefined;
  }
  return entry.value as T;
}

export function rememberVerified(key: string, value: unknown, now: number, ttlMs: number): void {
  if (ttlMs <= 0) return;
  entries.delete(key); // re-inserted last: the Map's order is the eviction order
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { value, until: now + ttlMs });
}

export function forgetVerified(keys: readonly string[]): void {
  for (const key of keys) entries.delete(key);
}
