// Booking creation under `workerd serve` against the real database: an uncontended run (many hosts, every
// request a free slot) for throughput and latency, and a contended run (many bookers racing for a few slots)
// that must end with exactly one booking per slot and no overlapping bookings at all, checked with SQL.
import pg from "pg";
import { seedUserWithApiKey } from "../scripts/lib/seed.ts";

const VERSION = { "cal-api-version": "2024-08-13", "content-type": "application/json" };

interface Sample {
  status: number;
  ms: number;
}

export interface BookingBenchResult {
  run: string;
  requests: number;
  "req/s": number;
  "p50 ms": number;
  "p99 ms": number;
  "201": number;
  "409": number;
  other: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

function summarise(run: string, samples: Sample[], seconds: number): BookingBenchResult {
  const latencies = samples.map((s) => s.ms).sort((a, b) => a - b);
  const count = (status: number) => samples.filter((s) => s.status === status).length;
  return {
    run,
    requests: samples.length,
    "req/s": Math.round(samples.length / seconds),
    "p50 ms": Math.round(percentile(latencies, 50)),
    "p99 ms": Math.round(percentile(latencies, 99)),
    "201": count(201),
    "409": count(409),
    other: samples.length - count(201) - count(409),
  };
}

export async function call(url: string, init: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A host with a 24/7 UTC schedule and a 15-minute event type without notice (plus `eventTypeFields`), through the API itself. */
export async function seedHost(baseUrl: string, databaseUrl: string, index: number, eventTypeFields: Record<string, unknown> = {}) {
  const tenant = await seedUserWithApiKey(databaseUrl, { email: `bench-host-${index}-${Date.now()}@example.com`, timeZone: "UTC" });
  const headers = { authorization: `Bearer ${tenant.apiKey}`, "content-type": "application/json" };
  const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  const schedule = await call(`${baseUrl}/v2/schedules`, {
    method: "POST",
    headers: { ...headers, "cal-api-version": "2024-06-11" },
    body: JSON.stringify({ name: "Always", timeZone: "UTC", isDefault: true, availability: [{ days, startTime: "00:00", endTime: "23:59" }] }),
  });
  if (schedule.status !== 201) throw new Error(`schedule: ${schedule.status} ${JSON.stringify(schedule.body)}`);
  const eventType = await call(`${baseUrl}/v2/event-types`, {
    method: "POST",
    headers: { ...headers, "cal-api-version": "2024-06-14" },
    body: JSON.stringify({ title: "Bench", slug: `bench-${index}-${Date.now()}`, lengthInMinutes: 15, minimumBookingNotice: 0, ...eventTypeFields }),
  });
  if (eventType.status !== 201) throw new Error(`event type: ${eventType.status} ${JSON.stringify(eventType.body)}`);
  return { userId: tenant.userId, eventTypeId: eventType.body.data.id as number, apiKey: tenant.apiKey };
}

/** `connections` workers loop for `seconds`, each request built by `next(i)`. */
export async function drive(url: string, seconds: number, connections: number, next: (i: number) => unknown): Promise<Sample[]> {
  const samples: Sample[] = [];
  const stopAt = Date.now() + seconds * 1000;
  let counter = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < stopAt) {
        const body = JSON.stringify(next(counter++));
        const started = performance.now();
        const res = await fetch(url, { method: "POST", headers: VERSION, body });
        await res.arrayBuffer();
        samples.push({ status: res.status, ms: performance.now() - started });
      }
    }),
  );
  return samples;
}

export const attendee = (i: number) => ({ name: `Bench Booker ${i}`, email: `booker-${i}@example.com`, timeZone: "UTC" });

/** The first quarter-hour slots from midnight UTC a week ahead: every quarter hour but 23:45 (the schedule ends at 23:59). */
const SLOTS_BASE = Math.ceil((Date.now() + 7 * 86_400_000) / 86_400_000) * 86_400_000;
function slotAt(k: number): string {
  const base = SLOTS_BASE;
  return new Date(base + Math.floor(k / 95) * 86_400_000 + (k % 95) * 900_000).toISOString();
}

/**
 * Booking bodies spread over `hosts`, each a free slot: one counter for host and slot, so a warm-up and the run
 * that follows never pick the same slot of a host.
 */
export function freeSlotBookings(hosts: readonly { eventTypeId: number }[]): (i: number) => unknown {
  let k = 0;
  return (i) => {
    const n = k++;
    return { eventTypeId: hosts[n % hosts.length]!.eventTypeId, start: slotAt(Math.floor(n / hosts.length)), attendee: attendee(i) };
  };
}

export async function runBookingBench(
  baseUrl: string,
  databaseUrl: string,
  options: { seconds: number; connections: number },
  /** CPU time (ms) of the process serving the API so far, to report Worker CPU per booking. */
  serverCpuMs?: () => number,
) {
  const url = `${baseUrl}/v2/bookings`;
  const slot = slotAt;

  // Uncontended: requests spread over 16 hosts, each request its own slot.
  const hosts: { userId: number; eventTypeId: number }[] = [];
  for (let i = 0; i < 16; i++) hosts.push(await seedHost(baseUrl, databaseUrl, i));
  // Warm-up: compiles Prisma's wasm in the isolate and opens the first connections.
  const nextFreeSlot = freeSlotBookings(hosts);
  await drive(url, 2, 4, nextFreeSlot);
  const cpuBefore = serverCpuMs?.();
  const uncontended = await drive(url, options.seconds, options.connections, nextFreeSlot);
  const cpuPerBookingMs = cpuBefore === undefined ? undefined : (serverCpuMs!() - cpuBefore) / Math.max(1, uncontended.length);

  // Contended: every booker races for one of 4 slots of one host.
  const contendedHost = await seedHost(baseUrl, databaseUrl, 99);
  const slots = Array.from({ length: 4 }, (_, i) => slot(i));
  const contendedSeconds = Math.max(3, Math.round(options.seconds / 2));
  const contended = await drive(url, contendedSeconds, options.connections, (i) => ({
    eventTypeId: contendedHost.eventTypeId,
    start: slots[i % slots.length],
    attendee: attendee(100_000 + i),
  }));

  // The database, not the responses, is the judge: one accepted booking per raced slot, and no two accepted
  // bookings of any host overlapping anywhere.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let check: { contendedSlots: number; bookingsPerSlot: number[]; overlappingPairs: number };
  try {
    const perSlot = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Booking" WHERE "userId" = $1 AND status = 'accepted' GROUP BY "startTime" ORDER BY "startTime"`,
      [contendedHost.userId],
    );
    const overlaps = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Booking" a JOIN "Booking" b
         ON a."userId" = b."userId" AND a.id < b.id AND a.status = 'accepted' AND b.status = 'accepted'
        AND a."startTime" < b."endTime" AND b."startTime" < a."endTime"`,
    );
    check = { contendedSlots: slots.length, bookingsPerSlot: perSlot.rows.map((r) => r.n), overlappingPairs: overlaps.rows[0]!.n };
  } finally {
    await client.end();
  }
  return {
    cpuPerBookingMs,
    results: [
      summarise("POST /v2/bookings, uncontended (16 hosts)", uncontended, options.seconds),
      summarise("POST /v2/bookings, contended (4 slots)", contended, contendedSeconds),
    ],
    check,
  };
}

/** Runs both and prints them like the other sections of `npm run bench`. */
export async function reportBookingBench(baseUrl: string, databaseUrl: string, options: { seconds: number; connections: number }, serverCpuMs?: () => number) {
  const { results, check, cpuPerBookingMs } = await runBookingBench(baseUrl, databaseUrl, options, serverCpuMs);
  console.table(results);
  if (cpuPerBookingMs !== undefined) {
    console.log(`workerd CPU per uncontended booking (process user+system time / bookings): ${cpuPerBookingMs.toFixed(1)} ms`);
  }
  console.log(
    `contended slots: ${check.contendedSlots}, accepted bookings per slot: [${check.bookingsPerSlot.join(", ")}], overlapping accepted pairs (all hosts): ${check.overlappingPairs}`,
  );
  console.log(JSON.stringify({ bench: "bookings", ...options, cpuPerBookingMs, results, check }));
}
