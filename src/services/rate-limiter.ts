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

export interface RateLimiter {
  readonly backend: "redis" | "memory";
  check(kind: TrackerKind, identifier: string): Promise<LimitDecision>;
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
  if (!byConfig) limiters.set(redis, (byConfig = new Map()));
  const key = `${limit}/${windowSeconds}`;
  let limiter = byConfig.get(key);
  if (!limiter) {
    limiter = new Ratelimit({
      redis,
      limiter: Ratelimit.fixedWindow(limit, `${windowSeconds} s`),
      prefix: "ratelimit",
      // Mutable per-isolate state would make limits differ between isolates; Redis is the only store.
      ephemeralCache: false,
      analytics: false,
      timeout: 0,
    });
    byConfig.set(key, limiter);
  }
  return limiter;
}

export function createRedisRateLimiter(env: Env, redis: Redis): RateLimiter {
  const window = env.RATE_LIMIT_WINDOW_SECONDS;
  return {
    backend: "redis",
    async check(kind, identifier) {
      const limit = limitFor(env, kind);
      const result = await limiterFor(redis, limit, window).limit(`${kind}_${identifier}`);
      return { allowed: result.success, limit, remaining: result.remaining, resetAt: result.reset, windowSeconds: window };
    },
  };
}

// Development fallback when no Redis answers: counts per isolate only (the dev server prints a warning).
const memoryWindows = new Map<string, { count: number; resetAt: number }>();

export function createMemoryRateLimiter(env: Env): RateLimiter {
  const windowMs = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
  return {
    backend: "memory",
    async check(kind, identifier) {
      const limit = limitFor(env, kind);
      const key = `${kind}_${identifier}`;
      const now = Date.now();
      let entry = memoryWindows.get(key);
      if (!entry || entry.resetAt <= now) {
        entry = { count: 0, resetAt: Math.floor(now / windowMs) * windowMs + windowMs };
        memoryWindows.set(key, entry);
      }
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
