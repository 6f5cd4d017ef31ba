import type { Context, MiddlewareHandler } from "hono";
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
  const built = createServices(result.env, c.get("requestId"), (work) => void deferAfterResponse(c, work));
  c.set("services", built);
  try {
    await next();
  } finally {
    // Most requests never open a database client: then there is nothing to keep alive after the response.
    if (built.opened) {
      const closing = built.dispose().catch(() => {});
      if (!deferAfterResponse(c, closing)) await closing;
    }
  }
};

/** Hands work to the request's waitUntil; false without an execution context (e.g. app.request in scripts). */
function deferAfterResponse(c: Context<AppEnv>, work: Promise<unknown>): boolean {
  try {
    c.executionCtx.waitUntil(work);
    return true;
  } catch {
    return false;
  }
}
