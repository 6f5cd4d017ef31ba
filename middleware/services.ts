import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../src/context";
import { readEnv } from "../src/env";
import { ApiError } from "../src/errors";
import { createServices, type Services } from "../src/services";

// Validates the Worker's bindings and builds the per-request services (db, redis, limiter, logger).
export const services: MiddlewareHandler<AppEnv> = async (c, next) => {
  const result = readEnv(c.env);
  if (!result.ok) {
    throw new ApiError("InternalServerErrorException", `Server misconfigured: ${result.problems.join("; ")}`);
  }
  c.set("env", result.env);
  const built = createServices(result.env, c.get("requestId"), (work) => runAfterResponse(c, work));
  c.set("services", built);
  try {
    await next();
  } finally {
    // Most requests never open a database client: then there is nothing to keep alive after the response.
    if (built.opened) await closeAfterResponse(c, built);
  }
};

function runAfterResponse(c: Context<AppEnv>, work: Promise<unknown>) {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // No execution context (e.g. app.request in scripts): the work runs on its own.
  }
}

async function closeAfterResponse(c: Context<AppEnv>, built: Services) {
  const closing = built.dispose().catch(() => {});
  try {
    c.executionCtx.waitUntil(closing);
  } catch {
    await closing; // no execution context (e.g. app.request in scripts)
  }
}
