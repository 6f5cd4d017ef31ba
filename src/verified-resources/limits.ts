// Abuse limits per target address, beside the routes' per-user throttles (middleware/route-throttle.ts): how many
// codes one address may be sent (VERIFICATION_CODE_REQUESTS_PER_TARGET per VERIFICATION_CODE_REQUESTS_WINDOW_SECONDS)
// and how many wrong codes it may take (VERIFICATION_MAX_FAILED_ATTEMPTS per VERIFICATION_FAILED_ATTEMPTS_WINDOW_SECONDS)
// before every check of it answers 429 until the window ends. Counted per address, whoever asks: the email code
// depends on the address alone, so guesses from many accounts add up. Redis keys hold a SHA-256 of the address.
// As the pipeline's limiter, these fail open when Redis is unreachable (logged).
import { sha256Hex } from "../crypto";
import type { Deps } from "../services";
import type { LimitDecision, NamedBucket } from "../services/rate-limiter";
import { tooManyCodeRequests, tooManyWrongCodes } from "./errors";

export type Channel = "email" | "phone";

const secondsUntil = (deps: Deps, decision: LimitDecision) => Math.max(1, Math.ceil((decision.resetAt - deps.now()) / 1000));

// The two budgets of an address: code requests, and wrong codes.
async function bucketOf(deps: Deps, budget: "requests" | "failures", channel: Channel, target: string): Promise<NamedBucket> {
  const { env } = deps;
  return {
    name: `verification_${budget}_${channel}`,
    key: await sha256Hex(target.toLowerCase()),
    limit: budget === "requests" ? env.VERIFICATION_CODE_REQUESTS_PER_TARGET : env.VERIFICATION_MAX_FAILED_ATTEMPTS,
    windowSeconds: budget === "requests" ? env.VERIFICATION_CODE_REQUESTS_WINDOW_SECONDS : env.VERIFICATION_FAILED_ATTEMPTS_WINDOW_SECONDS,
  };
}

async function decide(deps: Deps, ask: () => Promise<LimitDecision>): Promise<LimitDecision | null> {
  try {
    return await ask();
  } catch (error) {
    deps.logger.error("rate limiter unavailable, failing open", { error: String(error) });
    return null;
  }
}

/** Spends one code request of the address; 429 when its budget is spent. */
export async function spendCodeRequest(deps: Deps, channel: Channel, target: string): Promise<void> {
  const bucket = await bucketOf(deps, "requests", channel, target);
  const decision = await decide(deps, () => deps.limiter.hit(bucket));
  if (decision && !decision.allowed) throw tooManyCodeRequests(secondsUntil(deps, decision));
}

/** 429 while the address has taken its share of wrong codes. */
export async function refuseWhileLockedOut(deps: Deps, channel: Channel, target: string): Promise<void> {
  const bucket = await bucketOf(deps, "failures", channel, target);
  const decision = await decide(deps, () => deps.limiter.peek(bucket));
  if (decision && !decision.allowed) throw tooManyWrongCodes(secondsUntil(deps, decision));
}

/** Counts a wrong code against the address. */
export async function countWrongCode(deps: Deps, channel: Channel, target: string): Promise<void> {
  const bucket = await bucketOf(deps, "failures", channel, target);
  await decide(deps, () => deps.limiter.hit(bucket));
}
