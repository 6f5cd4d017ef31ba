// Node-side test infrastructure: a fresh Postgres database per run (migrated by our runner), the
// WebSocket→TCP proxy for the Neon driver, and the Upstash REST shim over a dedicated Redis database.
import pg from "pg";
import Redis from "ioredis";
import { applyMigrations } from "../../scripts/lib/migrate.ts";
import { startUpstashShim, type UpstashShim } from "../../scripts/lib/upstash-shim.ts";
import { startNeonLocal, type NeonLocal } from "../../scripts/lib/neon-local.ts";

export interface TestInfra {
  databaseUrl: string;
  wsProxy: string;
  upstashUrl: string;
  upstashToken: string;
  stop(): Promise<void>;
}

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// Separate checkouts running tests at once set TEST_REDIS_DB / TEST_DB_LABEL so they never share state.
const REDIS_URL = process.env.TEST_REDIS_URL ?? `redis://127.0.0.1:6379/${process.env.TEST_REDIS_DB ?? "15"}`;

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function databaseUrlFor(name: string) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startTestInfra(label: string): Promise<TestInfra> {
  const name = `calapi_${label}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  // Old runs' databases are dropped so a machine never accumulates them; a run still going (its process, named in
  // the database's name, is alive: another checkout testing at the same time) keeps its database.
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`calapi_${label}_%`]);
  let otherRunsAlive = false;
  for (const row of rows) {
    if (isProcessAlive(Number(row.datname.split("_").at(-1)))) otherRunsAlive = true;
    else await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const databaseUrl = databaseUrlFor(name);
  await applyMigrations(databaseUrl);

  // A clean Redis (rate-limit windows, idempotency keys, caches), unless another run is using it right now.
  if (!otherRunsAlive) {
    const redis = new Redis(REDIS_URL);
    await redis.flushdb();
    redis.disconnect();
  }

  const proxy: NeonLocal = await startNeonLocal();
  const shim: UpstashShim = await startUpstashShim({ redisUrl: REDIS_URL });
  return {
    databaseUrl,
    wsProxy: `127.0.0.1:${proxy.port}`,
    upstashUrl: shim.url,
    upstashToken: shim.token,
    async stop() {
      await Promise.all([proxy.close(), shim.close()]);
    },
  };
}
