// `npm run dev`: everything a fresh machine needs to serve the API on http://localhost:8787.
// - Postgres: DATABASE_URL, else a local Postgres on 127.0.0.1:5432 (database cal_edge_dev), else an embedded one
//   (Prisma's PGlite dev server); scripts/lib/dev-database.ts says why in that order. Migrated and seeded.
// - Redis on 127.0.0.1:6379 → used through the Upstash REST shim; otherwise an in-memory rate limiter.
// - The Worker runs under `wrangler dev`, reaching Postgres through the WebSocket→TCP proxy.
import { spawn } from "node:child_process";
import Redis from "ioredis";
import { devDatabase } from "./lib/dev-database.ts";
import { applyMigrations } from "./lib/migrate.ts";
import { seedManagedUserWithAccessToken } from "./lib/platform-seed.ts";
import { seedUserWithApiKey } from "./lib/seed.ts";
import { startUpstashShim } from "./lib/upstash-shim.ts";
import { startNeonLocal } from "./lib/neon-local.ts";

const PORT = Number(process.env.PORT ?? 8787);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
// Development-only signing key for managed users' access tokens (production sets the JWT_SIGNING_KEYS secret).
const JWT_SIGNING_KEYS = process.env.JWT_SIGNING_KEYS ?? "dev:development-only-signing-secret-not-for-production";
const cleanups: Array<() => Promise<unknown>> = [];

async function embeddedDatabase() {
  const { startPrismaDevServer } = await import("@prisma/dev");
  const server = await startPrismaDevServer({ name: "cal-edge-api", persistenceMode: "stateful" });
  return { url: server.database.connectionString, close: () => server.close() };
}

async function redisAnswers(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

const database = await devDatabase({ name: "cal_edge_dev", embedded: embeddedDatabase });
cleanups.push(database.close);
const databaseUrl = database.url;
console.log(`Postgres: ${database.kind} (${new URL(databaseUrl).host}${new URL(databaseUrl).pathname})`);
if (database.kind === "embedded") {
  console.warn("WARNING: the embedded Postgres mixes up concurrent requests' statements (some answer 503); see scripts/lib/dev-database.ts");
}
for (const name of await applyMigrations(databaseUrl)) console.log(`migration applied: ${name}`);
const demo = await seedUserWithApiKey(databaseUrl, { email: "demo@example.com", username: "demo", name: "Demo User" });
const managed = await seedManagedUserWithAccessToken(databaseUrl, { signingKeys: JWT_SIGNING_KEYS });

const proxy = await startNeonLocal();
cleanups.push(() => proxy.close());
const vars: Record<string, string> = {
  DATABASE_URL: databaseUrl,
  NEON_WS_PROXY: `127.0.0.1:${proxy.port}`,
  ENVIRONMENT: "development",
  JWT_SIGNING_KEYS,
};
if (await redisAnswers()) {
  const shim = await startUpstashShim({ redisUrl: REDIS_URL });
  cleanups.push(() => shim.close());
  vars.UPSTASH_REDIS_REST_URL = shim.url;
  vars.UPSTASH_REDIS_REST_TOKEN = shim.token;
  console.log(`rate limiting: Redis at ${REDIS_URL} (through the Upstash REST shim)`);
} else {
  console.warn(`WARNING: no Redis answers at ${REDIS_URL}; rate limiting uses an in-memory limiter per isolate`);
}

console.log(`\nDemo user: ${demo.email} (id ${demo.userId})\nAPI key:   ${demo.apiKey}\n`);
console.log(`Try:       curl -H "Authorization: Bearer ${demo.apiKey}" http://localhost:${PORT}/v2/me\n`);
console.log(`Managed user ${managed.userId} of OAuth client ${managed.clientId} (secret ${managed.clientSecret})`);
console.log(`Access token (60 min): ${managed.accessToken}\n`);

const args = ["wrangler", "dev", "--port", String(PORT), "--ip", "127.0.0.1", "--show-interactive-dev-session=false"];
for (const [key, value] of Object.entries(vars)) args.push("--var", `${key}:${value}`);
// Its own process group (as e2e/booker/run.ts does), stopped as a group: SIGTERM to `npx` alone is not passed on
// through npm's `sh -c`, which left wrangler and workerd running after this script had exited.
const wrangler = spawn("npx", args, { stdio: ["ignore", "inherit", "inherit"], detached: true });
const wranglerExited = new Promise<void>((resolve) => wrangler.once("exit", () => resolve()));
const stopWrangler = async () => {
  if (wrangler.exitCode !== null || wrangler.signalCode !== null) return;
  try {
    process.kill(-(wrangler.pid as number), "SIGTERM");
  } catch {
    return; // the group is already gone
  }
  await Promise.race([wranglerExited, new Promise((resolve) => setTimeout(resolve, 5000))]);
};

// One way out, taken once: on Ctrl-C the signal arrives and then wrangler's exit; the second must not close the
// servers and pools again (pg's Pool.end() twice threw "Called end on pool more than once").
let stopping: Promise<never> | undefined;
const stop = (code: number) => {
  stopping ??= (async () => {
    await stopWrangler();
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    process.exit(code);
  })();
  return stopping;
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
wrangler.on("exit", (code) => void stop(code ?? 0));
