import { Redis } from "@upstash/redis/cloudflare";
import type { Env } from "../env";

// The REST client is stateless (each command is its own fetch; read-your-writes tokens are off), but
// constructing one allocates a closure per Redis command, a measurable cost per request: one per
// endpoint serves every request of the isolate.
const clients = new Map<string, Redis>();

export function createRedis(env: Env): Redis | undefined {
  if (!env.UPSTASH_REDIS_REST_URL || !env.UPSTASH_REDIS_REST_TOKEN) return undefined;
  const key = `${env.UPSTASH_REDIS_REST_URL}\n${env.UPSTASH_REDIS_REST_TOKEN}`;
  let client = clients.get(key);
  if (!client) {
    client = new Redis({
      url: env.UPSTASH_REDIS_REST_URL,
      token: env.UPSTASH_REDIS_REST_TOKEN,
      // A request must not wait on Redis retries: callers fail open instead.
      retry: false,
      enableTelemetry: false,
      readYourWrites: false,
      // Auto-pipelining batches commands issued in the same tick, which on a shared client would mix
      // concurrent requests' commands into one fetch: a promise settled across requests, which Workers cancel.
      enableAutoPipelining: false,
    });
    clients.set(key, client);
  }
  return client;
}
