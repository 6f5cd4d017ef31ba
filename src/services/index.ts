import type { Redis } from "@upstash/redis/cloudflare";
import type { Env } from "../env";
import { createDb, type Db } from "./db";
import { createLogger, type Logger } from "./logger";
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from "./rate-limiter";
import { createRedis } from "./redis";

export interface Services {
  readonly db: Db;
  readonly redis: Redis | undefined;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  /** Closes what the request opened; run after the response through waitUntil. */
  dispose(): Promise<void>;
}

// Built once per request. The database client is created on first use, so requests that never touch
// Postgres (429s, preflights, docs) do not open a connection.
export function createServices(env: Env, requestId: string): Services {
  let db: Db | undefined;
  const redis = createRedis(env);
  return {
    get db() {
      db ??= createDb(env);
      return db;
    },
    redis,
    limiter: redis ? createRedisRateLimiter(env, redis) : createMemoryRateLimiter(env),
    logger: createLogger({ requestId }),
    async dispose() {
      if (db) await db.$disconnect();
    },
  };
}
