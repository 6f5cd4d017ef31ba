import type { Redis } from "@upstash/redis/cloudflare";
import type { Env } from "../env";
import type { WebhookQueueMessage } from "../webhooks/messages";
import { createRoutedDb, createSql, lendHttpDb, lendTransactionalDb, type Db, type HttpSql, type TxDb } from "./db";
import type { Loan } from "./prisma-clients";
import type { PrismaClient } from "../generated/prisma/client";
import { createLogger, type Logger } from "./logger";
import { type AfterResponse, createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from "./rate-limiter";
import { createRedis } from "./redis";

/**
 * The one dependency shape domain code takes (`fn(deps, actor, input)`): the request's database handles (which
 * to use: src/services/db.ts), settings, Redis, the logger, the webhook queue and a way to run work after the
 * response. Built once per request by middleware/services.ts (and per batch by the queue consumer); domain
 * code never sees the Hono context.
 */
export interface Deps {
  /** Prisma model reads over HTTP, single writes on the session (src/services/db.ts). */
  readonly db: Db;
  /** The request's WebSocket session: interactive transactions and locks, every statement on one connection. */
  readonly txDb: TxDb;
  /** One-shot raw SQL over Neon's HTTP endpoint (hot reads; `sql.transaction([...])` commits a batch). */
  readonly sql: HttpSql;
  /** Validated settings (src/env.ts). */
  readonly env: Env;
  readonly redis: Redis | undefined;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  /** Producer of the webhook queue: lifecycle events and deliveries (see src/webhooks/producer.ts). */
  readonly webhookQueue: Queue<WebhookQueueMessage>;
  /** Runs work after the response is sent (the request's waitUntil); errors are the work's own to log. */
  readonly afterResponse: AfterResponse;
  /** The clock, in epoch ms (one place to read it, so a domain function's "now" is consistent). */
  now(): number;
  /** Whether the request opened database clients, which dispose() closes. */
  readonly opened: boolean;
  /** Gives back what the request opened once its after-response work has settled; run after the response through waitUntil. */
  dispose(): Promise<void>;
}

// Built once per request. Database clients are created on first use, so requests that never touch
// Postgres (429s, preflights, docs) pay nothing for them.
// Without a request (the queue consumer) there is no response to run work after: it runs on its own.
const runOnItsOwn: AfterResponse = (work) => void work.catch(() => {});

export function createDeps(env: Env, requestId: string, afterResponse: AfterResponse = runOnItsOwn): Deps {
  let db: Db | undefined;
  let reads: Loan<PrismaClient> | undefined;
  let txDb: Loan<TxDb> | undefined;
  let sql: HttpSql | undefined;
  const redis = createRedis(env);
  // Work run after the response (a calendar channel saved, …) may still use the request's Prisma clients: they go
  // back to the shelf only once it has settled, or another request could be lent a client still in use here.
  const afterResponseWork: Promise<unknown>[] = [];
  const lendReads = () => {
    reads ??= lendHttpDb(env);
    return reads.client;
  };
  return {
    get db() {
      db ??= createRoutedDb({ reads: lendReads, session: () => this.txDb, sql: this.sql });
      return db;
    },
    get txDb() {
      txDb ??= lendTransactionalDb(env);
      return txDb.client;
    },
    get sql() {
      sql ??= createSql(env);
      return sql;
    },
    env,
    redis,
    limiter: redis ? createRedisRateLimiter(env, redis, afterResponse) : createMemoryRateLimiter(env),
    logger: createLogger({ requestId }),
    webhookQueue: env.WEBHOOK_QUEUE as Queue<WebhookQueueMessage>,
    afterResponse(work) {
      afterResponseWork.push(work);
      afterResponse(work);
    },
    now: () => Date.now(),
    get opened() {
      return reads !== undefined || txDb !== undefined;
    },
    async dispose() {
      // Work registered while waiting (work that schedules more) is waited for too.
      while (afterResponseWork.length > 0) await Promise.allSettled(afterResponseWork.splice(0));
      // The Prisma clients go back to the isolate's shelf (src/services/prisma-clients.ts), the session's
      // connection closed.
      await Promise.all([reads?.giveBack(), txDb?.giveBack()]);
    },
  };
}
