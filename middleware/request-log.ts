import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "../src/context";
import { pathnameOf } from "../src/request-url";
import { publicRoutePattern } from "../versions/registry";

// One JSON line per request. Never logs credentials or bodies: only ids and outcome.
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  try {
    await next();
  } finally {
    const principal = c.get("principal");
    const line = {
      level: c.res.status >= 500 ? "error" : "info",
      time: new Date().toISOString(),
      message: "request",
      requestId: c.get("requestId"),
      method: c.req.method,
      path: pathnameOf(c.req.url),
      route: publicRoutePattern(routePath(c, -1)),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      apiVersion: c.get("apiVersion"),
      authStrategy: principal?.strategy ?? null,
      userId: principal?.userId ?? null,
    };
    console.log(JSON.stringify(line));
  }
};
