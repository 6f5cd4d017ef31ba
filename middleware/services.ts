import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../src/context";
import { readEnv } from "../src/env";
import { ApiError } from "../src/errors";
import { createServices } from "../src/services";

// Validates the Worker's bindings and builds the per-request services (db, redis, limiter, logger).
export const services: MiddlewareHandler<AppEnv> = async (c, next) => {
  const result = readEnv(c.env);
  if (!result.ok) {
    throw new ApiError("InternalServerErrorException", `Server misconfigured: ${result.problems.join("; ")}`);
  }
  c.set("env", result.env);
  const built = createServices(result.env, c.get("requestId"));
  c.set("services", built);
  try {
    await next();
  } finally {
    const closing = built.dispose().catch(() => {});
    try {
      c.executionCtx.waitUntil(closing);
    } catch {
      await closing; // no execution context (e.g. app.request in scripts)
    }
  }
};
