// `npm run bench`: the production bundle under plain `workerd serve` against the real database and Redis,
// next to a bare Hono worker measured in the same run; reports requests/s and p50/p99 and the ratio.
// Never benchmark `wrangler dev` (7–20× slower than workerd serve).
import { readFileSync } from "node:fs";
import pg from "pg";
import { buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { load, waitForHttp, type LoadResult } from "./lib/load.ts";
import { seedSlotsFixture } from "./lib/slots-seed.ts";
import { seedOrgBookingsFixture } from "./lib/org-bookings-seed.ts";
import { seedTeamSlotsFixture } from "./lib/team-slots-seed.ts";
import { seedCalendarSlotsFixture, startIcsFeedServer } from "./lib/calendar-slots-seed.ts";
import { processCpuMs, startWorkerd } from "./lib/workerd.ts";
import { reportBookingBench } from "./bookings.ts";
import { reportColdStartBench } from "./cold-start.ts";
import { reportMixedBench } from "./mixed.ts";
import { runEngineBench } from "./slots-engine.ts";
import { runTeamEngineBenches } from "./team-slots-engine.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
// Overridable so two benches on one machine do not collide (ports, and the database label startTestInfra reuses).
const API_PORT = Number(process.env.BENCH_API_PORT ?? 8801);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 8802);
const CALENDAR_API_PORT = Number(process.env.BENCH_CALENDAR_API_PORT ?? 8803);
// The benchmarks' own 32-character CALENDSO_ENCRYPTION_KEY (the ICS credential is stored encrypted, as Cal.com does).
const BENCH_ENCRYPTION_KEY = "bench-encryption-key-0123456789a";
const LABEL = process.env.BENCH_LABEL ?? "bench";
const ratio = (result: LoadResult, bare: LoadResult) => `${((result.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)}%`;

async function main() {
  // The slot engine alone (pure CPU): 1 host × 30 days across a DST change, 200 busy intervals.
  const engine = runEngineBench();
  console.log(`slot engine: p50 ${engine.p50_ms} ms, p99 ${engine.p99_ms} ms (${engine.slots} slots, ${engine.iterations} runs)`);
  console.log(JSON.stringify(engine));
  // The same for a team event type: 1 host vs 10 hosts (round robin with a fixed host, collective), 30 days.
  for (const team of runTeamEngineBenches()) {
    console.log(`team slot engine, ${team.hosts} host(s) ${team.schedulingType}: p50 ${team.p50_ms} ms, p99 ${team.p99_ms} ms (${team.slots} slots)`);
    console.log(JSON.stringify(team));
  }

  console.error("building bundles (wrangler deploy --dry-run)…");
  buildBundles();
  const { infra, tenant, spec } = await prepareBenchApi(LABEL);
  // GET /v2/slots: a New York host, 30-minute event type, ~200 bookings, 30 days across a DST change, public call.
  const slotsFixture = await seedSlotsFixture(infra.databaseUrl, tenant.userId);
  console.error(`slots fixture: ${slotsFixture.bookings} bookings, ${slotsFixture.windowStart} → ${slotsFixture.windowEnd}`);
  // GET /v2/slots for a 10-host round-robin team event type (one fixed host), by team slug, 200 bookings.
  const teamFixture = await seedTeamSlotsFixture(infra.databaseUrl);
  console.error(`team slots fixture: ${teamFixture.hosts} hosts, ${teamFixture.bookings} bookings`);
  // GET /v2/organizations/{orgId}/bookings: 10 000 bookings in 50 teams, read by the org's owner.
  const orgBookings = await seedOrgBookingsFixture(infra.databaseUrl);
  console.error(`org bookings fixture: ${orgBookings.bookings} bookings in ${orgBookings.teams} teams`);
  // GET /v2/slots of a host with a connected calendar: the same slots fixture plus a selected ICS feed served by a
  // local fake with a fixed 100 ms latency. Served by a second worker of the same bundle whose only differences
  // are the encryption key and ENVIRONMENT=development with WEBHOOK_ALLOW_LOOPBACK (a production worker refuses
  // loopback feed URLs, as it must).
  const feed = await startIcsFeedServer(100);
  const calendarFixture = await seedCalendarSlotsFixture(infra.databaseUrl, feed.url, BENCH_ENCRYPTION_KEY);
  // BENCH_APPLY_SQL=<file>: runs that SQL once the fixtures are in (e.g. an older migration, to compare a function).
  if (process.env.BENCH_APPLY_SQL) {
    const admin = new pg.Client({ connectionString: infra.databaseUrl });
    await admin.connect();
    await admin.query(readFileSync(process.env.BENCH_APPLY_SQL, "utf8")).finally(() => admin.end());
    console.error(`applied ${process.env.BENCH_APPLY_SQL}`);
  }
  const apiSpec = spec(API_PORT);
  const calendarSpec = {
    ...spec(CALENDAR_API_PORT),
    name: "apicalendars",
    bindings: { ...apiSpec.bindings, ENVIRONMENT: "development", WEBHOOK_ALLOW_LOOPBACK: "true", CALENDSO_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY },
  };
  // Bundle sizes and cold starts (workerd started anew per request) while the ports are still free.
  await reportColdStartBench({ apiSpec, barePort: BARE_PORT, apiKey: tenant.apiKey, slotsPath: slotsFixture.path });
  const workerd = startWorkerd([apiSpec, calendarSpec, { name: "bare", bundleDir: `${OUT}/bare`, port: BARE_PORT }], OUT);
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
    const teamSlotsUrl = `http://127.0.0.1:${API_PORT}${teamFixture.path}`;
    const teamProbe = await fetch(teamSlotsUrl, { headers: slotsHeaders });
    if (teamProbe.status !== 200) throw new Error(`GET /v2/slots (team) answered ${teamProbe.status}: ${await teamProbe.text()}`);
    const teamBody = (await teamProbe.json()) as { data?: Record<string, unknown[]> };
    console.error(`GET /v2/slots (team): ${Object.values(teamBody.data ?? {}).flat().length} slots`);

    await waitForHttp(`http://127.0.0.1:${CALENDAR_API_PORT}/health`);
    const calendarSlots = await calendarSlotsFresh(calendarFixture, feed, slotsHeaders);
    const calendarSlotsUrl = `http://127.0.0.1:${CALENDAR_API_PORT}${calendarFixture.path}`;
    await load("warmup", calendarSlotsUrl, { seconds: 2, connections: 4, headers: slotsHeaders });

    const bookingsHeaders = { ...auth, "cal-api-version": "2024-08-13" };
    const orgBookingsUrl = `http://127.0.0.1:${API_PORT}${orgBookings.path}`;
    const orgAuth = { authorization: `Bearer ${orgBookings.apiKey}` };
    const orgProbe = await fetch(orgBookingsUrl, { headers: orgAuth });
    const orgProbeBody = (await orgProbe.json()) as { pagination?: { totalItems: number } };
    if (orgProbe.status !== 200) throw new Error(`GET ${orgBookings.path} answered ${orgProbe.status}`);
    console.error(`GET ${orgBookings.path}: ${orgProbeBody.pagination?.totalItems} bookings in all`);
    await load("warmup", orgBookingsUrl, { seconds: 2, connections: 4, headers: orgAuth });

    const opts = { seconds: SECONDS, connections: CONNECTIONS };
    const bare = await load("bare Hono JSON", `http://127.0.0.1:${BARE_PORT}/`, opts);
    const results = [
      await load("GET /health (db + redis)", `http://127.0.0.1:${API_PORT}/health`, opts),
      await load("GET /v2/me (API key, db)", `http://127.0.0.1:${API_PORT}/v2/me`, { ...opts, headers: auth }),
      await load("GET /v2/slots (30 days, DST, 200 bookings)", slotsUrl, { ...opts, headers: slotsHeaders }),
      // The same question computed on every request (a reschedule lookup is never answered from memory; the
      // uid matches no booking, so the slots are the same): what a cache miss costs.
      await load("GET /v2/slots, computed every time", `${slotsUrl}&bookingUidToReschedule=bench-no-such-booking`, { ...opts, headers: slotsHeaders }),
      // Bookings lists, one page of 100: the single user's (~200 bookings) and an organization's (10 000 in 50 teams).
      await load("GET /v2/bookings (1 user, 200 bookings)", `http://127.0.0.1:${API_PORT}/v2/bookings`, { ...opts, headers: bookingsHeaders }),
      await load("GET /v2/organizations/{orgId}/bookings (10 000)", orgBookingsUrl, { ...opts, headers: orgAuth }),
      await load("GET /v2/slots team RR 10 hosts (30 days)", teamSlotsUrl, { ...opts, headers: slotsHeaders }),
      await load("GET /v2/slots team RR 10 hosts, computed", `${teamSlotsUrl}&bookingUidToReschedule=bench-no-such-booking`, {
        ...opts,
        headers: slotsHeaders,
      }),
    ];
    // Warm again right before (the loads above took longer than the calendar entry's 60 s): like the other rows,
    // the repeated row measures repeats; the first lookup's cost is the "fresh" figure.
    await load("warmup", calendarSlotsUrl, { seconds: 2, connections: 4, headers: slotsHeaders });
    // The plain slots fixture through the same second worker: the calendar rows' baseline (same isolate conditions).
    const plainOnCalendarWorker = `http://127.0.0.1:${CALENDAR_API_PORT}${slotsFixture.path}`;
    await load("warmup", plainOnCalendarWorker, { seconds: 2, connections: 4, headers: slotsHeaders });
    results.push(await load("GET /v2/slots, no calendar, repeated (second worker)", plainOnCalendarWorker, { ...opts, headers: slotsHeaders }));
    const feedBefore = feed.requests();
    results.push(await load("GET /v2/slots, connected calendar (ICS 100 ms), repeated", calendarSlotsUrl, { ...opts, headers: slotsHeaders }));
    results.push(
      await load("GET /v2/slots, connected calendar, computed every time", `${calendarSlotsUrl}&bookingUidToReschedule=bench-no-such-booking`, {
        ...opts,
        headers: slotsHeaders,
      }),
    );
    console.error(`connected calendar: ${feed.requests() - feedBefore} provider calls during the two loads above (${2 * SECONDS} s)`);
    console.log(JSON.stringify({ bench: "calendar-slots-fresh", ...calendarSlots }));
    console.error(
      `GET /v2/slots, connected calendar, fresh (each lookup a new window: the provider is called): p50 ${calendarSlots.p50Ms} ms, p99 ${calendarSlots.p99Ms} ms over ${calendarSlots.lookups} lookups, ${calendarSlots.providerCalls} provider calls`,
    );
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
    await reportBookingBench(`http://127.0.0.1:${API_PORT}`, infra.databaseUrl, opts, () => processCpuMs(workerd.pid!));
    // Slot lookups of 20 event types while bookings arrive on their hosts, with its own bare row measured right before.
    await reportMixedBench(`http://127.0.0.1:${API_PORT}`, `http://127.0.0.1:${BARE_PORT}/`, infra.databaseUrl, opts);
  } finally {
    workerd.kill("SIGTERM");
    await feed.close();
    // Stopping the infrastructure hung on connections a draining workerd kept open (the stand-ins now drop them on
    // close: README "Computed lookups at a million bookings"); still bounded, so a bench never hangs on its exit.
    await Promise.race([infra.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
}

/**
 * GET /v2/slots of the calendar host when its calendar must be read from the provider: one lookup at a time, each
 * a 7-day window not asked before (its calendar entry is new), so every lookup waits for the 100 ms feed.
 */
async function calendarSlotsFresh(
  fixture: { path: string; windowStart: string },
  feed: { requests(): number },
  headers: Record<string, string>,
): Promise<{ lookups: number; p50Ms: number; p99Ms: number; providerCalls: number }> {
  const url = new URL(`http://127.0.0.1:${CALENDAR_API_PORT}${fixture.path}`);
  const first = Date.parse(fixture.windowStart);
  const before = feed.requests();
  const latencies: number[] = [];
  const lookups = 20;
  for (let i = 0; i < lookups; i++) {
    url.searchParams.set("start", new Date(first + i * 86_400_000).toISOString().slice(0, 10));
    url.searchParams.set("end", new Date(first + (i + 6) * 86_400_000).toISOString().slice(0, 10));
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.text();
    if (res.status !== 200) throw new Error(`GET /v2/slots (calendar host) answered ${res.status}`);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  return { lookups, p50Ms: at(0.5), p99Ms: at(0.99), providerCalls: feed.requests() - before };
}

await main();
process.exit(0);
