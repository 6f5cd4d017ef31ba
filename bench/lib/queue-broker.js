// A local stand-in for Cloudflare Queues under plain `workerd serve` (bench only). The API's producer binding
// points here and speaks workerd's producer protocol (POST /message, POST /batch, `X-Msg-Fmt`,
// `X-Msg-Delay-Secs`); messages are kept in this isolate's memory and handed to the API Worker's own `queue`
// handler through a service binding (`Fetcher.queue()`, the call Miniflare's broker makes), in batches of
// MAX_BATCH_SIZE, honouring ack / retry({ delaySeconds }) / retryAll, and moved to the dead-letter queue after
// MAX_RETRIES retries, as wrangler.toml configures the real consumer.
//
// workerd only runs timers inside a request, so batches are dispatched by `POST /flush` (the bench calls it
// every few hundred milliseconds: the part of Queues' max_batch_timeout). `GET /stats` reports counters.

const pending = []; // { id, timestamp, body, attempts, readyAt, queue }
const stats = { enqueued: 0, batches: 0, dispatched: 0, acked: 0, retried: 0, deadLettered: 0, exceptions: 0 };

function randomId() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function decode(contentType, bytes) {
  const text = new TextDecoder().decode(bytes);
  if (contentType === "json") return JSON.parse(text);
  if (contentType === "text") return text;
  throw new Error(`queue broker: content type ${contentType} not supported (the API sends json)`);
}

function enqueue(queue, body, delaySeconds) {
  pending.push({ id: randomId(), timestamp: Date.now(), body, attempts: 1, readyAt: Date.now() + (delaySeconds ?? 0) * 1000, queue });
  stats.enqueued++;
}

async function dispatch(env, queue, batch) {
  stats.batches++;
  stats.dispatched += batch.length;
  let result;
  try {
    const messages = batch.map((m) => ({ id: m.id, timestamp: new Date(m.timestamp), body: m.body, attempts: m.attempts }));
    result = await env.CONSUMER.queue(queue, messages);
  } catch (error) {
    console.error(`queue broker: consumer threw: ${error}`);
    stats.exceptions++;
    result = { outcome: "exception", retryBatch: { retry: true }, retryMessages: [] };
  }
  const retryAll = result.outcome !== "ok" || result.retryBatch?.retry;
  const retries = new Map((result.retryMessages ?? []).map((r) => [r.msgId, r.delaySeconds]));
  const maxRetries = Number(env.MAX_RETRIES ?? 10);
  for (const message of batch) {
    if (!retryAll && !retries.has(message.id)) {
      stats.acked++;
      continue;
    }
    const delaySeconds = retries.get(message.id) ?? result.retryBatch?.delaySeconds ?? 0;
    if (message.queue === env.QUEUE_NAME && message.attempts > maxRetries) {
      stats.deadLettered++;
      pending.push({ ...message, queue: env.DEAD_LETTER_QUEUE, attempts: 1, readyAt: Date.now() });
      continue;
    }
    if (message.queue !== env.QUEUE_NAME && message.attempts > maxRetries) continue; // dropped, as Queues does
    stats.retried++;
    pending.push({ ...message, attempts: message.attempts + 1, readyAt: Date.now() + (delaySeconds ?? 0) * 1000 });
  }
}

/** Dispatches every ready message, up to CONCURRENCY batches at a time, until none is ready. */
async function flush(env) {
  const size = Number(env.MAX_BATCH_SIZE ?? 10);
  const concurrency = Number(env.CONCURRENCY ?? 4);
  let sent = 0;
  for (;;) {
    const now = Date.now();
    const batches = [];
    for (const queue of [env.QUEUE_NAME, env.DEAD_LETTER_QUEUE]) {
      for (;;) {
        if (batches.length >= concurrency) break;
        const batch = [];
        for (let i = 0; i < pending.length && batch.length < size; ) {
          if (pending[i].queue === queue && pending[i].readyAt <= now) batch.push(pending.splice(i, 1)[0]);
          else i++;
        }
        if (batch.length === 0) break;
        batches.push([queue, batch]);
      }
    }
    if (batches.length === 0) return sent;
    await Promise.all(batches.map(([queue, batch]) => dispatch(env, queue, batch)));
    sent += batches.reduce((n, [, batch]) => n + batch.length, 0);
  }
}

const metrics = () => Response.json({ metadata: { metrics: { backlogCount: pending.length, backlogBytes: 0, oldestMessageTimestamp: 0 } } });

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method === "POST" && url.pathname === "/message") {
      const delay = request.headers.get("X-Msg-Delay-Secs");
      enqueue(env.QUEUE_NAME, decode(request.headers.get("X-Msg-Fmt") ?? "v8", new Uint8Array(await request.arrayBuffer())), delay ? Number(delay) : 0);
      return metrics();
    }
    if (request.method === "POST" && url.pathname === "/batch") {
      const delay = request.headers.get("X-Msg-Delay-Secs");
      const { messages } = await request.json();
      for (const m of messages) {
        const bytes = Uint8Array.from(atob(m.body), (c) => c.charCodeAt(0));
        enqueue(env.QUEUE_NAME, decode(m.contentType ?? "v8", bytes), m.delaySecs ?? (delay ? Number(delay) : 0));
      }
      return metrics();
    }
    if (request.method === "POST" && url.pathname === "/flush") return Response.json({ sent: await flush(env), pending: pending.length });
    if (url.pathname === "/stats") return Response.json({ ...stats, pending: pending.length });
    return new Response("not found", { status: 404 });
  },
};
