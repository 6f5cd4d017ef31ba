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
export const corsForAnyOrigin = cors({
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
