import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { requestId } from "../../../middleware/request-id";
import { wrapThrownValues } from "../../../middleware/thrown-values";
import type { AppEnv } from "../../../src/context";
import { onError } from "../../../src/error-handler";

// The real pipeline's first step and error handler around a handler that throws something that is not an Error:
// without the step, Hono passes it by its error handler and workerd answers a bare plain-text 500.
function appThrowing(value: () => unknown) {
  const app = new Hono<AppEnv>();
  app.use("*", wrapThrownValues);
  app.use("*", requestId);
  app.get("/boom", () => {
    throw value();
  });
  app.onError(onError);
  return app;
}

describe("values thrown that are not Errors", () => {
  it("a lost database WebSocket (the Neon driver rejects with the socket's ErrorEvent) is a 503 with Retry-After", async () => {
    const app = appThrowing(() => new ErrorEvent("error", { message: "Uncaught Error: Network connection lost." }));
    const res = await app.request("/boom");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    const body = (await res.json()) as { status: string; error: { code: string; message: string; details: { requestId: string } } };
    expect(body.status).toBe("error");
    expect(body.error.code).toBe("ServiceUnavailableException");
    expect(body.error.details.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("anything else is a 500 in the error envelope, not workerd's plain text", async () => {
    const res = await appThrowing(() => "a string").request("/boom");
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: "There was an error, please try again later." });
  });

  it("an ErrorEvent about something else is not taken for a database outage", async () => {
    const res = await appThrowing(() => new ErrorEvent("error", { message: "something unrelated" })).request("/boom");
    expect(res.status).toBe(500);
  });
});
