import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { presentedCredentials } from "../src/auth/credentials";
import type { AppEnv } from "../src/context";
import { sha256Hex } from "../src/crypto";
import { ApiError } from "../src/errors";
import { canonicalPath } from "../versions/registry";

// `Idempotency-Key` on any POST: the first response (status and body) is kept for 24 h and replayed, byte for
// byte, to a retry with the same key and the same body. The same key with another body is a 422; a retry while
// the first request is still running is a 409. Keys are scoped to the credential presented (or the client IP
// when anonymous), the method, the API version and the path, so no one can replay someone else's response.
//
// Only outcomes of the request itself are kept: a 5xx, a 401/498 (credentials) or a 429 (rate limit) releases
// the key, so a retry runs again. If Redis cannot be reached the request runs without idempotency (fail open,
// logged), like the rate limiter.

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
const RETENTION_SECONDS = 24 * 3600;
// Longer than any request may run (the booking transaction times out at 20 s); a crashed request frees its key then.
const IN_FLIGHT_SECONDS = 60;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const NOT_KEPT = new Set([401, 429, 498]);

interface InFlight {
  state: "in_flight";
  bodyHash: string;
}

interface Completed {
  state: "done";
  bodyHash: string;
  status: number;
  contentType: string | null;
  body: string;
}

type Entry = InFlight | Completed;

const PATH_CLIENT_ID = /^\/v2\/(?:oauth-clients|oauth|provider)\/([^/]+)/;

// Who is asking, without verifying it (the route still authenticates): every credential presented, else the IP.
async function callerScope(c: Context<AppEnv>, pathname: string): Promise<string> {
  const credentials = presentedCredentials(c.req.raw.headers, PATH_CLIENT_ID.exec(pathname)?.[1]);
  if (credentials.length > 0) return `credentials:${await sha256Hex(JSON.stringify(credentials))}`;
  const ip = c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "unknown";
  return `ip:${await sha256Hex(ip)}`;
}

// Equal JSON bodies hash equal whatever their key order or spacing; anything else is compared as sent.
function canonicalBody(text: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

// Through c.body, so the replay carries the headers set earlier in the pipeline (rate limit, CORS) like any answer.
function replay(c: Context<AppEnv>, entry: Completed): Response {
  c.header(REPLAYED_HEADER, "true");
  if (entry.contentType) c.header("content-type", entry.contentType);
  return c.body(entry.body, entry.status as ContentfulStatusCode);
}

export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.method === "POST" ? c.req.header(IDEMPOTENCY_HEADER) : undefined;
  if (key === undefined) return next();
  if (!KEY_FORMAT.test(key)) {
    throw new ApiError("BadRequestException", `${IDEMPOTENCY_HEADER} - must be 1 to 255 visible ASCII characters`);
  }
  const { redis, logger } = c.var.deps;
  if (!redis) {
    logger.warn("idempotency key ignored: no Redis configured");
    return next();
  }

  const url = new URL(c.req.url);
  const pathname = canonicalPath(url.pathname);
  const bodyHash = await sha256Hex(canonicalBody(await c.req.text()));
  const scope = await callerScope(c, pathname);
  const storeKey = `idempotency:${await sha256Hex([scope, c.req.method, c.var.apiVersion, pathname + url.search, key].join("\n"))}`;

  let existing: Entry | null = null;
  try {
    const claimed = await redis.set(storeKey, { state: "in_flight", bodyHash } satisfies InFlight, { nx: true, ex: IN_FLIGHT_SECONDS });
    if (claimed === null) existing = await redis.get<Entry>(storeKey);
  } catch (error) {
    logger.error("idempotency store unavailable, running the request without it", { error: String(error) });
    return next();
  }

  if (existing) {
    if (existing.bodyHash !== bodyHash) {
      throw new ApiError(
        "UnprocessableEntityException",
        `This ${IDEMPOTENCY_HEADER} was already used with a different request body. Use a new key for a different request.`,
      );
    }
    if (existing.state === "in_flight") {
      c.header("Retry-After", "1");
      throw new ApiError("ConflictException", `A request with this ${IDEMPOTENCY_HEADER} is still being processed. Retry once it has finished.`);
    }
    return replay(c, existing);
  }

  await next();

  const status = c.res.status;
  try {
    if (status >= 500 || NOT_KEPT.has(status)) {
      await redis.del(storeKey);
      return;
    }
    const completed: Completed = { state: "done", bodyHash, status, contentType: c.res.headers.get("content-type"), body: await c.res.clone().text() };
    await redis.set(storeKey, completed, { ex: RETENTION_SECONDS });
  } catch (error) {
    logger.error("idempotency result could not be stored", { error: String(error) });
  }
};
