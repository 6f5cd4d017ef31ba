// Cold start and bundle size of the production bundle (issue 19): `workerd serve` is started anew for every
// measured request, with one worker, and timed from spawn to the first complete response. Budget: gzip ≤ 1 MiB,
// and each route's cold start ≤ 2 × the bare Hono worker's + 50 ms (p50 against p50).
// Alone: `npx tsx bench/cold-start.ts` (builds the bundles, seeds its own database); `npm run bench` runs it too.
import type { ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { buildBundle, buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { seedSlotsFixture } from "./lib/slots-seed.ts";
import { processCpuMs, startWorkerd, type WorkerSpec } from "./lib/workerd.ts";

const RUNS = Number(process.env.COLD_START_RUNS ?? 10);
const GZIP_BUDGET_BYTES = 1024 * 1024;
// Its own directory for the workerd config, so it never rewrites the one a running `npm run bench` workerd reads.
const COLD_OUT = `${OUT}/cold`;

export interface ModuleSize {
  bundle: string;
  module: string;
  rawBytes: number;
  gzipBytes: number;
}

/** Raw and gzip (level 9) size of every module workerd loads from a bundle directory (index.js, .wasm), and the total. */
export function bundleSizes(bundle: string): ModuleSize[] {
  const dir = `${OUT}/${bundle}`;
  const modules = readdirSync(dir)
    .filter((file) => /\.(m?js|wasm)$/.test(file))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { bundle, module: file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
  const sum = (key: "rawBytes" | "gzipBytes") => modules.reduce((total, m) => total + m[key], 0);
  const total = { bundle, module: "total", rawBytes: sum("rawBytes"), gzipBytes: sum("gzipBytes") };
  return [...modules, total];
}

export interface ColdTarget {
  name: string;
  spec: WorkerSpec;
  path: string;
  headers?: Record<string, string>;
}

interface ColdSample {
  /** Spawn → the first response's body has been read. */
  firstResponseMs: number;
  /** workerd's CPU time (user + system, all threads) by then: less sensitive than wall time to a loaded machine. */
  cpuMs: number;
  status: number;
  /** The same request again on the now warm isolate: what the route costs without first-request work. */
  secondResponseMs: number;
}

async function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** One GET on a new connection (no agent: a pooled socket would outlive the workerd it belonged to). */
function getOnce(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path, headers, agent: false }, (response) => {
      response.resume();
      response.once("end", () => resolve(response.statusCode ?? 0));
    });
    request.once("error", reject);
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function coldStartOnce(target: ColdTarget): Promise<ColdSample> {
  mkdirSync(COLD_OUT, { recursive: true });
  const started = performance.now();
  const child = startWorkerd([target.spec], COLD_OUT);
  try {
    // No "script ready" time: workerd opens its sockets before it has loaded the worker (a request sent then waits
    // for the load), so the moment the port accepts says nothing about the script.
    const deadline = started + 30_000;
    while (!(await portAccepts(target.spec.port))) {
      if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}) before serving ${target.name}`);
      if (performance.now() > deadline) throw new Error(`${target.name}: port ${target.spec.port} not open within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const status = await getOnce(target.spec.port, target.path, target.headers ?? {});
    const firstResponseMs = performance.now() - started;
    const cpuMs = processCpuMs(child.pid!);
    await getOnce(target.spec.port, target.path, target.headers ?? {});
    return { firstResponseMs, cpuMs, status, secondResponseMs: performance.now() - started - firstResponseMs };
  } finally {
    await stop(child);
  }
}

export interface ColdStartRow {
  target: string;
  runs: number;
  status: string;
  firstResponseP50Ms: number;
  firstResponseMaxMs: number;
  cpuP50Ms: number;
  secondResponseP50Ms: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round1 = (ms: number) => Math.round(ms * 10) / 10;

/** `runs` cold starts of every target, interleaved (run 1 of each, then run 2 …) so drifting machine load hits all alike. */
export async function measureColdStarts(targets: ColdTarget[], runs = RUNS): Promise<ColdStartRow[]> {
  const samples = targets.map(() => [] as ColdSample[]);
  for (let run = 0; run < runs; run++) {
    for (const [i, target] of targets.entries()) samples[i]!.push(await coldStartOnce(target));
  }
  return targets.map((target, i) => {
    const first = samples[i]!.map((s) => s.firstResponseMs);
    return {
      target: target.name,
      runs,
      status: [...new Set(samples[i]!.map((s) => s.status))].join("/"),
      firstResponseP50Ms: round1(median(first)),
      firstResponseMaxMs: round1(Math.max(...first)),
      cpuP50Ms: median(samples[i]!.map((s) => s.cpuMs)),
      secondResponseP50Ms: round1(median(samples[i]!.map((s) => s.secondResponseMs))),
    };
  });
}

/**
 * The bare worker plus modules of the API bundle that it never imports: tells what workerd does with a module when it
 * loads the script, before any of its code runs (the API's index.js is renamed so that the bare one stays the entry).
 */
function bareWith(label: string, apiDir: string, pick: (file: string) => boolean, { runApiTopLevel = false } = {}): string {
  const dir = `${OUT}/bare-with-${label}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const bareIndex = readFileSync(join(OUT, "bare", "index.js"), "utf8");
  // runApiTopLevel: the bare worker imports the API's index.js, so its top level (module initialisation) runs too.
  writeFileSync(join(dir, "index.js"), runApiTopLevel ? `import "./api-index.js";\n${bareIndex}` : bareIndex);
  for (const file of readdirSync(apiDir).filter(pick)) copyFileSync(join(apiDir, file), join(dir, file === "index.js" ? "api-index.js" : file));
  return dir;
}

/** The API bundle without wrangler.toml's `minify = true`, to show what minifying changes (README "Benchmarks"). */
function buildUnminifiedApi(): string {
  return buildBundle("api-unminified", ["--minify=false"]);
}

export interface ColdStartInputs {
  apiSpec: WorkerSpec;
  barePort: number;
  apiKey: string;
  slotsPath: string;
}

/** Sizes, cold starts and the budget check, printed like the other sections of `npm run bench`. */
export async function reportColdStartBench({ apiSpec, barePort, apiKey, slotsPath }: ColdStartInputs) {
  const unminified: WorkerSpec = { ...apiSpec, bundleDir: buildUnminifiedApi() };
  const sizes = [...bundleSizes("api"), ...bundleSizes("api-unminified"), ...bundleSizes("bare")];
  console.table(sizes.map((s) => ({ bundle: s.bundle, module: s.module, "raw KiB": round1(s.rawBytes / 1024), "gzip KiB": round1(s.gzipBytes / 1024) })));
  console.log(JSON.stringify({ bench: "bundle-size", modules: sizes }));

  const bare: WorkerSpec = { name: "bare", bundleDir: `${OUT}/bare`, port: barePort };
  const bareWasm: WorkerSpec = { ...bare, bundleDir: bareWith("wasm", apiSpec.bundleDir, (file) => file.endsWith(".wasm")) };
  const bareApiJs: WorkerSpec = { ...bare, bundleDir: bareWith("api-js", apiSpec.bundleDir, (file) => file === "index.js") };
  const bareApiTopLevel: WorkerSpec = {
    ...bare,
    bundleDir: bareWith("api-top-level", apiSpec.bundleDir, (file) => file === "index.js" || file.endsWith(".wasm"), { runApiTopLevel: true }),
  };
  const auth = { authorization: `Bearer ${apiKey}` };
  const targets: ColdTarget[] = [
    { name: "bare Hono GET /", spec: bare, path: "/" },
    { name: "bare Hono + Prisma wasm module (never imported) GET /", spec: bareWasm, path: "/" },
    { name: "bare Hono + the API's index.js (never imported) GET /", spec: bareApiJs, path: "/" },
    { name: "bare Hono importing the API's index.js (its top level runs) GET /", spec: bareApiTopLevel, path: "/" },
    { name: "API GET /v2/no-such-path (404 through the middleware)", spec: apiSpec, path: "/v2/no-such-path" },
    { name: "API GET /health (Prisma $queryRaw SELECT 1, Redis ping)", spec: apiSpec, path: "/health" },
    { name: "API GET /v2/me (API key from Redis, SQL over HTTP)", spec: apiSpec, path: "/v2/me", headers: auth },
    { name: "API GET /v2/slots (public, SQL over HTTP)", spec: apiSpec, path: slotsPath, headers: { "cal-api-version": "2024-09-04" } },
    { name: "API GET /v2/teams (Prisma model read)", spec: apiSpec, path: "/v2/teams", headers: auth },
    { name: "API unminified GET /v2/me", spec: unminified, path: "/v2/me", headers: auth },
  ];
  // One untimed start first: puts the API key and the license answer in Redis, as other isolates have in production.
  await coldStartOnce(targets.find((t) => t.path === "/v2/me")!);
  const rows = await measureColdStarts(targets);
  console.table(rows);
  console.log(JSON.stringify({ bench: "cold-start", runs: RUNS, results: rows }));

  const apiGzip = sizes.find((s) => s.bundle === "api" && s.module === "total")!.gzipBytes;
  const bareCold = rows[0]!.firstResponseP50Ms;
  const coldLimit = 2 * bareCold + 50;
  console.log(`budget: API bundle gzip ${round1(apiGzip / 1024)} KiB vs ${GZIP_BUDGET_BYTES / 1024} KiB: ${apiGzip <= GZIP_BUDGET_BYTES ? "within" : "OVER"}`);
  for (const row of rows.filter((r) => r.target.startsWith("API "))) {
    console.log(
      `budget: ${row.target}: cold p50 ${row.firstResponseP50Ms} ms vs 2 × bare ${bareCold} ms + 50 = ${round1(coldLimit)} ms: ${row.firstResponseP50Ms <= coldLimit ? "within" : "OVER"}`,
    );
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const label = process.env.BENCH_LABEL ?? "bench";
  console.error("building bundles (wrangler deploy --dry-run)…");
  buildBundles();
  const { infra, tenant, spec } = await prepareBenchApi(label);
  try {
    const slots = await seedSlotsFixture(infra.databaseUrl, tenant.userId);
    await reportColdStartBench({
      apiSpec: spec(Number(process.env.BENCH_API_PORT ?? 8801)),
      barePort: Number(process.env.BENCH_BARE_PORT ?? 8802),
      apiKey: tenant.apiKey,
      slotsPath: slots.path,
    });
  } finally {
    await Promise.race([infra.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  process.exit(0);
}
