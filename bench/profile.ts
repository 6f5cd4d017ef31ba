// `npx tsx bench/profile.ts [path] [cal-api-version]`: CPU profile of the production bundle under workerd while
// it serves `path` (default /v2/me) under load; prints the functions with the most self time. The path `slots`
// seeds bench/lib/slots-seed.ts's fixture and profiles GET /v2/slots on it (version 2024-09-04); `bookings` seeds
// bench/bookings.ts's 16 hosts and profiles uncontended POST /v2/bookings. Also prints workerd's own CPU time per
// request (user + system, read from /proc), which includes the inspector's sampling overhead.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import pg from "pg";
import type * as WsModule from "ws";
import { buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { load, waitForHttp } from "./lib/load.ts";
import { seedSlotsFixture } from "./lib/slots-seed.ts";
import { processCpuMs, processCpuTimesMs, writeWorkerdConfig } from "./lib/workerd.ts";
import { drive, freeSlotBookings, seedHost } from "./bookings.ts";

const WebSocket = createRequire(import.meta.url)("ws") as typeof WsModule.WebSocket;
const requested = process.argv[2] ?? "/v2/me";
const version = process.argv[3] ?? (requested.startsWith("slots") || requested.startsWith("/v2/slots?") ? "2024-09-04" : undefined);
// PROFILE_PORT / PROFILE_INSPECTOR_PORT / BENCH_LABEL: so checkouts profiling at once do not collide.
const PORT = Number(process.env.PROFILE_PORT ?? 8821);
const INSPECTOR_PORT = Number(process.env.PROFILE_INSPECTOR_PORT ?? 9239);
class Done extends Error {}

/** A profile's call frame as the listings name it: function, file and line. */
const frameKey = (f: { functionName: string; url: string; lineNumber: number }) =>
  `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
/** The 40 largest entries of a per-function tally, each printed by `format`. */
const printTop = (tally: Map<string, number>, format: (value: number) => string) => {
  for (const [key, value] of [...tally.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${format(value)}  ${key}`);
};

// Unminified, so the profile names functions (minifying changes names, not the work).
buildBundles({ readable: true });
const { infra, tenant, spec } = await prepareBenchApi(process.env.BENCH_LABEL ?? "profile");
const bookings = requested === "bookings";
// `slots-computed`: the same lookup with a reschedule uid matching no booking, which is never answered from memory.
const slotsPath = requested.startsWith("slots") ? (await seedSlotsFixture(infra.databaseUrl, tenant.userId)).path : undefined;
// PROFILE_EXTRA_BOOKINGS=N: N more bookings of the tenant, in 2030 (outside every window), so that "Booking" is as
// large as in `npm run bench` (whose organisation fixture adds 10 000): the planner chooses by table size.
// PROFILE_OTHER_BOOKINGS=N: N accepted bookings of 5 000 other hosts (each a user with ~N/5 000 bookings, 3 hours
// apart, with their BookingHost rows), bulk-loaded with triggers off: a table at production scale, to see whether a
// lookup's cost grows with bookings that are not its hosts' (1 000 000 load in ~1.5 min).
// PROFILE_APPLY_SQL=<file>: runs that SQL before the load (e.g. an older migration, to compare its function).
if (process.env.PROFILE_EXTRA_BOOKINGS || process.env.PROFILE_OTHER_BOOKINGS || process.env.PROFILE_APPLY_SQL) {
  const admin = new pg.Client({ connectionString: infra.databaseUrl });
  await admin.connect();
  try {
    const extra = Number(process.env.PROFILE_EXTRA_BOOKINGS ?? 0);
    if (extra > 0) {
      await admin.query(
        `INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime", status, "updatedAt")
         SELECT 'extra-' || g, $1, 'Extra', '2030-01-01'::timestamp + g * interval '1 hour',
                '2030-01-01'::timestamp + g * interval '1 hour' + interval '30 minutes', 'accepted', now()
         FROM generate_series(1, $2::int) g`,
        [tenant.userId, extra],
      );
      await admin.query("ANALYZE");
    }
    const others = Number(process.env.PROFILE_OTHER_BOOKINGS ?? 0);
    if (others > 0) {
      // session_replication_role = replica: no per-row triggers (slot versions, BookingHost sync), so the rows and
      // their BookingHost rows are written here, as the triggers would have.
      await admin.query("BEGIN; SET LOCAL session_replication_role = replica");
      const { rows } = await admin.query<{ first: number }>(
        `WITH made AS (
           INSERT INTO users (email, username) SELECT 'scale-' || g || '@example.com', 'scale-' || g FROM generate_series(1, 5000) g RETURNING id
         ) SELECT min(id)::int AS first FROM made`,
      );
      const firstUser = rows[0]!.first;
      await admin.query(
        `INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime", status, "updatedAt")
         SELECT 'scale-' || g, $1::int + g % 5000, 'Scale', '2027-01-01'::timestamp + (g / 5000) * interval '3 hours',
                '2027-01-01'::timestamp + (g / 5000) * interval '3 hours' + interval '30 minutes', 'accepted', now()
         FROM generate_series(0, $2::int - 1) g`,
        [firstUser, others],
      );
      await admin.query(
        `INSERT INTO "BookingHost" ("bookingId", "userId", "isOrganizer", "startTime", "endTime", status)
         SELECT id, "userId", true, "startTime", "endTime", status FROM "Booking" WHERE uid LIKE 'scale-%'`,
      );
      await admin.query("COMMIT");
      await admin.query("ANALYZE");
    }
    if (process.env.PROFILE_APPLY_SQL) await admin.query(readFileSync(process.env.PROFILE_APPLY_SQL, "utf8"));
  } finally {
    await admin.end();
  }
}
const path =
  requested === "slots"
    ? slotsPath!
    : requested === "slots-computed"
      ? `${slotsPath}&bookingUidToReschedule=bench-no-such-booking`
      : bookings
        ? "/v2/bookings"
        : requested;
const api = spec(PORT);
// PROFILE_WITHOUT_REDIS=1: no Upstash bindings (the per-isolate memory limiter), to see the pipeline's own cost.
if (process.env.PROFILE_WITHOUT_REDIS === "1") {
  delete api.bindings!.UPSTASH_REDIS_REST_URL;
  delete api.bindings!.UPSTASH_REDIS_REST_TOKEN;
}
const config = writeWorkerdConfig([api], OUT);
const workerd = spawn(resolve("node_modules/.bin/workerd"), ["serve", config, "--experimental", `--inspector-addr=127.0.0.1:${INSPECTOR_PORT}`], {
  stdio: "ignore",
});
const url = `http://127.0.0.1:${PORT}${path}`;
// Slot lookups are public: profile them anonymously, as booking widgets call them.
const isPublic = path.startsWith("/v2/slots");
const headers: Record<string, string> = {
  ...(isPublic ? {} : { authorization: `Bearer ${tenant.apiKey}` }),
  ...(version ? { "cal-api-version": version } : {}),
};
// POST /v2/bookings: 16 hosts made through the API, every request a free slot of one of them.
let runLoad: (seconds: number) => Promise<{ total: number; non2xx: number; summary: unknown }>;
try {
  await waitForHttp(`http://127.0.0.1:${PORT}/health`);
  if (bookings) {
    const hosts = [];
    for (let i = 0; i < 16; i++) hosts.push(await seedHost(`http://127.0.0.1:${PORT}`, infra.databaseUrl, i));
    const next = freeSlotBookings(hosts);
    runLoad = async (seconds) => {
      const samples = await drive(url, seconds, 32, next);
      const latencies = samples.map((s) => s.ms).sort((a, b) => a - b);
      const non2xx = samples.filter((s) => s.status >= 300).length;
      const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
      return {
        total: samples.length,
        non2xx,
        summary: { requests: samples.length, perSecond: samples.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), non2xx },
      };
    };
  } else {
    runLoad = async (seconds) => {
      const result = await load(path, url, { seconds, connections: 32, headers });
      return { total: result.total, non2xx: result.non2xx, summary: result };
    };
  }
  await runLoad(2);
  // PROFILE=0: no profiler, only workerd's CPU per request (the inspector's sampling costs CPU of its own).
  // Also where the rest of the machine's CPU goes per request: Postgres (all its processes: a quiet machine only)
  // and this process (the load generator and the local Neon and Upstash stand-ins share it).
  if (process.env.PROFILE === "0") {
    const postgresCpuMs = () =>
      execFileSync("pgrep", ["-u", "postgres"], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .reduce((sum, pid) => sum + (existsSync(`/proc/${pid}`) ? processCpuMs(Number(pid)) : 0), 0);
    const ownCpuMs = () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    };
    const before = { workerd: processCpuTimesMs(workerd.pid!), postgres: postgresCpuMs(), own: ownCpuMs() };
    const result = await runLoad(8);
    const per = (ms: number) => (ms / Math.max(1, result.total)).toFixed(3);
    const after = processCpuTimesMs(workerd.pid!);
    const [userMs, systemMs] = [after.user - before.workerd.user, after.system - before.workerd.system];
    const workerdMs = userMs + systemMs;
    console.log(JSON.stringify(result.summary));
    // The system share is the kernel's work for workerd (sockets, memory): it differs much between machines.
    console.log(
      `workerd CPU: ${per(workerdMs)} ms per request (user ${per(userMs)}, system ${per(systemMs)}; ${workerdMs} ms for ${result.total}, no profiler)`,
    );
    console.log(`postgres CPU: ${per(postgresCpuMs() - before.postgres)} ms per request (every postgres process of the machine)`);
    console.log(`this process (load generator + Neon/Upstash stand-ins): ${per(ownCpuMs() - before.own)} ms per request`);
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${workerd.pid}/status`, "utf8"))?.[1];
    console.log(`workerd resident memory after the load: ${Math.round(Number(rss) / 1024)} MB`);
    throw new Done();
  }
  const targets = (await (await fetch(`http://127.0.0.1:${INSPECTOR_PORT}/json`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
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
  // PROFILE=heap: where the isolate allocates (V8's sampling heap profiler, counting objects the GC has already
  // collected too): bytes allocated per request by function, self and inclusive. Young-generation collections are
  // what set the from-memory lookups' tail (README "The from-memory tail is garbage collection").
  if (process.env.PROFILE === "heap") {
    await send("HeapProfiler.enable");
    await send("HeapProfiler.startSampling", { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const result = await runLoad(8);
    const { profile } = await send("HeapProfiler.stopSampling");
    ws.close();
    console.log(JSON.stringify(result.summary));
    type HeapNode = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: HeapNode[] };
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let total = 0;
    const walk = (node: HeapNode, ancestors: string[]) => {
      const f = node.callFrame;
      const key = frameKey(f);
      const chain = f.url.endsWith("index.js") && !ancestors.includes(key) ? [...ancestors, key] : ancestors;
      self.set(key, (self.get(key) ?? 0) + node.selfSize);
      for (const bundled of chain) inclusive.set(bundled, (inclusive.get(bundled) ?? 0) + node.selfSize);
      total += node.selfSize;
      for (const child of node.children) walk(child, chain);
    };
    walk(profile.head, []);
    const perRequest = (bytes: number) => `${(bytes / Math.max(1, result.total) / 1024).toFixed(2).padStart(7)} KiB`;
    console.log(`allocated (sampled): ${perRequest(total)} per request over ${result.total} requests`);
    printTop(self, perRequest);
    console.log("inclusive (the bundle's functions and what they call):");
    printTop(inclusive, perRequest);
    throw new Done();
  }
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 100 });
  await send("Profiler.start");
  const cpuBefore = processCpuMs(workerd.pid!);
  const result = await runLoad(8);
  const cpuMs = processCpuMs(workerd.pid!) - cpuBefore;
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
    const key = frameKey(f);
    self.set(key, (self.get(key) ?? 0) + count);
    total += count;
  }
  console.log(JSON.stringify(result.summary));
  console.log(`workerd CPU: ${(cpuMs / Math.max(1, result.total)).toFixed(2)} ms per request (${cpuMs} ms for ${result.total}, profiler attached)`);
  if (result.non2xx > 0) console.log(`WARNING: ${result.non2xx} of ${result.total} responses were not 2xx: the profile is not of the happy path`);
  const share = (count: number) => `${((count / total) * 100).toFixed(1).padStart(5)}%`;
  printTop(self, share);
  // Inclusive time (a function and everything it called), for the bundle's own functions.
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [nodeId, count] of counts) {
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parentOf.get(id)) {
      const f = byId.get(id).callFrame;
      if (!f.url.endsWith("index.js")) continue;
      const key = frameKey(f);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + count);
    }
  }
  console.log("inclusive (the bundle's functions and what they call):");
  printTop(inclusive, share);
} catch (error) {
  if (!(error instanceof Done)) throw error;
} finally {
  workerd.kill();
  await infra.stop();
  process.exit(0);
}
