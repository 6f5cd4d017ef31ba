// `npm run bench:race`: 1 000 booking attempts in 10-way races through the production bundle under plain
// `workerd serve`, against the real Postgres and Redis. 10 hosts, each with its own personal event type
// (8 ordinary 15-minute ones, 2 seated with 3 seats a slot), 10 slots each: 100 slots, and for every slot 10
// bookers start at the same instant (RACE_PARALLEL_SLOTS races run at a time). The database is the judge:
// no two accepted bookings of a host overlap, an ordinary slot holds exactly one booking, a seated one never
// more than its seats, and the 201s match the rows. Exits non-zero on any violation or any answer other than
// 201 / 409.
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import pg from "pg";
import { seedHost } from "./bookings.ts";
import { buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { waitForHttp } from "./lib/load.ts";
import { startWorkerd } from "./lib/workerd.ts";

const HOSTS = 10;
const SEATED_HOSTS = 2;
const SEATS = 3;
const SLOTS_PER_HOST = 10;
const RACERS = 10;
const PARALLEL = Number(process.env.RACE_PARALLEL_SLOTS ?? 4);
const PORT = Number(process.env.BENCH_API_PORT ?? 8811);
const LABEL = process.env.BENCH_LABEL ?? "race";
const HEADERS = { "cal-api-version": "2024-08-13", "content-type": "application/json" };

interface Attempt {
  host: number;
  slot: string;
  status: number;
  ms: number;
  message?: string;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

async function main() {
  console.error("building the bundle (wrangler deploy --dry-run)…");
  buildBundles();
  const { infra, spec } = await prepareBenchApi(LABEL);
  const workerd = startWorkerd([spec(PORT)], OUT);
  const failures: string[] = [];
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForHttp(`${base}/health`);
    const hosts: (Awaited<ReturnType<typeof seedHost>> & { seated: boolean })[] = [];
    for (let i = 0; i < HOSTS; i++) {
      const seated = i >= HOSTS - SEATED_HOSTS;
      const fields = seated ? { title: "Seated race", seats: { seatsPerTimeSlot: SEATS, showAttendeeInfo: false, showAvailabilityCount: true } } : {};
      hosts.push({ ...(await seedHost(base, infra.databaseUrl, i, fields)), seated });
    }
    // Midnight UTC a week ahead; each host's 10 slots are consecutive quarter hours from 09:00.
    const day = Math.ceil((Date.now() + 7 * 86_400_000) / 86_400_000) * 86_400_000;
    const slotStart = (k: number) => new Date(day + 9 * 3_600_000 + k * 900_000).toISOString();
    // Warm-up (Prisma's wasm, first connections): one booking per host on another day, outside the check.
    await Promise.all(
      hosts.map(async (host, i) => {
        const res = await fetch(`${base}/v2/bookings`, {
          method: "POST",
          headers: HEADERS,
          body: JSON.stringify({
            eventTypeId: host.eventTypeId,
            start: new Date(day + 86_400_000 + i * 900_000).toISOString(),
            attendee: attendee(`warm-${i}`),
          }),
        });
        if (res.status !== 201) throw new Error(`warm-up booking: ${res.status} ${await res.text()}`);
      }),
    );

    // Slot by slot across the hosts, so the races running at the same time are on different hosts: each host
    // sees one 10-way race at a time.
    const races = Array.from({ length: SLOTS_PER_HOST }, (_, k) =>
      hosts.map((host, h) => ({ host: h, eventTypeId: host.eventTypeId, start: slotStart(k) })),
    ).flat();
    const attempts: Attempt[] = [];
    const started = performance.now();
    // The machine's 1-minute load average every 5 s (2 cores, shared with whatever else runs).
    const loads: number[] = [];
    const loadAverage = () => Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
    loads.push(loadAverage());
    const loadTimer = setInterval(() => loads.push(loadAverage()), 5000);
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < races.length) {
          const race = races[next++]!;
          // All RACERS requests leave together.
          const results = await Promise.all(
            Array.from({ length: RACERS }, async (_, r) => {
              const t0 = performance.now();
              const res = await fetch(`${base}/v2/bookings`, {
                method: "POST",
                headers: HEADERS,
                body: JSON.stringify({ eventTypeId: race.eventTypeId, start: race.start, attendee: attendee(`h${race.host}-${race.start}-${r}`) }),
              });
              const text = await res.text();
              const ms = performance.now() - t0;
              let message: string | undefined;
              if (res.status !== 201) message = errorMessage(text);
              return { host: race.host, slot: race.start, status: res.status, ms, message };
            }),
          );
          attempts.push(...results);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(loadTimer);

    // Answers.
    const count = (status: number) => attempts.filter((a) => a.status === status).length;
    const others = attempts.filter((a) => a.status !== 201 && a.status !== 409);
    const otherAnswers = new Map<string, number>();
    for (const a of others) otherAnswers.set(`${a.status} ${a.message}`, (otherAnswers.get(`${a.status} ${a.message}`) ?? 0) + 1);
    if (others.length > 0) failures.push(`${others.length} answers neither 201 nor 409: ${JSON.stringify(others.slice(0, 5))}`);
    const latencies = attempts.map((a) => a.ms).sort((a, b) => a - b);
    const conflictMessages = new Map<string, number>();
    for (const a of attempts) if (a.status === 409) conflictMessages.set(a.message ?? "", (conflictMessages.get(a.message ?? "") ?? 0) + 1);

    // The database.
    const client = new pg.Client({ connectionString: infra.databaseUrl });
    await client.connect();
    let check: Record<string, unknown>;
    try {
      const userIds = hosts.map((h) => h.userId);
      const overlaps = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Booking" a JOIN "Booking" b
           ON a."userId" = b."userId" AND a.id < b.id AND a.status = 'accepted' AND b.status = 'accepted'
          AND a."startTime" < b."endTime" AND b."startTime" < a."endTime"
         WHERE a."userId" = ANY($1)`,
        [userIds],
      );
      const perSlot = await client.query<{ userId: number; startTime: Date; bookings: number; attendees: number; seats: number }>(
        `SELECT b."userId", b."startTime", count(DISTINCT b.id)::int AS bookings, count(DISTINCT a.id)::int AS attendees, count(DISTINCT s.id)::int AS seats
           FROM "Booking" b LEFT JOIN "Attendee" a ON a."bookingId" = b.id LEFT JOIN "BookingSeat" s ON s."bookingId" = b.id
          WHERE b."userId" = ANY($1) AND b.status = 'accepted' AND b."startTime" >= $2 AND b."startTime" < $3
          GROUP BY b."userId", b."startTime"`,
        [userIds, new Date(day), new Date(day + 86_400_000)],
      );
      const seatedIds = new Set(hosts.filter((h) => h.seated).map((h) => h.userId));
      let accepted = 0;
      const raced = new Set(races.map((r) => `${hosts[r.host]!.userId}|${r.start}`));
      for (const row of perSlot.rows) {
        const key = `${row.userId}|${row.startTime.toISOString()}`;
        if (!raced.has(key)) failures.push(`a booking outside the raced slots: ${key}`);
        raced.delete(key);
        if (row.bookings !== 1) failures.push(`${row.bookings} accepted bookings at ${key}`);
        if (seatedIds.has(row.userId)) {
          if (row.seats > SEATS || row.attendees > SEATS) failures.push(`${row.seats} seats / ${row.attendees} attendees at ${key} (limit ${SEATS})`);
          if (row.seats !== row.attendees) failures.push(`seats ${row.seats} ≠ attendees ${row.attendees} at ${key}`);
          accepted += row.seats;
        } else {
          if (row.attendees !== 1) failures.push(`${row.attendees} attendees at ${key}`);
          accepted += 1;
        }
      }
      if (raced.size > 0) failures.push(`${raced.size} raced slots ended without a booking`);
      if (overlaps.rows[0]!.n !== 0) failures.push(`${overlaps.rows[0]!.n} overlapping accepted pairs`);
      if (accepted !== count(201)) failures.push(`${count(201)} answers 201 but ${accepted} bookings/seats in the database`);
      const seatedFull = perSlot.rows.filter((r) => seatedIds.has(r.userId) && r.seats === SEATS).length;
      check = {
        overlappingAcceptedPairs: overlaps.rows[0]!.n,
        slotsBooked: perSlot.rows.length,
        acceptedSeatsOrBookings: accepted,
        seatedSlotsFull: `${seatedFull}/${SEATED_HOSTS * SLOTS_PER_HOST}`,
        maxSeatsInASlot: Math.max(0, ...perSlot.rows.filter((r) => seatedIds.has(r.userId)).map((r) => r.seats)),
      };
    } finally {
      await client.end();
    }

    const summary = {
      bench: "race",
      attempts: attempts.length,
      slots: races.length,
      racers: RACERS,
      parallelRaces: PARALLEL,
      seconds: Number(seconds.toFixed(1)),
      "201": count(201),
      "409": count(409),
      other: others.length,
      "p50 ms": Math.round(percentile(latencies, 50)),
      "p99 ms": Math.round(percentile(latencies, 99)),
      conflictMessages: Object.fromEntries(conflictMessages),
      otherAnswers: Object.fromEntries(otherAnswers),
      check,
      machine: { cores: availableParallelism(), loadAverage: { min: Math.min(...loads), max: Math.max(...loads) } },
      violations: failures.length,
    };
    console.log(
      `${summary.attempts} attempts on ${summary.slots} slots in ${summary.seconds} s: ${summary["201"]} × 201, ${summary["409"]} × 409, ${summary.other} other; p50 ${summary["p50 ms"]} ms, p99 ${summary["p99 ms"]} ms`,
    );
    console.log(JSON.stringify(summary));
  } finally {
    workerd.kill("SIGTERM");
    await Promise.race([infra.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  if (failures.length > 0) {
    console.error(`VIOLATIONS (${failures.length}):\n${failures.slice(0, 50).join("\n")}`);
    process.exit(1);
  }
  console.log("race: no violations");
}

function errorMessage(text: string): string {
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200); // workerd's own plain-text 500 when the Worker throws past its error handler
  }
}

function attendee(tag: string) {
  return { name: `Racer ${tag}`, email: `racer-${tag.replace(/[^a-z0-9-]/gi, "")}@example.com`, timeZone: "UTC" };
}

await main();
process.exit(0);
