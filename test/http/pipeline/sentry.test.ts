// Sentry is loaded only by an isolate that reports to it (SENTRY_DSN set; src/services/error-reporting.ts): the
// Worker still serves through the instrumented handlers, and a 5xx reaches Sentry's envelope endpoint (here the
// local receiver, test/support/webhook-receiver.ts).
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { requestId } from "../../../middleware/request-id";
import { wrapThrownValues } from "../../../middleware/thrown-values";
import type { AppEnv } from "../../../src/context";
import { onError } from "../../../src/error-handler";
import worker from "../../../src/index";
import { loadSentry } from "../../../src/services/error-reporting";
import { createTenant } from "../../helpers/fixtures";
import { uniqueName, waitForRequests } from "../../helpers/webhooks";

const bindings = env as unknown as Record<string, string>;
// One DSN for the file, as an isolate has: Sentry keeps the client the isolate's first instrumented request made.
const receiverName = uniqueName("sentry");
const dsn = `http://publickey@${new URL(bindings.TEST_WEBHOOK_RECEIVER_URL!).host}/hooks/${receiverName}/1`;

describe("Sentry, loaded on demand", () => {
  it("with SENTRY_DSN set, the Worker answers through the instrumented handler", async () => {
    const tenant = await createTenant();
    const ctx = createExecutionContext();
    const request = new Request("http://api.test/v2/me", { headers: { authorization: `Bearer ${tenant.apiKey}` } });
    const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, { ...bindings, SENTRY_DSN: dsn }, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { id: number } }).data.id).toBe(tenant.userId);
  });

  it("a 5xx answered by the error handler is reported to Sentry", async () => {
    const marker = uniqueName("kaboom");
    const Sentry = await loadSentry();
    const app = new Hono<AppEnv>();
    app.use("*", wrapThrownValues);
    app.use("*", requestId);
    app.get("/boom", () => {
      throw new Error(marker);
    });
    app.onError(onError);
    const instrumented = Sentry.withSentry(() => ({ dsn, tracesSampleRate: 0 }), {
      fetch: (request, _env, ctx) => app.fetch(request, {}, ctx),
    } satisfies ExportedHandler);
    const ctx = createExecutionContext();
    const response = await instrumented.fetch!(new Request("http://api.test/boom") as Request<unknown, IncomingRequestCfProperties>, {}, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(500);
    const reported = (await waitForRequests(receiverName, 1)).filter((request) => request.body.includes(marker));
    expect(reported).toHaveLength(1);
    expect(reported[0]!.body).toContain(response.headers.get("x-request-id")!);
  });
});
