import type { Context, MiddlewareHandler } from "hono";
import { slotAnswers } from "../src/availability/answer-cache";
import type { AppEnv } from "../src/context";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

// A write served by this isolate (a booking, a hold, an event type or schedule change) must show in the very
// next slot lookup it serves: forget the hosts' versions it remembers, so cached answers are checked again.
export const forgetSlotVersionsAfterWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  try {
    await next();
  } finally {
    if (!READS.has(c.req.method)) slotAnswers.forgetVersions();
  }
};

/**
 * The key a public slot lookup's answer is kept under: the operation and the query string exactly as sent,
 * plus `extra` (what else the answer depends on, e.g. the booker's hold cookie). Null, not kept, when the
 * query names `uncachedWith` (rescheduling lookups are one person's, once).
 */
export function slotAnswerKey(c: Context<AppEnv>, operationId: string, uncachedWith: string, extra = ""): string | null {
  const url = c.req.url;
  const queryStart = url.indexOf("?");
  const search = queryStart === -1 ? "" : url.slice(queryStart + 1);
  if (search.includes(`${uncachedWith}=`)) return null;
  return `${operationId}?${search}#${extra}`;
}

/**
 * Route middleware, before validation: answers a question this isolate answered before, while that answer is
 * current. Only valid questions' answers are kept and a question's validity depends on its query string
 * alone, so a repeat needs neither validation nor the database. A question being computed right now (as every
 * widget's is just after a booking of its host) waits for that answer instead of computing it once more.
 */
export const answerFromMemory =
  (key: (c: Context<AppEnv>) => string | null): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const answerKey = key(c);
    if (answerKey === null) return next();
    const sql = () => c.var.deps.sql;
    let body = await slotAnswers.lookup(answerKey, sql);
    if (body === undefined && (await slotAnswers.computationEnded(answerKey))) body = await slotAnswers.lookup(answerKey, sql);
    if (body === undefined) return slotAnswers.computing(answerKey, next);
    return c.body(body, 200, { "content-type": "application/json" });
  };
