// `npm run bench`: the production bundle under plain `workerd serve` against the real database and Redis,
// next to a bare Hono worker measured in the same run; reports requests/s and p50/p99 and the ratio.
// Never benchmark `wrangler dev` (7–20× slower than workerd serve).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { startTestInfra } from "../test/support/test-infra.ts";
import { seedLicense } from "../scripts/lib/platform-seed.ts";
import { seedUserWithApiKey } from "../scripts/lib/seed.ts";
import { load, waitForHttp, type LoadResult } from "./lib/load.ts";
import { seedSlotsFixture } from "./lib/slots-seed.ts";
import { startWorkerd } from "./lib/workerd.ts";
import { runEngineBench } from "./slots-engine.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const API_PORT = 8801;
const BARE_PORT = 8802;
const OUT = "bench/out";

function build() {
  mkdirSync(OUT, { recursive: true });
  const wrangler = ["wrangler", "deploy", "--dry-run"];
  execFileSync("npx", [...wrangler, "--outdir", resolve(OUT, "api")], { stdio: "ignore" });
  execFileSync("npx", [...wrangler, "--config", "bench/bare/wrangler.toml", "--outdir", resolve(OUT, "bare")], { stdio: "ignore" });
}

function queueBindings(): string[] {
  const toml = execFileSync("cat", ["wrangler.toml"], { encoding: "utf8" });
  return [...toml.matchAll(/\[\[queues\.producers\]\][^[]*?binding\s*=\s*"([^"]+)"/g)].map((m) => m[1]!);
}

const ratio = (result: LoadResult, bare: LoadResult) => `${((result.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)}%`;

async function main() {
  // The slot engine alone (pure CPU): 1 host × 30 days across a DST change, 200 busy intervals.
  const engine = runEngineBench();
  console.log(`slot engine: p50 ${engine.p50_ms} ms, p99 ${engine.p99_ms} ms (${engine.slots} slots, ${engine.iterations} runs)`);
  console.log(JSON.stringify(engine));

  console.error("building bundles (wrangler deploy --dry-run)…");
  build();
  process.env.TEST_REDIS_DB ??= "14";
  const infra = await startTestInfra("bench");
  const tenant = await seedUserWithApiKey(infra.databaseUrl, { email: "bench@example.com", username: "bench" });
  // Production checks the self-hosted license on API-key requests (Deployment.licenseKey = CALCOM_LICENSE_KEY).
  const licenseKey = "bench-license-key";
  await seedLicense(infra.databaseUrl, licenseKey);
  // GET /v2/slots: a New York host, 30-minute event type, ~200 bookings, 30 days across a DST change, public call.
  const slotsFixture = await seedSlotsFixture(infra.databaseUrl, tenant.userId);
  console.error(`slots fixture: ${slotsFixture.bookings} bookings, ${slotsFixture.windowStart} → ${slotsFixture.windowEnd}`);
  const workerd = startWorkerd(
    [
      {
        name: "api",
        bundleDir: `${OUT}/api`,
        port: API_PORT,
        queues: queueBindings(),
        bindings: {
          ENVIRONMENT: "production",
          CALCOM_LICENSE_KEY: licenseKey,
          DATABASE_URL: infra.databaseUrl,
          NEON_WS_PROXY: infra.wsProxy,
          UPSTASH_REDIS_REST_URL: infra.upstashUrl,
          UPSTASH_REDIS_REST_TOKEN: infra.upstashToken,
          // Limits high enough not to throttle the load; the limiter still runs (one Redis call per request).
          RATE_LIMIT_API_KEY: "1000000000",
          RATE_LIMIT_IP: "1000000000",
          RATE_LIMIT_ACCESS_TOKEN: "1000000000",
        },
      },
      { name: "bare", bundleDir: `${OUT}/bare`, port: BARE_PORT },
    ],
    OUT,
  );
  try {
    await waitForHttp(`http://127.0.0.1:${API_PORT}/health`);
    await waitForHttp(`http://127.0.0.1:${BARE_PORT}/`);
    const auth = { authorization: `Bearer ${tenant.apiKey}` };
    // Warm-up: compiles Prisma's wasm and fills the auth cache.
    await load("warmup", `http://127.0.0.1:${API_PORT}/v2/me`, { seconds: 2, connections: 4, headers: auth });
    const slotsHeaders = { "cal-api-version": "2024-09-04" };
    const slotsUrl = `http://127.0.0.1:${API_PORT}${slotsFixture.path}`;
    const probe = await fetch(slotsUrl, { headers: slotsHeaders });
    const probeBody = (await probe.json()) as { data?: Record<string, unknown[]> };
    if (probe.status !== 200) throw new Error(`GET /v2/slots answered ${probe.status}`);
    console.error(`GET /v2/slots: ${Object.values(probeBody.data ?? {}).flat().length} slots on ${Object.keys(probeBody.data ?? {}).length} dates`);
    await load("warmup", slotsUrl, { seconds: 2, connections: 4, headers: slotsHeaders });

    const opts = { seconds: SECONDS, connections: CONNECTIONS };
    const bare = await load("bare Hono JSON", `http://127.0.0.1:${BARE_PORT}/`, opts);
    const results = [
      await load("GET /health (db + redis)", `http://127.0.0.1:${API_PORT}/health`, opts),
      await load("GET /v2/me (API key, db)", `http://127.0.0.1:${API_PORT}/v2/me`, { ...opts, headers: auth }),
      await load("GET /v2/slots (30 days, DST, 200 bookings)", slotsUrl, { ...opts, headers: slotsHeaders }),
    ];
    const rows = [bare, ...results].map((r) => ({
      target: r.name,
      "req/s": r.requestsPerSecond,
      "p50 ms": r.p50Ms,
      "p99 ms": r.p99Ms,
      "vs bare": r === bare ? "100%" : ratio(r, bare),
      "p99 vs bare": r === bare ? "1.0×" : `${(r.p99Ms / Math.max(1, bare.p99Ms)).toFixed(1)}×`,
      "non-2xx": r.non2xx,
      errors: r.errors,
    }));
    console.table(rows);
    console.log(JSON.stringify({ bench: "http", seconds: SECONDS, connections: CONNECTIONS, results: rows }));
  } finally {
    workerd.kill("SIGTERM");
    // Stopping the infrastructure has been seen to hang on a connection the load left open: bound it.
    await Promise.race([infra.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
}

await main();
process.exit(0);
