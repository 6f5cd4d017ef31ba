import type { Context, MiddlewareHandler } from "hono";
import { stripApiKeyPrefix } from "../src/auth/api-keys";
import { readPresentedCredential } from "../src/auth/credentials";
import type { AppEnv } from "../src/context";
import { sha256Hex } from "../src/crypto";
import { ApiError } from "../src/errors";
import type { LimitDecision, TrackerKind } from "../src/services/rate-limiter";
import { canonicalPath } from "../versions/registry";

// Routes under these prefixes take the OAuth client id from the path (so x-cal-secret-key alone suffices).
const PATH_CLIENT_ID = /^\/v2\/(?:oauth-clients|oauth|provider)\/([^/]+)/;

// Runs before authentication, as Cal.com's throttler does: it keys on the credential presented (hashed,
// never stored in clear), falling back to the client IP.
async function tracker(c: Context<AppEnv>): Promise<{ kind: TrackerKind; identifier: string }> {
  const pathClientId = PATH_CLIENT_ID.exec(canonicalPath(new URL(c.req.url).pathname))?.[1];
  const credential = readPresentedCredential(c.req.raw.headers, pathClientId);
  switch (credential.kind) {
    case "API_KEY":
      return { kind: "api_key", identifier: await sha256Hex(stripApiKeyPrefix(credential.key, c.var.env.API_KEY_PREFIX)) };
    case "ACCESS_TOKEN":
      return { kind: "access_token", identifier: await sha256Hex(credential.token) };
    case "OAUTH_CLIENT_CREDENTIALS":
      return { kind: "oauth_client", identifier: await sha256Hex(credential.clientId) };
    default: {
      const ip = c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "unknown";
      return { kind: "ip", identifier: await sha256Hex(ip) };
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
  const { services } = c.var;
  let decision: LimitDecision;
  try {
    const { kind, identifier } = await tracker(c);
    decision = await services.limiter.check(kind, identifier);
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
