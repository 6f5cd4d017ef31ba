import { Redis } from "@upstash/redis/cloudflare";
import type { Env } from "../env";

export function createRedis(env: Env): Redis | undefined {
  if (!env.UPSTASH_REDIS_REST_URL || !env.UPSTASH_REDIS_REST_TOKEN) return undefined;
  return new Redis({
    url: env.UPSTASH_REDIS_REST_URL,
    token: env.UPSTASH_REDIS_REST_TOKEN,
    // A request must not wait on Redis retries: callers fail open instead.
    retry: false,
    enableTelemetry: false,
  });
}
