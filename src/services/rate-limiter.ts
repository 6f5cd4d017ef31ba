import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis/cloudflare";
import type { Env } from "../env";

// Cal.com's throttler trackers, most specific credential first.
export type TrackerKind = "api_key" | "access_token" | "oauth_client" | "ip";

export interface LimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: number; // epoch ms
  windowSeconds: number;
}

/** Whose budget a request spends. */
export interface Tracker {
  kind: TrackerKind;
  /** Identifies the caller inside this isolate. */
  localKey: string;
  /** The caller's identifier in Redis keys (hashed: never a credential or an IP in clear). */
  redisIdentifier(): Promise<string>;
}

/**
 * A named budget beside the per-credential one (a route's own throttle, a per-address limit): `limit` per
 * `windowSeconds`, counted for `key` (already hashed when it holds an address or a credential).
 */
export interface NamedBucket {
  name: string;
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimiter {
  readonly backend: "redis" | "memory";
  check(tracker: Tracker): Promise<LimitDecision>;
  /** Spends one token of a named bucket (exact: one Redis call, no lease). */
  hit(bucket: NamedBucket): Promise<LimitDecision>;
  /** What is left of a named bucket, spending nothing. */
  peek(bucket: NamedBucket): Promise<LimitDecision>;
}

export function limitFor(env: Env, kind: TrackerKind): number {
  switch (kind) {
    case "api_key":
      return env.RATE_LIMIT_API_KEY;
    case "access_token":
      return env.RATE_LIMIT_ACCESS_TOKEN;
    case "oauth_client":
      return env.RATE_LIMIT_OAUTH_CLIENT;
    case "ip":
      return env.RATE_LIMIT_IP;
  }
}

// Limiter objects hold only configuration (no ephemeral cache), so one per (client, limit, window) is reused.
const limiters = new WeakMap<Redis, Map<string, Ratelimit>>();

function limiterFor(redis: Redis, limit: number, windowSeconds: number): Ratelimit {
  let byConfig = limiters.get(redis);
  if (!byConfig) {
    byConfig = new Map();
    limiters.set(redis, byConfig);
  }
  const key = `${limit}/${windowSeconds}`;
  let limiter = byConfig.get(key);
  if (!limiter) {
    limiter = new Ratelimit({
      redis,
      limiter: Ratelimit.fixedWindow(limit, `${windowSeconds} s`),
      prefix: "ratelimit",
      // The leases below are the only per-isolate state (they also remember refusals until the window resets).
      ephemeralCache: false,
      analytics: false,
      timeout: 0,
    });
    byConfig.set(key, limiter);
  }
  return limiter;
}

// Token leases. Asking Redis on every request puts a network round trip in front of every request, the hot
// public slot lookups included. Instead an isolate takes several tokens of a caller's window in one call
// (`rate` of @upstash/ratelimit's fixed window) and spends them locally; when Redis says the window is spent,
// the isolate refuses that caller until the window resets without asking again. Redis stays the only
// authority on how many tokens a window has: the cost is that tokens an isolate leased and did not spend are
// lost to the caller's other isolates for that window (at most lease − 1 each), so a caller spread over many
// isolates can be refused slightly before its limit, never let through beyond it.
interface Lease {
  resetAt: number; // end of the Redis window the tokens belong to (epoch ms)
  unspent: number; // leased tokens this isolate has not used yet
  redisRemaining: number; // what Redis had left after the latest lease (0 = refuse once unspent is used)
  refillingSince?: number; // a refill ahead of need is under way (epoch ms)
}

/** Tokens per lease: a twentieth of the limit, so small limits stay exact (1 token up to a limit of 39). */
export const leaseSize = (limit: number, max: number) => Math.max(1, Math.min(max, Math.floor(limit / 20)));

const MAX_LEASES = 10_000;
// A refill that has not come back after this long no longer keeps another from starting.
const REFILL_CLAIM_MS = 2_000;
const leases = new Map<string, Lease>();

/** Leases held by this isolate, against their bound (GET /health with HEALTH_MEMORY_STATS). */
export const leaseStats = () => ({ leases: leases.size, maxLeases: MAX_LEASES });

function remember(key: string, lease: Lease) {
  leases.delete(key);
  if (leases.size >= MAX_LEASES) leases.delete(leases.keys().next().value!); // the oldest
  leases.set(key, lease);
}

/** Runs work after the response (the request's waitUntil). */
export type AfterResponse = (work: Promise<unknown>) => void;

// Named buckets live under their own prefix, so they never share a key with the per-credential windows.
const namedLimiters = new WeakMap<Redis, Map<string, Ratelimit>>();

function namedLimiterFor(redis: Redis, bucket: NamedBucket): Ratelimit {
  let byConfig = namedLimiters.get(redis);
  if (!byConfig) {
    byConfig = new Map();
    namedLimiters.set(redis, byConfig);
  }
  const config = `${bucket.name}/${bucket.limit}/${bucket.windowSeconds}`;
  let limiter = byConfig.get(config);
  if (!limiter) {
    limiter = new Ratelimit({
      redis,
      limiter: Ratelimit.fixedWindow(bucket.limit, `${bucket.windowSeconds} s`),
      prefix: `ratelimit:${bucket.name}`,
      ephemeralCache: false,
      analytics: false,
      timeout: 0,
    });
    byConfig.set(config, limiter);
  }
  return limiter;
}

const namedDecision = (bucket: NamedBucket, allowed: boolean, remaining: number, resetAt: number): LimitDecision => ({
  allowed,
  limit: bucket.limit,
  remaining: Math.max(0, remaining),
  resetAt,
  windowSeconds: bucket.windowSeconds,
});

export function createRedisRateLimiter(env: Env, redis: Redis, afterResponse: AfterResponse): RateLimiter {
  const window = env.RATE_LIMIT_WINDOW_SECONDS;
  return {
    backend: "redis",
    async hit(bucket) {
      const result = await namedLimiterFor(redis, bucket).limit(bucket.key);
      return namedDecision(bucket, result.success, result.remaining, result.reset);
    },
    async peek(bucket) {
      const result = await namedLimiterFor(redis, bucket).getRemaining(bucket.key);
      return namedDecision(bucket, result.remaining > 0, result.remaining, result.reset);
    },
    async check({ kind, localKey, redisIdentifier }) {
      const limit = limitFor(env, kind);
      const decision = (allowed: boolean, lease: Lease): LimitDecision => ({
        allowed,
        limit,
        remaining: allowed ? lease.redisRemaining + lease.unspent : 0,
        resetAt: lease.resetAt,
        windowSeconds: window,
      });
      const size = leaseSize(limit, env.RATE_LIMIT_LEASE_MAX);
      const leaseKey = `${limit}/${window}/${kind}_${localKey}`;
      const current = (now: number) => {
        const lease = leases.get(leaseKey);
        return lease && lease.resetAt > now ? lease : undefined;
      };
      // Asks Redis for tokens and adds them to the isolate's lease (concurrent leases add up, none is lost).
      const takeLease = async (rate: number) => {
        const result = await limiterFor(redis, limit, window).limit(`${kind}_${await redisIdentifier()}`, { rate });
        const lease = leases.get(leaseKey);
        if (lease && lease.resetAt === result.reset) {
          if (result.success) lease.unspent += rate;
          // Redis counts up within a window: the smallest remaining is the latest.
          lease.redisRemaining = result.success ? Math.min(lease.redisRemaining, result.remaining) : 0;
          lease.refillingSince = undefined;
        } else {
          remember(leaseKey, { resetAt: result.reset, unspent: result.success ? rate : 0, redisRemaining: result.success ? result.remaining : 0 });
        }
      };

      const now = Date.now();
      const lease = current(now);
      if (lease && lease.unspent > 0) {
        lease.unspent -= 1;
        // A quarter of the lease left: refill after the response, so no request waits on Redis. Never ask for
        // more than Redis had left, so one isolate alone is refused exactly at the limit.
        const refilling = lease.refillingSince !== undefined && now - lease.refillingSince < REFILL_CLAIM_MS;
        if (lease.unspent * 4 <= size && lease.redisRemaining > 0 && !refilling) {
          lease.refillingSince = now;
          afterResponse(takeLease(Math.min(size, lease.redisRemaining)).catch(() => (lease.refillingSince = undefined)));
        }
        return decision(true, lease);
      }
      if (lease && lease.redisRemaining === 0) return decision(false, lease);
      // Nothing left here: wait for a lease.
      await takeLease(lease ? Math.min(size, lease.redisRemaining) : size);
      const leased = leases.get(leaseKey)!; // takeLease always leaves one
      if (leased.unspent === 0) return decision(false, leased);
      leased.unspent -= 1;
      return decision(true, leased);
    },
  };
}

// Development fallback when no Redis answers: counts per isolate only (the dev server prints a warning).
const memoryWindows = new Map<string, { count: number; resetAt: number }>();

function memoryWindow(key: string, windowMs: number) {
  const now = Date.now();
  let entry = memoryWindows.get(key);
  if (!entry || entry.resetAt <= now) {
    entry = { count: 0, resetAt: Math.floor(now / windowMs) * windowMs + windowMs };
    memoryWindows.set(key, entry);
  }
  return entry;
}

export function createMemoryRateLimiter(env: Env): RateLimiter {
  const windowMs = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const namedKey = (bucket: NamedBucket) => `named:${bucket.name}/${bucket.limit}/${bucket.windowSeconds}:${bucket.key}`;
  return {
    backend: "memory",
    async hit(bucket) {
      const entry = memoryWindow(namedKey(bucket), bucket.windowSeconds * 1000);
      entry.count += 1;
      return namedDecision(bucket, entry.count <= bucket.limit, bucket.limit - entry.count, entry.resetAt);
    },
    async peek(bucket) {
      const entry = memoryWindow(namedKey(bucket), bucket.windowSeconds * 1000);
      return namedDecision(bucket, entry.count < bucket.limit, bucket.limit - entry.count, entry.resetAt);
    },
    async check({ kind, localKey }) {
      const limit = limitFor(env, kind);
      const entry = memoryWindow(`${kind}_${localKey}`, windowMs);
      entry.count += 1;
      return {
        allowed: entry.count <= limit,
        limit,
        remaining: Math.max(0, limit - entry.count),
        resetAt: entry.resetAt,
        windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      };
    },
  };
}
