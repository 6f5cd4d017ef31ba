import type { Context, MiddlewareHandler } from "hono";
import { stripApiKeyPrefix } from "../src/auth/api-keys";
import { readPresentedCredential } from "../src/auth/credentials";
import type { AppEnv } from "../src/context";
import { rememberedSha256Hex, sha256Hex } from "../src/crypto";
import { ApiError } from "../src/errors";
import type { LimitDecision, Tracker, TrackerKind } from "../src/services/rate-limiter";
import { pathnameOf } from "../src/request-url";
import { canonicalPath } from "../versions/registry";

// Routes under these prefixes take the OAuth client id from the path (so x-cal-secret-key alone suffices).
const PATH_CLIENT_ID = /^\/v2\/(?:oauth-clients|oauth|provider)\/([^/]+)/;

// Runs before authentication, as Cal.com's throttler does: it keys on the credential presented (hashed,
// never stored in clear), falling back to the client IP. The IP is hashed only when Redis is asked (once per
// lease), since a lookup from memory needs no Redis key.
async function tracker(c: Context<AppEnv>): Promise<Tracker> {
  const pathClientId = PATH_CLIENT_ID.exec(canonicalPath(pathnameOf(c.req.url)))?.[1];
  const credential = readPresentedCredential(c.req.raw.headers, pathClientId);
  const hashed = async (kind: TrackerKind, secret: string): Promise<Tracker> => {
    const digest = await rememberedSha256Hex(secret);
    return { kind, localKey: digest, redisIdentifier: async () => digest };
  };
  switch (credential.kind) {
    case "API_KEY":
      return hashed("api_key", stripApiKeyPrefix(credential.key, c.var.env.API_KEY_PREFIX));
    case "ACCESS_TOKEN":
      return hashed("access_token", credential.token);
    case "OAUTH_CLIENT_CREDENTIALS":
      return hashed("oauth_client", credential.clientId);
    default: {
      const ip = c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "unknown";
      return { kind: "ip", localKey: ip, redisIdentifier: () => sha256Hex(ip) };
    }
  }
}

function setLimitHeaders(c: Context<AppEnv>, decision: LimitDecision) {
  const resetSeconds = Math.max(0, Math.ceil((decision.resetAt - Date.now()) / 1000));
  const remaining = decision.allowed ? decision.remaining : 0;
  c.header("X-RateLimit-Limit-Default", String(decision.limit));
  c.header("X-RateLimit-Remaining-Default", String(remaining));
  c.header("X-RateLimit-Reset-Default", String(resetSeconds));
  // IETF draft-ietf-httpapi-ratelimit-headers structured fields.
  c.header("RateLimit-Policy", `"default";q=${decision.limit};w=${decision.windowSeconds}`);
  c.header("RateLimit", `"default";r=${remaining};t=${resetSeconds}`);
  return resetSeconds;
}

const TOO_MANY = "CustomThrottlerGuard - Too many requests. Please try again later.";

export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === "OPTIONS") return next();
  const services = c.get("deps");
  let decision: LimitDecision;
  try {
    decision = await services.limiter.check(await tracker(c));
  } catch (error) {
    // Redis unreachable: serve the request unthrottled rather than fail it.
    services.logger.error("rate limiter unavailable, failing open", { error: String(error) });
    return next();
  }
  const resetSeconds = setLimitHeaders(c, decision);
  if (!decision.allowed) {
    c.header("Retry-After", String(Math.max(1, resetSeconds)));
    throw new ApiError("ThrottlerException", TOO_MANY, { message: TOO_MANY, retryAfterSeconds: Math.max(1, resetSeconds) });
  }
  await next();
};
