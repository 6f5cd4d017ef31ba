// A programmable webhook receiver for the workers tests, run in Node by vitest's global setup (the tests
// themselves run inside workerd). The Worker under test delivers to it over real HTTP.
//
//   POST /hooks/<name>[?failTimes=N][&alwaysFail=1][&status=S][&delayMs=D][&redirect=URL]
//       records the request, then answers S (default 500) for the first N requests or always, 302 to URL,
//       or 200, optionally after D ms.
//   GET  /hooks/<name>/received   → {requests: [{headers, body, answeredWith, receivedAt}]}
//   POST /hooks/<name>/api/<project>/envelope/ records a Sentry envelope (a DSN http://key@host/hooks/<name>/<project>).
import { createServer, type Server } from "node:http";
import type { TestProject } from "vitest/node";
import { listenOnLoopback, readBody } from "./loopback-server";

declare module "vitest" {
  export interface ProvidedContext {
    webhookReceiverUrl: string;
  }
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  answeredWith: number;
  receivedAt: string;
}

export async function startWebhookReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const received = new Map<string, ReceivedRequest[]>();
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://receiver");
    // Also Sentry's envelope endpoint for a DSN whose path is /hooks/<name> (test/http/pipeline/sentry.test.ts).
    const match = /^\/hooks\/([\w-]+)(\/received|\/api\/\d+\/envelope\/?)?$/.exec(url.pathname);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(body));
    };
    if (!match) return reply(404, { error: "unknown path" });
    const name = match[1]!;
    const log = received.get(name) ?? [];
    received.set(name, log);
    if (match[2] === "/received") return request.method === "GET" ? reply(200, { requests: log }) : reply(405, {});

    const body = await readBody(request);
    const params = url.searchParams;
    const failStatus = Number(params.get("status") ?? 500);
    const failing = params.get("alwaysFail") === "1" || log.length < Number(params.get("failTimes") ?? 0);
    const redirect = params.get("redirect");
    const answeredWith = redirect ? 302 : failing ? failStatus : 200;
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
    log.push({ method: request.method ?? "", path: url.pathname + url.search, headers, body, answeredWith, receivedAt: new Date().toISOString() });
    const delayMs = Number(params.get("delayMs") ?? 0);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (response.destroyed) return;
    reply(answeredWith, { ok: answeredWith === 200 }, redirect ? { location: redirect } : {});
  });
  return listenOnLoopback(server, "webhook receiver");
}

// vitest global setup: start the receiver and hand its URL to the workers project (see vitest.config.ts).
export default async function setup(project: TestProject) {
  const receiver = await startWebhookReceiver();
  project.provide("webhookReceiverUrl", receiver.url);
  return () => receiver.close();
}
