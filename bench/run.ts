// `npm run bench`: the production bundle under plain `workerd serve` against the real database and Redis,
// next to a bare Hono worker measured in the same run; reports requests/s and p50/p99 and the ratio.
// Never benchmark `wrangler dev` (7–20× slower than workerd serve).
import { buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { load, waitForHttp, type LoadResult } from "./lib/load.ts";
import { seedSlotsFixture } from "./lib/slots-seed.ts";
import { seedOrgBookingsFixture } from "./lib/org-bookings-seed.ts";
import { seedTeamSlotsFixture } from "./lib/team-slots-seed.ts";
import { startWorkerd } from "./lib/workerd.ts";
import { reportBookingBench } from "./bookings.ts";
import { runEngineBench } from "./slots-engine.ts";
import { runTeamEngineBenches } from "./team-slots-engine.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
// Overridable so two benches on one machine do not collide (ports, and the database label startTestInfra reuses).
const API_PORT = Number(process.env.BENCH_API_PORT ?? 8801);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 8802);
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
  const workerd = startWorkerd([spec(API_PORT), { name: "bare", bundleDir: `${OUT}/bare`, port: BARE_PORT }], OUT);
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
    await reportBookingBench(`http://127.0.0.1:${API_PORT}`, infra.databaseUrl, opts);
  } finally {
    workerd.kill("SIGTERM");
    // Stopping the infrastructure has been seen to hang on a connection the load left open: bound it.
    await Promise.race([infra.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
}

await main();
process.exit(0);
