// `npx tsx bench/statements.ts`: the SQL statements one uncontended POST /v2/bookings makes, read from Postgres'
// own log (log_statement = all for the bench database while the booking runs), under the production bundle.
import { readFileSync, statSync } from "node:fs";
import pg from "pg";
import { freeSlotBookings, seedHost } from "./bookings.ts";
import { buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { waitForHttp } from "./lib/load.ts";
import { startWorkerd } from "./lib/workerd.ts";

const LOG = process.env.PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";
const PORT = 8831;
buildBundles();
const { infra, spec } = await prepareBenchApi("statements");
const workerd = startWorkerd([spec(PORT)], OUT);
const base = `http://127.0.0.1:${PORT}`;
const admin = new pg.Client({ connectionString: infra.databaseUrl });
await admin.connect();
try {
  await waitForHttp(`${base}/health`);
  const hosts = [await seedHost(base, infra.databaseUrl, 0)];
  const next = freeSlotBookings(hosts);
  const book = async (i: number) => {
    const res = await fetch(`${base}/v2/bookings`, {
      method: "POST",
      headers: { "cal-api-version": "2024-08-13", "content-type": "application/json" },
      body: JSON.stringify(next(i)),
    });
    await res.text();
    return res.status;
  };
  await book(0); // warm
  // System-wide and reloaded: the stand-in's HTTP pool keeps its connections, which a per-database setting misses.
  await admin.query("ALTER SYSTEM SET log_statement = 'all'");
  await admin.query("SELECT pg_reload_conf()");
  await new Promise((r) => setTimeout(r, 300));
  const from = statSync(LOG).size;
  const status = await book(1);
  await new Promise((r) => setTimeout(r, 1500)); // after-response work
  await admin.query("ALTER SYSTEM RESET log_statement");
  await admin.query("SELECT pg_reload_conf()");
  // Each entry starts with a timestamp; a statement's continuation lines do not.
  const lines = readFileSync(LOG, "utf8")
    .slice(from)
    .split(/\n(?=\d{4}-\d\d-\d\d )/)
    .filter((entry) => /LOG: {2}(statement|execute)/.test(entry) && !entry.includes("pg_reload_conf") && !entry.includes("ALTER SYSTEM"))
    .map((entry) => entry.replace(/\s+/g, " "));
  console.log(`POST /v2/bookings → ${status}; ${lines.length} statements:`);
  for (const line of lines) console.log(line.replace(/^.*?(statement|execute[^:]*): /, "").slice(0, 220));
} finally {
  await admin.end();
  workerd.kill();
  await infra.stop();
  process.exit(0);
}
