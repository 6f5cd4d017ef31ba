import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../src/context";
import { readEnv } from "../src/env";
import { ApiError } from "../src/errors";
import { createDeps } from "../src/services";

// Validates the Worker's bindings and builds the request's Deps (db handles, env, redis, limiter, logger, …).
export const services: MiddlewareHandler<AppEnv> = async (c, next) => {
  const result = readEnv(c.env);
  if (!result.ok) {
    throw new ApiError("InternalServerErrorException", `Server misconfigured: ${result.problems.join("; ")}`);
  }
  c.set("env", result.env);
  const built = createDeps(result.env, c.get("requestId"), (work) => void deferAfterResponse(c, work));
  c.set("deps", built);
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

/**
 * The one place that calls waitUntil (everything else uses `deps.afterResponse`). False without an execution
 * context (app.request in scripts): the work, already started, then just runs on.
 */
function deferAfterResponse(c: Context<AppEnv>, work: Promise<unknown>): boolean {
  try {
    c.executionCtx.waitUntil(work);
    return true;
  } catch {
    return false;
  }
}
