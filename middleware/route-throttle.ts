// A route's own throttle beside the pipeline's per-credential one (Cal.com's @Throttle({limit, ttl, name})): `limit`
// requests per `windowSeconds` for each authenticated user, counted in Redis under the throttle's name. Runs after
// authentication (it keys on the caller's user id). Answers carry `X-RateLimit-{Limit,Remaining,Reset}-<name>`; a
// refusal is the pipeline's 429 (ThrottlerException, Retry-After). Fails open when Redis is unreachable, as the
// pipeline's limiter does.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../src/context";
import { ApiError } from "../src/errors";
import type { LimitDecision } from "../src/services/rate-limiter";

const TOO_MANY = "CustomThrottlerGuard - Too many requests. Please try again later.";

export const routeThrottle =
  (name: string, limit: number, windowSeconds = 60): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const { deps, principal } = c.var;
    if (!principal) return next();
    let decision: LimitDecision;
    try {
      decision = await deps.limiter.hit({ name, key: `user_${principal.userId}`, limit, windowSeconds });
    } catch (error) {
      deps.logger.error("rate limiter unavailable, failing open", { error: String(error), throttle: name });
      return next();
    }
    const resetSeconds = Math.max(0, Math.ceil((decision.resetAt - Date.now()) / 1000));
    c.header(`X-RateLimit-Limit-${name}`, String(decision.limit));
    c.header(`X-RateLimit-Remaining-${name}`, String(decision.remaining));
    c.header(`X-RateLimit-Reset-${name}`, String(resetSeconds));
    if (!decision.allowed) {
      c.header("Retry-After", String(Math.max(1, resetSeconds)));
      throw new ApiError("ThrottlerException", TOO_MANY, { message: TOO_MANY, retryAfterSeconds: Math.max(1, resetSeconds) });
    }
    await next();
  };
