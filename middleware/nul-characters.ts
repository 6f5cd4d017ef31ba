import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../src/context";
import { badRequest } from "../src/errors";

// Postgres text and jsonb cannot hold U+0000: a NUL reaching a query fails there (SQLSTATE 22021/22P05) and would
// answer 500 on any operation that stores or filters by a string. Refused here, once for every operation, in the
// path, the query and JSON bodies (Cal.com answers these with a 500).
export const nulCharacterNotAllowed = (where: string) => badRequest(`${where} must not contain the NUL character (\\u0000)`);

const ENCODED_NUL = /%00/i;
const ESCAPED_NUL = "\\u0000";

function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === "object") return Object.entries(value).some(([key, item]) => key.includes("\u0000") || containsNul(item));
  return false;
}

export const rejectNulCharacters: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  const queryStart = url.indexOf("?");
  if (ENCODED_NUL.test(queryStart < 0 ? url : url.slice(0, queryStart))) throw nulCharacterNotAllowed("The path");
  if (queryStart >= 0 && ENCODED_NUL.test(url.slice(queryStart))) throw nulCharacterNotAllowed("Query parameters");
  const method = c.req.method;
  if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS" && (c.req.header("content-type") ?? "").includes("json")) {
    const text = await c.req.text();
    // The escape is rare: parse only then, to tell a real NUL from an escaped backslash followed by "u0000".
    if (text.includes(ESCAPED_NUL)) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined; // not JSON: the route's validation answers it
      }
      if (containsNul(body)) throw nulCharacterNotAllowed("The request body");
    }
  }
  await next();
};
