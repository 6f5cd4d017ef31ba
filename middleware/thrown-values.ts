import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../src/context";

/** A thrown value that is not an Error, wrapped (as `cause`) so that the error handler sees it. */
export class ThrownValue extends Error {
  constructor(readonly value: unknown) {
    const message = typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string";
    super(message ? (value as { message: string }).message : String(value), { cause: value });
    this.name = "ThrownValue";
  }
}

// Hono hands only Error instances to the error handler; any other thrown value escapes it, and workerd answers a
// bare plain-text 500 without our envelope, request id or log line. The Neon driver throws one: a WebSocket
// session whose socket fails rejects with the socket's ErrorEvent (seen under load by `npm run bench:race`).
// Outermost in the pipeline, so every such value reaches the error handler as an Error.
export const wrapThrownValues: MiddlewareHandler<AppEnv> = async (_c, next) => {
  try {
    await next();
  } catch (error) {
    throw error instanceof Error ? error : new ThrownValue(error);
  }
};
