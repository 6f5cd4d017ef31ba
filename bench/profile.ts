// `npx tsx bench/profile.ts [path] [cal-api-version]`: CPU profile of the production bundle under workerd while
// it serves `path` (default /v2/me) under load; prints the functions with the most self time. The path `slots`
// seeds bench/lib/slots-seed.ts's fixture and profiles GET /v2/slots on it (version 2024-09-04).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import type * as WsModule from "ws";
import { buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { load, waitForHttp } from "./lib/load.ts";
import { seedSlotsFixture } from "./lib/slots-seed.ts";
import { writeWorkerdConfig } from "./lib/workerd.ts";

const WebSocket = createRequire(import.meta.url)("ws") as typeof WsModule.WebSocket;
const requested = process.argv[2] ?? "/v2/me";
const version = process.argv[3] ?? (requested === "slots" || requested.startsWith("/v2/slots?") ? "2024-09-04" : undefined);
const PORT = 8821;

buildBundles();
const { infra, tenant, spec } = await prepareBenchApi("profile");
const path = requested === "slots" ? (await seedSlotsFixture(infra.databaseUrl, tenant.userId)).path : requested;
const api = spec(PORT);
// PROFILE_WITHOUT_REDIS=1: no Upstash bindings (the per-isolate memory limiter), to see the pipeline's own cost.
if (process.env.PROFILE_WITHOUT_REDIS === "1") {
  delete api.bindings!.UPSTASH_REDIS_REST_URL;
  delete api.bindings!.UPSTASH_REDIS_REST_TOKEN;
}
const config = writeWorkerdConfig([api], OUT);
const workerd = spawn(resolve("node_modules/.bin/workerd"), ["serve", config, "--experimental", "--inspector-addr=127.0.0.1:9239"], { stdio: "ignore" });
const url = `http://127.0.0.1:${PORT}${path}`;
// Slot lookups are public: profile them anonymously, as booking widgets call them.
const isPublic = path.startsWith("/v2/slots");
const headers: Record<string, string> = {
  ...(isPublic ? {} : { authorization: `Bearer ${tenant.apiKey}` }),
  ...(version ? { "cal-api-version": version } : {}),
};
try {
  await waitForHttp(`http://127.0.0.1:${PORT}/health`);
  await load("warmup", url, { seconds: 2, connections: 8, headers });
  const targets = (await (await fetch("http://127.0.0.1:9239/json")).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((r) => ws.once("open", r));
  let id = 0;
  const send = (method: string, params = {}) =>
    new Promise<any>((done) => {
      const myId = ++id;
      const onMessage = (data: Buffer) => {
        const msg = JSON.parse(data.toString());
        if (msg.id === myId) {
          ws.off("message", onMessage);
          done(msg.result);
        }
      };
      ws.on("message", onMessage);
      ws.send(JSON.stringify({ id: myId, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 100 });
  await send("Profiler.start");
  const result = await load(path, url, { seconds: 8, connections: 32, headers });
  const { profile } = await send("Profiler.stop");
  ws.close();
  const self = new Map<string, number>();
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const sample of profile.samples as number[]) counts.set(sample, (counts.get(sample) ?? 0) + 1);
  let total = 0;
  for (const [nodeId, count] of counts) {
    const node = byId.get(nodeId);
    const f = node.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + count);
    total += count;
  }
  console.log(JSON.stringify(result));
  if (result.non2xx > 0) console.log(`WARNING: ${result.non2xx} of ${result.total} responses were not 2xx: the profile is not of the happy path`);
  for (const [key, count] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${((count / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
} finally {
  workerd.kill();
  await infra.stop();
  process.exit(0);
}
