// The mixed run (issue 19): GET /v2/slots of 20 event types from 32 connections while bookings arrive at a steady
// rate on the same hosts, next to the bare Hono worker measured in the same run.
// - Fixture: 5 hosts (24/7 UTC schedule) × 4 event types (15, 30, 45, 60 minutes), all made through the API; each
//   event type is always asked the same 7-day window, as a booking widget asks it.
// - Rows: the bare worker; the 20 lookups alone (answered from memory after the first ask); the same lookups while
//   bookings arrive (each booking moves its host's SlotsVersion: that host's answers are computed again, the
//   others' re-checked against the database and served from memory).
// - Correctness: each booking takes a slot the booker's own lookup just offered; right after its 201, the host's
//   four event types are looked up again and none may offer a slot overlapping the booked time. Every lookup the
//   booker makes is also checked against all bookings whose 201 arrived before it was sent: one offering such a
//   slot is a violation.
// Alone: `npx tsx bench/mixed.ts` (NO_BUILD=1 reuses the bundles in bench/out); `npm run bench` runs it last.
import { pathToFileURL } from "node:url";
import { attendee, call, seedHost } from "./bookings.ts";
import { buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { type LoadResult, load, waitForHttp } from "./lib/load.ts";
import { startWorkerd } from "./lib/workerd.ts";

const DAY = 86_400_000;
const HOSTS = 5;
const LENGTHS_MINUTES = [15, 30, 45, 60];
const WINDOW_DAYS = 7;
const BOOKINGS_PER_SECOND = Number(process.env.MIXED_BOOKINGS_PER_SECOND ?? 5);
const SLOTS_HEADERS = { "cal-api-version": "2024-09-04" };
const BOOKING_HEADERS = { "cal-api-version": "2024-08-13", "content-type": "application/json" };

interface Interval {
  start: number;
  end: number;
}

interface MixedEventType {
  id: number;
  lengthMs: number;
  /** The lookup a widget of this event type makes, always the same window. */
  path: string;
  host: MixedHost;
}

interface MixedHost {
  userId: number;
  eventTypes: MixedEventType[];
  /** Bookings answered 201, in the order their answers arrived. */
  confirmed: Interval[];
  /** Times the booker has asked for and not yet been answered: two bookings in flight never want the same time. */
  inFlight: Interval[];
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;
const isoDate = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

/** 5 hosts × 4 event types through the API; lookups ask days 2–8 from now (UTC), where every slot is in the future. */
export async function seedMixedFixture(baseUrl: string, databaseUrl: string): Promise<MixedHost[]> {
  const firstDay = Math.ceil((Date.now() + 2 * DAY) / DAY) * DAY;
  const window = `start=${isoDate(firstDay)}&end=${isoDate(firstDay + (WINDOW_DAYS - 1) * DAY)}`;
  const hosts: MixedHost[] = [];
  for (let h = 0; h < HOSTS; h++) {
    const [firstLength, ...otherLengths] = LENGTHS_MINUTES;
    const seeded = await seedHost(baseUrl, databaseUrl, 2000 + h, { lengthInMinutes: firstLength });
    const host: MixedHost = { userId: seeded.userId, eventTypes: [], confirmed: [], inFlight: [] };
    const add = (id: number, minutes: number) => host.eventTypes.push({ id, lengthMs: minutes * 60_000, path: `/v2/slots?eventTypeId=${id}&${window}`, host });
    add(seeded.eventTypeId, firstLength!);
    for (const minutes of otherLengths) {
      const created = await call(`${baseUrl}/v2/event-types`, {
        method: "POST",
        headers: { authorization: `Bearer ${seeded.apiKey}`, "content-type": "application/json", "cal-api-version": "2024-06-14" },
        body: JSON.stringify({ title: `Mixed ${minutes}`, slug: `mixed-${h}-${minutes}-${Date.now()}`, lengthInMinutes: minutes, minimumBookingNotice: 0 }),
      });
      if (created.status !== 201) throw new Error(`event type: ${created.status} ${JSON.stringify(created.body)}`);
      add(created.body.data.id, minutes);
    }
    hosts.push(host);
  }
  return hosts;
}

interface BookerTally {
  statuses: Record<string, number>;
  bookingMs: number[];
  /** Bookings whose slot no lookup of the host's event types offered right after the 201. */
  goneFromNextLookup: number;
  /** Lookups sent after some booking's 201 that still offered a slot overlapping it. */
  violations: string[];
  checkedLookups: number;
  noFreeSlot: number;
  errors: string[];
}

/**
 * A lookup by the booker, checked: the slots it offers must not overlap any booking of the host answered 201 before
 * it was sent. Returns the offered slots.
 */
async function checkedLookup(baseUrl: string, eventType: MixedEventType, tally: BookerTally): Promise<Interval[]> {
  const bookedBefore = [...eventType.host.confirmed];
  const res = await call(`${baseUrl}${eventType.path}`, { headers: SLOTS_HEADERS });
  if (res.status !== 200) throw new Error(`GET ${eventType.path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const offered = (Object.values(res.body.data) as Array<Array<{ start: string }>>)
    .flat()
    .map((slot) => ({ start: Date.parse(slot.start), end: Date.parse(slot.start) + eventType.lengthMs }));
  tally.checkedLookups++;
  for (const booking of bookedBefore) {
    const stale = offered.find((slot) => overlaps(slot, booking));
    if (stale) {
      tally.violations.push(
        `event type ${eventType.id} offered ${new Date(stale.start).toISOString()} after the 201 of ${new Date(booking.start).toISOString()}–${new Date(booking.end).toISOString()}`,
      );
    }
  }
  return offered;
}

let bookers = 0;

/** One booking: look up, take an offered slot, book it, then look up every event type of the host again. */
async function bookAndCheck(baseUrl: string, eventType: MixedEventType, tally: BookerTally) {
  const host = eventType.host;
  const offered = await checkedLookup(baseUrl, eventType, tally);
  const free = offered.filter((slot) => !host.inFlight.some((wanted) => overlaps(slot, wanted)));
  if (free.length === 0) {
    tally.noFreeSlot++;
    return;
  }
  const slot = free[Math.floor(Math.random() * free.length)]!;
  host.inFlight.push(slot);
  const started = performance.now();
  const res = await call(`${baseUrl}/v2/bookings`, {
    method: "POST",
    headers: BOOKING_HEADERS,
    body: JSON.stringify({ eventTypeId: eventType.id, start: new Date(slot.start).toISOString(), attendee: attendee(300_000 + bookers++) }),
  });
  tally.bookingMs.push(performance.now() - started);
  tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
  if (res.status === 201) host.confirmed.push(slot);
  host.inFlight.splice(host.inFlight.indexOf(slot), 1);
  if (res.status !== 201) return;
  const next = await Promise.all(host.eventTypes.map((other) => checkedLookup(baseUrl, other, tally)));
  if (!next.some((offered) => offered.some((other) => overlaps(other, slot)))) tally.goneFromNextLookup++;
}

/** Starts a booking every 1/rate seconds for `seconds` (open loop: a slow answer does not delay the next start). */
async function runBooker(baseUrl: string, hosts: MixedHost[], seconds: number, tally: BookerTally): Promise<BookerTally> {
  // Consecutive bookings go to different hosts: host k % 5, its event types in turn.
  const order = LENGTHS_MINUTES.flatMap((_, t) => hosts.map((host) => host.eventTypes[t]!));
  const startedAt = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let k = 0; performance.now() - startedAt < seconds * 1000; k++) {
    inFlight.push(bookAndCheck(baseUrl, order[k % order.length]!, tally).catch((error: unknown) => void tally.errors.push(String(error))));
    await sleep(startedAt + ((k + 1) * 1000) / BOOKINGS_PER_SECOND - performance.now());
  }
  await Promise.all(inFlight);
  return tally;
}

export interface MixedBenchReport {
  rows: LoadResult[];
  bare: LoadResult;
  /** Checked like the others; `tally` counts them too. */
  warmupBookings: number;
  tally: BookerTally;
  /** Booking latencies during the measured load only. */
  bookingMs: number[];
}

/** Bare, the lookups alone, then the lookups while bookings arrive; `hosts` from seedMixedFixture. */
export async function runMixedBench(
  apiUrl: string,
  bareUrl: string,
  hosts: MixedHost[],
  options: { seconds: number; connections: number },
): Promise<MixedBenchReport> {
  const paths = hosts.flatMap((host) => host.eventTypes.map((eventType) => eventType.path));
  const lookups = { ...options, headers: SLOTS_HEADERS, paths };
  await load("warmup", apiUrl, { ...lookups, seconds: 2, connections: 4 });
  // Bookings warm up too (the first ones in an isolate build its Prisma session client); they are checked as well.
  const tally: BookerTally = { statuses: {}, bookingMs: [], goneFromNextLookup: 0, violations: [], checkedLookups: 0, noFreeSlot: 0, errors: [] };
  await runBooker(apiUrl, hosts, 2, tally);
  const warmupBookings = tally.statuses[201] ?? 0;
  const warmupAnswers = tally.bookingMs.length;
  const bare = await load("bare Hono JSON", bareUrl, options);
  const alone = await load("GET /v2/slots, 20 event types, no bookings (answers from memory)", apiUrl, lookups);
  const [mixed] = await Promise.all([
    load(`GET /v2/slots, 20 event types, while ${BOOKINGS_PER_SECOND} bookings/s arrive (memory; a booked host's answers computed again)`, apiUrl, lookups),
    runBooker(apiUrl, hosts, options.seconds, tally),
  ]);
  return { rows: [alone, mixed], bare, tally, warmupBookings, bookingMs: tally.bookingMs.slice(warmupAnswers) };
}

/** Prints the rows and the correctness check like the other sections of `npm run bench`. */
export async function reportMixedBench(apiUrl: string, bareUrl: string, databaseUrl: string, options: { seconds: number; connections: number }) {
  const hosts = await seedMixedFixture(apiUrl, databaseUrl);
  const { rows, bare, tally, warmupBookings, bookingMs } = await runMixedBench(apiUrl, bareUrl, hosts, options);
  const table = [bare, ...rows].map((r) => ({
    target: r.name,
    "req/s": r.requestsPerSecond,
    "p50 ms": r.p50Ms,
    "p99 ms": r.p99Ms,
    "vs bare": `${((r.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)}%`,
    "non-2xx": r.non2xx,
    errors: r.errors,
  }));
  console.table(table);
  const latencies = [...bookingMs].sort((a, b) => a - b);
  const bookings = tally.statuses[201] ?? 0;
  const check = {
    bookingsPerSecond: BOOKINGS_PER_SECOND,
    bookings,
    warmupBookings,
    statuses: tally.statuses,
    bookingP50Ms: Math.round(percentile(latencies, 50)),
    bookingP99Ms: Math.round(percentile(latencies, 99)),
    goneFromNextLookup: tally.goneFromNextLookup,
    checkedLookups: tally.checkedLookups,
    violations: tally.violations.length,
    noFreeSlot: tally.noFreeSlot,
    errors: tally.errors.length,
  };
  console.log(
    `mixed: ${bookings} bookings (${warmupBookings} of them in the 2 s warm-up; ${JSON.stringify(tally.statuses)}; under load p50 ${check.bookingP50Ms} ms, p99 ${check.bookingP99Ms} ms), ` +
      `${tally.goneFromNextLookup} slots gone from the next lookup, ${tally.violations.length} violations in ${tally.checkedLookups} checked lookups`,
  );
  for (const line of [...tally.violations, ...tally.errors].slice(0, 10)) console.log(`  ${line}`);
  console.log(JSON.stringify({ bench: "mixed", ...options, hosts: HOSTS, eventTypes: HOSTS * LENGTHS_MINUTES.length, results: table, check }));
  return check;
}

async function main() {
  const apiPort = Number(process.env.BENCH_API_PORT ?? 8801);
  const barePort = Number(process.env.BENCH_BARE_PORT ?? 8802);
  if (process.env.NO_BUILD !== "1") buildBundles();
  const { infra, spec } = await prepareBenchApi(process.env.BENCH_LABEL ?? "mixed");
  const workerd = startWorkerd([spec(apiPort), { name: "bare", bundleDir: `${OUT}/bare`, port: barePort }], OUT);
  let check: { violations: number; errors: number } | undefined;
  try {
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitForHttp(`${apiUrl}/health`);
    await waitForHttp(`http://127.0.0.1:${barePort}/`);
    const options = { seconds: Number(process.env.BENCH_SECONDS ?? 10), connections: Number(process.env.BENCH_CONNECTIONS ?? 32) };
    check = await reportMixedBench(apiUrl, `http://127.0.0.1:${barePort}/`, infra.databaseUrl, options);
  } finally {
    workerd.kill("SIGTERM");
    await Promise.race([infra.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  process.exit(check && check.violations === 0 && check.errors === 0 ? 0 : 1);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) await main();
