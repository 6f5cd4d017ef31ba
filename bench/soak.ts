// `npm run bench:soak`: SOAK_SECONDS (default 600) of mixed load on the production bundle under plain
// `workerd serve`, against the real Postgres and Redis, with the webhook queue consumer running:
// - slot lookups over many event types and date windows (more distinct questions than the answer cache holds),
//   bookings, cancels, and /health, from SOAK_CONNECTIONS closed-loop clients;
// - every booking and cancel fires BOOKING_CREATED / BOOKING_CANCELLED to a webhook of the host, delivered
//   through the Worker's own queue handler to a local receiver (bench/lib/queue-broker.js stands in for
//   Cloudflare Queues; the receiver fails the first attempt of 1 delivery in 20 so retries are exercised);
// - every 5 s: workerd's RSS (/proc) and the isolate's caches against their bounds (GET /health with
//   HEALTH_MEMORY_STATS).
// Fails (exit 1) on any 5xx, on an answer cache beyond its bounds, on RSS growing more than 25% from the
// run's second fifth to its last tenth, or on a webhook delivery not received exactly once (one 2xx per
// delivery id, every delivery row delivered, one delivery per booking created and per booking cancelled).
import { createServer, type IncomingMessage } from "node:http";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import pg from "pg";
import { seedHost } from "./bookings.ts";
import { buildBundles, OUT, prepareBenchApi } from "./lib/api.ts";
import { waitForHttp } from "./lib/load.ts";
import { startWorkerd } from "./lib/workerd.ts";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 6);
const HOSTS = Number(process.env.SOAK_HOSTS ?? 20);
const EVENT_TYPES_PER_HOST = 3;
const API_PORT = Number(process.env.BENCH_API_PORT ?? 8831);
const BROKER_PORT = API_PORT + 1;
const RECEIVER_PORT = API_PORT + 2;
const LABEL = process.env.BENCH_LABEL ?? "soak";
const DAY = 86_400_000;
const LOOKUP_DAYS = 60; // start dates of slot lookups: × event types = distinct questions
// 14-day windows of 15-minute slots are ~30 000 characters an answer: ~550 of them reach the cache's 16 M bound.
const WINDOW_DAYS = 14;

interface Host {
  userId: number;
  apiKey: string;
  eventTypes: { id: number; length: number }[];
  cursor: number; // next free start (epoch ms): bookings of a host never overlap
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The local subscriber: counts attempts and 2xx answers per delivery id. */
function startReceiver() {
  const attempts = new Map<string, number>();
  const accepted = new Map<string, number>();
  const triggers = new Map<string, string>();
  let failedOnPurpose = 0;
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const id = String(req.headers["x-cal-webhook-delivery-id"] ?? "");
      const attempt = Number(req.headers["x-cal-webhook-attempt"] ?? 0);
      attempts.set(id, (attempts.get(id) ?? 0) + 1);
      // 1 delivery in 20 (by its id) fails its first attempt: the retry path must still deliver it once.
      const hash = [...id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
      if (attempt === 1 && hash % 20 === 0) {
        failedOnPurpose++;
        res.writeHead(503).end();
        return;
      }
      try {
        triggers.set(id, (JSON.parse(Buffer.concat(chunks).toString()) as { triggerEvent?: string }).triggerEvent ?? "?");
      } catch {
        triggers.set(id, "unparsable");
      }
      accepted.set(id, (accepted.get(id) ?? 0) + 1);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  server.listen(RECEIVER_PORT, "127.0.0.1");
  return { attempts, accepted, triggers, failedOnPurpose: () => failedOnPurpose, close: () => new Promise((r) => server.close(() => r(undefined))) };
}

/** The first start at or after `from` on the event type's grid (every `length` minutes from midnight UTC). */
function nextStart(from: number, length: number): number {
  const step = length * 60_000;
  const day = Math.floor(from / DAY) * DAY;
  const start = day + Math.ceil((from - day) / step) * step;
  // The schedule ends at 23:59: a slot must end by then, else the next day's first.
  return start + step <= day + DAY - 60_000 ? start : day + DAY;
}

async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status, body };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function main() {
  console.error("building the bundle (wrangler deploy --dry-run)…");
  buildBundles();
  const { infra, spec } = await prepareBenchApi(LABEL);
  const receiver = startReceiver();
  const api = spec(API_PORT);
  api.bindings = {
    ...api.bindings,
    // A loopback subscriber (the local receiver) is accepted only outside production; development changes
    // nothing else here but the license check (src/env.ts, src/auth/license.ts).
    ENVIRONMENT: "development",
    WEBHOOK_ALLOW_LOOPBACK: "true",
    HEALTH_MEMORY_STATS: "true",
  };
  api.queueBroker = {
    binding: "WEBHOOK_QUEUE",
    queue: "cal-webhooks",
    deadLetterQueue: "cal-webhooks-dlq",
    maxBatchSize: 10,
    maxRetries: 10,
    port: BROKER_PORT,
  };
  const workerd = startWorkerd([api], OUT);
  const base = `http://127.0.0.1:${API_PORT}`;
  const broker = `http://127.0.0.1:${BROKER_PORT}`;
  const failures: string[] = [];
  let pumping = true;
  try {
    await waitForHttp(`${base}/health`);
    await waitForHttp(`${broker}/stats`);
    // The queue's batch timer: dispatch whatever is ready every 300 ms.
    const pump = (async () => {
      while (pumping) {
        await fetch(`${broker}/flush`, { method: "POST" })
          .then((r) => r.arrayBuffer())
          .catch(() => {});
        await sleep(300);
      }
    })();

    // Hosts: a 24/7 UTC schedule, three event types (15, 30, 45 min), a webhook for created and cancelled.
    const firstDay = Math.ceil((Date.now() + 2 * DAY) / DAY) * DAY;
    const hosts: Host[] = [];
    for (let i = 0; i < HOSTS; i++) {
      const seeded = await seedHost(base, infra.databaseUrl, 1000 + i);
      const headers = { authorization: `Bearer ${seeded.apiKey}`, "content-type": "application/json" };
      const eventTypes = [{ id: seeded.eventTypeId, length: 15 }];
      for (const length of [30, 45].slice(0, EVENT_TYPES_PER_HOST - 1)) {
        const created = await call(`${base}/v2/event-types`, {
          method: "POST",
          headers: { ...headers, "cal-api-version": "2024-06-14" },
          body: JSON.stringify({ title: `Soak ${length}`, slug: `soak-${i}-${length}-${Date.now()}`, lengthInMinutes: length, minimumBookingNotice: 0 }),
        });
        if (created.status !== 201) throw new Error(`event type: ${created.status} ${JSON.stringify(created.body)}`);
        eventTypes.push({ id: created.body.data.id, length });
      }
      const hook = await call(`${base}/v2/webhooks`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          active: true,
          subscriberUrl: `http://127.0.0.1:${RECEIVER_PORT}/hooks/h${i}`,
          triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"],
        }),
      });
      if (hook.status !== 201) throw new Error(`webhook: ${hook.status} ${JSON.stringify(hook.body)}`);
      hosts.push({ userId: seeded.userId, apiKey: seeded.apiKey, eventTypes, cursor: firstDay + 9 * 3_600_000 });
    }
    const allEventTypes = hosts.flatMap((h) => h.eventTypes.map((e) => e.id));
    console.error(`${hosts.length} hosts, ${allEventTypes.length} event types, ${allEventTypes.length * LOOKUP_DAYS} distinct slot questions`);

    const statuses = new Map<string, number>(); // "op status" → count
    const latencies = new Map<string, number[]>();
    const messages = new Map<string, string>(); // the first error message of each "op status"
    const note = (op: string, status: number, ms: number, body?: any) => {
      statuses.set(`${op} ${status}`, (statuses.get(`${op} ${status}`) ?? 0) + 1);
      if (status >= 300 && !messages.has(`${op} ${status}`)) messages.set(`${op} ${status}`, String(body?.error?.message ?? body).slice(0, 200));
      if (!latencies.has(op)) latencies.set(op, []);
      latencies.get(op)!.push(ms);
      if (status >= 500) failures.push(`${op} answered ${status}`);
    };
    const live: { uid: string; host: Host }[] = [];
    let created = 0;
    let cancelled = 0;
    const samples: { t: number; rss: number; load: number; answers: number; chars: number; hostVersions: number; leases: number }[] = [];
    const started = Date.now();
    const stopAt = started + SECONDS * 1000;

    const sampler = (async () => {
      while (Date.now() < stopAt) {
        const health = await call(`${base}/health`).catch(() => ({ status: 0, body: null }));
        const memory = health.body?.data?.memory;
        if (memory) {
          samples.push({
            t: (Date.now() - started) / 1000,
            rss: rssMb(workerd.pid!),
            // The machine's 1-minute load average (2 cores, shared with whatever else runs).
            load: Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]),
            answers: memory.slotAnswers.answers,
            chars: memory.slotAnswers.chars,
            hostVersions: memory.slotAnswers.hostVersions,
            leases: memory.rateLimitLeases.leases,
          });
          if (memory.slotAnswers.answers > memory.slotAnswers.maxAnswers || memory.slotAnswers.chars > memory.slotAnswers.maxChars) {
            failures.push(`answer cache beyond its bounds: ${JSON.stringify(memory.slotAnswers)}`);
          }
        }
        const last = samples.at(-1);
        if (last && Math.round(last.t) % 60 < 5) {
          console.error(`t=${Math.round(last.t)} s rss ${last.rss.toFixed(1)} MB, answers ${last.answers}, created ${created}, cancelled ${cancelled}`);
        }
        await sleep(5000);
      }
    })();

    const client = async () => {
      while (Date.now() < stopAt) {
        const roll = Math.random();
        const t0 = performance.now();
        if (roll < 0.75) {
          // A slot lookup: one of the event types, a 7-day window starting on one of LOOKUP_DAYS days.
          const eventTypeId = allEventTypes[Math.floor(Math.random() * allEventTypes.length)]!;
          const start = new Date(firstDay + Math.floor(Math.random() * LOOKUP_DAYS) * DAY);
          const end = new Date(start.getTime() + (WINDOW_DAYS - 1) * DAY);
          const query = `eventTypeId=${eventTypeId}&start=${start.toISOString().slice(0, 10)}&end=${end.toISOString().slice(0, 10)}&timeZone=UTC`;
          const res = await call(`${base}/v2/slots?${query}`, { headers: { "cal-api-version": "2024-09-04" } });
          note("slots", res.status, performance.now() - t0, res.body);
          continue;
        }
        if (roll >= 0.97) {
          const res = await call(`${base}/health`);
          note("health", res.status, performance.now() - t0, res.body);
          continue;
        }
        if (roll < 0.9 || live.length === 0) {
          const host = hosts[Math.floor(Math.random() * hosts.length)]!;
          const eventType = host.eventTypes[Math.floor(Math.random() * host.eventTypes.length)]!;
          const start = nextStart(host.cursor, eventType.length);
          host.cursor = start + eventType.length * 60_000;
          const res = await call(`${base}/v2/bookings`, {
            method: "POST",
            headers: { "cal-api-version": "2024-08-13", "content-type": "application/json" },
            body: JSON.stringify({
              eventTypeId: eventType.id,
              start: new Date(start).toISOString(),
              attendee: { name: "Soak Booker", email: `soak-${created}-${Math.random().toString(36).slice(2, 8)}@example.com`, timeZone: "UTC" },
            }),
          });
          note("book", res.status, performance.now() - t0, res.body);
          if (res.status === 201) {
            created++;
            live.push({ uid: res.body.data.uid, host });
          }
        } else {
          const { uid, host } = live.splice(Math.floor(Math.random() * live.length), 1)[0]!;
          const res = await call(`${base}/v2/bookings/${uid}/cancel`, {
            method: "POST",
            headers: { authorization: `Bearer ${host.apiKey}`, "cal-api-version": "2024-08-13", "content-type": "application/json" },
            body: JSON.stringify({ cancellationReason: "soak" }),
          });
          note("cancel", res.status, performance.now() - t0, res.body);
          if (res.status === 200) cancelled++;
        }
      }
    };
    await Promise.all([...Array.from({ length: CONNECTIONS }, client), sampler]);
    const loadSeconds = (Date.now() - started) / 1000;

    // Let the queue drain: every delivery row settled (or 120 s).
    const db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
    const hostIds = hosts.map((h) => h.userId);
    const deliveries = async () =>
      (
        await db.query<{ id: string; status: string; attempts: number; trigger: string }>(
          `SELECT d.id, d.status, d.attempts, d.event->>'triggerEvent' AS trigger FROM "WebhookDelivery" d JOIN "Webhook" w ON w.id = d."webhookId" WHERE w."userId" = ANY($1)`,
          [hostIds],
        )
      ).rows;
    const drainDeadline = Date.now() + 120_000;
    let rows = await deliveries();
    while (Date.now() < drainDeadline) {
      const stats = (await call(`${broker}/stats`)).body;
      rows = await deliveries();
      if (stats.pending === 0 && rows.length >= created + cancelled && rows.every((r) => r.status === "delivered" || r.status === "failed")) break;
      await sleep(1000);
    }
    pumping = false;
    await pump;
    const brokerStats = (await call(`${broker}/stats`)).body;
    await db.end();

    // Webhooks: one delivery per event, each received with exactly one 2xx.
    const notDelivered = rows.filter((r) => r.status !== "delivered");
    if (notDelivered.length > 0) failures.push(`${notDelivered.length} deliveries not DELIVERED: ${JSON.stringify(notDelivered.slice(0, 5))}`);
    const createdRows = rows.filter((r) => r.trigger === "BOOKING_CREATED").length;
    const cancelledRows = rows.filter((r) => r.trigger === "BOOKING_CANCELLED").length;
    if (createdRows !== created) failures.push(`${created} bookings created but ${createdRows} BOOKING_CREATED deliveries`);
    if (cancelledRows !== cancelled) failures.push(`${cancelled} bookings cancelled but ${cancelledRows} BOOKING_CANCELLED deliveries`);
    const twice = [...receiver.accepted].filter(([, n]) => n !== 1);
    if (twice.length > 0) failures.push(`${twice.length} delivery ids accepted more than once: ${JSON.stringify(twice.slice(0, 5))}`);
    const rowIds = new Set(rows.map((r) => r.id));
    const missing = rows.filter((r) => !receiver.accepted.has(r.id)).length;
    const unknown = [...receiver.accepted.keys()].filter((id) => !rowIds.has(id)).length;
    if (missing > 0) failures.push(`${missing} deliveries never received`);
    if (unknown > 0) failures.push(`${unknown} received delivery ids that are not delivery rows`);
    const totalAttempts = [...receiver.attempts.values()].reduce((a, b) => a + b, 0);

    // Memory: RSS plateau and the cache bounds.
    const at = (from: number, to: number) => samples.filter((s) => s.t >= loadSeconds * from && s.t <= loadSeconds * to);
    const early = median(at(0.2, 0.4).map((s) => s.rss));
    const late = median(at(0.9, 1).map((s) => s.rss));
    const growth = early > 0 ? late / early - 1 : 0;
    if (growth > 0.25) failures.push(`workerd RSS grew ${(growth * 100).toFixed(0)}% (${early.toFixed(1)} → ${late.toFixed(1)} MB)`);
    const perMinute = samples
      .filter((s, i) => i === 0 || Math.floor(s.t / 60) !== Math.floor(samples[i - 1]!.t / 60))
      .map((s) => `${Math.round(s.t)}s:${s.rss.toFixed(0)}MB/${s.answers}`);

    const ops = Object.fromEntries(
      [...latencies].map(([op, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return [op, { requests: values.length, "p50 ms": Math.round(percentile(sorted, 50)), "p99 ms": Math.round(percentile(sorted, 99)) }];
      }),
    );
    const fiveXx = [...statuses].filter(([key]) => Number(key.split(" ")[1]) >= 500).reduce((n, [, c]) => n + c, 0);
    const summary = {
      bench: "soak",
      seconds: Math.round(loadSeconds),
      connections: CONNECTIONS,
      hosts: HOSTS,
      eventTypes: allEventTypes.length,
      requests: [...statuses.values()].reduce((a, b) => a + b, 0),
      statuses: Object.fromEntries(statuses),
      errorMessages: Object.fromEntries(messages),
      "5xx": fiveXx,
      ops,
      bookings: { created, cancelled },
      webhooks: {
        deliveries: rows.length,
        delivered: rows.length - notDelivered.length,
        receivedAttempts: totalAttempts,
        firstAttemptsFailedOnPurpose: receiver.failedOnPurpose(),
        acceptedExactlyOnce: [...receiver.accepted.values()].filter((n) => n === 1).length,
        broker: brokerStats,
      },
      memory: {
        rssMbEarly: Number(early.toFixed(1)),
        rssMbLate: Number(late.toFixed(1)),
        rssMbMax: Number(Math.max(...samples.map((s) => s.rss)).toFixed(1)),
        growthPercent: Number((growth * 100).toFixed(1)),
        maxSlotAnswers: Math.max(...samples.map((s) => s.answers)),
        maxSlotAnswerChars: Math.max(...samples.map((s) => s.chars)),
        maxHostVersions: Math.max(...samples.map((s) => s.hostVersions)),
        maxRateLimitLeases: Math.max(...samples.map((s) => s.leases)),
        perMinute,
      },
      machine: {
        cores: availableParallelism(),
        loadAverage: { min: Math.min(...samples.map((s) => s.load)), median: median(samples.map((s) => s.load)), max: Math.max(...samples.map((s) => s.load)) },
      },
      violations: failures.length,
    };
    console.log(JSON.stringify(summary, null, 1));
  } finally {
    pumping = false;
    workerd.kill("SIGTERM");
    await receiver.close();
    await Promise.race([infra.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  if (failures.length > 0) {
    console.error(`VIOLATIONS (${failures.length}):\n${[...new Set(failures)].slice(0, 50).join("\n")}`);
    process.exit(1);
  }
  console.log("soak: no violations");
}

await main();
process.exit(0);
