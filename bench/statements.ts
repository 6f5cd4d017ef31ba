// `npx tsx bench/statements.ts [path]`: the SQL statements one uncontended POST /v2/bookings makes (or, given a
// path such as /v2/me, three authenticated GETs of it 6 s apart: past the isolate's memory of the key), read from
// Postgres' own log (log_statement = all while the requests run), under the production bundle.
import { readFileSync, statSync } from "node:fs";
import pg from "pg";
import { freeSlotBookings, seedHost } from "./bookings.ts";
import { buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { waitForHttp } from "./lib/load.ts";
import { startWorkerd } from "./lib/workerd.ts";

const LOG = process.env.PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";
const PORT = 8831;
buildBundles();
const { infra, tenant, spec } = await prepareBenchApi("statements");
const path = process.argv[2];
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
  const database = (await admin.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
  await admin.query("ALTER SYSTEM SET log_statement = 'all'");
  // The database's name in each line: other databases of the machine are logged too.
  await admin.query("ALTER SYSTEM SET log_line_prefix = '%m [%p] db=%d '");
  await admin.query("SELECT pg_reload_conf()");
  await new Promise((r) => setTimeout(r, 300));
  const from = statSync(LOG).size;
  const statuses: number[] = [];
  if (path) {
    for (let i = 0; i < 3; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 6000));
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${tenant.apiKey}` } });
      await res.text();
      statuses.push(res.status);
    }
  } else {
    statuses.push(await book(1));
  }
  await new Promise((r) => setTimeout(r, 1500)); // after-response work
  await admin.query("ALTER SYSTEM RESET log_statement");
  await admin.query("ALTER SYSTEM RESET log_line_prefix");
  await admin.query("SELECT pg_reload_conf()");
  // Each entry starts with a timestamp; a statement's continuation lines do not.
  const lines = readFileSync(LOG, "utf8")
    .slice(from)
    .split(/\n(?=\d{4}-\d\d-\d\d )/)
    .filter((entry) => entry.includes(` db=${database} `) && /LOG: {2}(statement|execute)/.test(entry))
    .filter((entry) => !entry.includes("pg_reload_conf") && !entry.includes("ALTER SYSTEM"))
    .map((entry) => entry.replace(/\s+/g, " "));
  console.log(`${path ? `GET ${path} ×3` : "POST /v2/bookings"} → ${statuses.join(", ")}; ${lines.length} statements:`);
  for (const line of lines) console.log(line.replace(/^.*?(statement|execute[^:]*): /, "").slice(0, 220));
} finally {
  await admin.end();
  workerd.kill();
  await infra.stop();
  process.exit(0);
}
