import type { Redis } from "@upstash/redis/cloudflare";
import type { Env } from "../env";
import { createHttpDb, createRoutedDb, createSql, createTransactionalDb, type Db } from "./db";
import { createLogger, type Logger } from "./logger";
import { createMemoryRateLimiter, createRedisRateLimiter, type AfterResponse, type RateLimiter } from "./rate-limiter";
import { createRedis } from "./redis";
import type { WebhookQueueMessage } from "../webhooks/messages";

export interface Services {
  /** Raw queries and model reads over HTTP; writes and `$transaction` on the request's WebSocket session (src/services/db.ts). */
  readonly db: Db;
  /** The request's WebSocket session itself, for code that wants every statement on one connection. */
  readonly txDb: Db;
  readonly redis: Redis | undefined;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  /** Producer of the webhook queue: lifecycle events and deliveries (see src/webhooks/producer.ts). */
  readonly webhookQueue: Queue<WebhookQueueMessage>;
  /** Whether the request opened database clients, which dispose() closes. */
  readonly opened: boolean;
  /** Closes what the request opened; run after the response through waitUntil. */
  dispose(): Promise<void>;
}

// Built once per request. Database clients are created on first use, so requests that never touch
// Postgres (429s, preflights, docs) pay nothing for them.
// Without a request (the queue consumer) there is no response to run work after: it runs on its own.
const runOnItsOwn: AfterResponse = (work) => void work.catch(() => {});

export function createServices(env: Env, requestId: string, afterResponse: AfterResponse = runOnItsOwn): Services {
  let db: Db | undefined;
  let reads: Db | undefined;
  let txDb: Db | undefined;
  const redis = createRedis(env);
  return {
    get db() {
      db ??= createRoutedDb({ reads: () => (reads ??= createHttpDb(env)), session: () => this.txDb, sql: createSql(env) });
      return db;
    },
    get txDb() {
      txDb ??= createTransactionalDb(env);
      return txDb;
    },
    redis,
    limiter: redis ? createRedisRateLimiter(env, redis, afterResponse) : createMemoryRateLimiter(env),
    logger: createLogger({ requestId }),
    webhookQueue: env.WEBHOOK_QUEUE as Queue<WebhookQueueMessage>,
    get opened() {
      return reads !== undefined || txDb !== undefined;
    },
    async dispose() {
      await Promise.all([reads?.$disconnect(), txDb?.$disconnect()]);
    },
  };
}
