// scripts/patch-vitest-pool.mjs (postinstall): a module request that reaches @cloudflare/vitest-plugin's pool after it
// stopped the worker is dropped; unpatched, the listener's assertion threw and ended the whole vitest process.
// The pool worker is driven through its socket listener with a stand-in socket: stop() itself would also count this
// process's real pool workers down.
import { join } from "node:path";
import { cloudflarePool, structuredSerializableParse, structuredSerializableStringify } from "@cloudflare/vitest-plugin";
import { describe, expect, it } from "vitest";

type Listener = (event: { data: string }) => void;
interface PoolWorkerInternals {
  socket?: { addEventListener(type: string, listener: Listener): void; send(data: string): void };
  parsedPoolOptions?: object;
  on(event: "message", callback: (message: unknown) => void): void;
}

function poolWorkerWithSocket() {
  const listeners = new Map<string, Listener>();
  const sent: string[] = [];
  const received: unknown[] = [];
  const project = { vitest: { distPath: join(process.cwd(), "node_modules/vitest/dist") }, config: { root: process.cwd() } };
  const worker = cloudflarePool({}).createPoolWorker({ project } as never) as unknown as PoolWorkerInternals;
  worker.socket = { addEventListener: (type, listener) => listeners.set(type, listener), send: (data) => sent.push(data) };
  worker.parsedPoolOptions = {};
  worker.on("message", (message) => received.push(message));
  const deliver = (message: object) => listeners.get("message")?.({ data: structuredSerializableStringify(message) });
  return { worker, deliver, sent, received };
}

const moduleRequest = (id: string) => ({ t: "q", m: "fetch", a: ["cloudflare:sockets"], i: id });

describe("the vitest pool patch", () => {
  it("a running worker's module request is answered; a stopped worker's is dropped without throwing", () => {
    const { worker, deliver, sent, received } = poolWorkerWithSocket();
    deliver(moduleRequest("1"));
    expect(sent.map((data) => structuredSerializableParse(data))).toEqual([{ t: "s", i: "1", r: { externalize: "cloudflare:sockets" } }]);

    worker.socket = undefined; // what stop() does before the late message arrives
    expect(() => deliver(moduleRequest("2"))).not.toThrow();
    expect(sent).toHaveLength(1);
    expect(received).toEqual([]);
  });
});
