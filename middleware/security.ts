import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";

// Cal.com runs Helmet's defaults; Hono's secureHeaders sets the same family of headers.
export const securityHeaders = secureHeaders();

export const EXPOSED_HEADERS = [
  "X-Request-Id",
  "Retry-After",
  "RateLimit",
  "RateLimit-Policy",
  "X-RateLimit-Limit-Default",
  "X-RateLimit-Remaining-Default",
  "X-RateLimit-Reset-Default",
  "Idempotent-Replayed",
];

// Any origin, as Cal.com; the headers its React client (atoms) sends must pass preflight.
const honoCors = cors({
  origin: "*",
  allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
  allowHeaders: [
    "Authorization",
    "Content-Type",
    "cal-api-version",
    "x-cal-client-id",
    "x-cal-secret-key",
    "x-cal-platform-embed",
    "Idempotency-Key",
    "X-Request-Id",
  ],
  exposeHeaders: EXPOSED_HEADERS,
  maxAge: 600,
});

const EXPOSED_HEADERS_VALUE = EXPOSED_HEADERS.join(",");

// Preflights go through Hono's cors. Any other request gets the two headers Hono's cors gives it for origin "*",
// set through c.header(): Hono's cors writes them to c.res instead, and reading c.res before the handler has
// answered makes Hono build a placeholder Response, then rebuild the handler's Response to merge the two.
export const corsForAnyOrigin: MiddlewareHandler = (c, next) => {
  if (c.req.method === "OPTIONS") return honoCors(c, next);
  c.header("Access-Control-Allow-Origin", "*");
  c.header("Access-Control-Expose-Headers", EXPOSED_HEADERS_VALUE);
  return next();
};
