import type { MiddlewareHandler } from "hono";
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
