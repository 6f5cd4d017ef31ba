// Redis unreachable (README "Rate limits", "Idempotency-Key", "Platform"): limits fail open, idempotency is
// skipped, API keys and access tokens are verified against the database; no operation of the contract answers 5xx.
import { beforeAll, describe, expect, it } from "vitest";
import { operations } from "../../../routes/index";
import { fetchWithEnv } from "../../helpers/app";
import { at, attendee, createBookableEventType, createHost, futureMonday, type Host, V } from "../../helpers/bookings";
import { createPlatform, createSchedule, type Platform, unique } from "../../helpers/fixtures";
import { fuzzRequests } from "../../support/contract-fuzz";
import { Random } from "../../support/property";

const REDIS_DOWN = { UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9", RATE_LIMIT_API_KEY: "100000" };

function call(path: string, init: { method?: string; key?: string; version?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  if (init.version) headers.set("cal-api-version", init.version);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return fetchWithEnv(new Request(`http://api.test${path}`, { method: init.method ?? "GET", headers, body }), REDIS_DOWN);
}

let host: Host;
/** The sweep's own user: an operation of the sweep may refresh or delete its key (POST /v2/api-keys/refresh). */
let sweeper: Host;
let platform: Platform;
let eventTypeId: number;
let ids: Record<string, unknown>;
const monday = futureMonday(6);

beforeAll(async () => {
  host = await createHost();
  sweeper = await createHost();
  platform = await createPlatform();
  eventTypeId = (await createBookableEventType(host)).id;
  const sweptType = await createBookableEventType(sweeper);
  const scheduleId = (await createSchedule(sweeper)).id;
  ids = { eventTypeId: sweptType.id, scheduleId, userId: sweeper.userId, eventSlug: sweptType.slug, username: sweeper.username };
});

describe("Redis unreachable", () => {
  it("every operation of the contract answers without a 5xx", async () => {
    const broken: string[] = [];
    for (const [index, operation] of operations.entries()) {
      const method = operation.route.method.toUpperCase();
      const version = operation.versions === "all" ? undefined : operation.versions[0];
      const [request] = fuzzRequests({ method, path: operation.route.path, version }, new Random(index + 7), ids, 1);
      const res = await call(request!.path, { method, key: sweeper.apiKey, version, body: request!.body });
      // /health reports Redis down as its job (503 naming it); everything else serves.
      if (res.status >= 500 && operation.route.path !== "/health") broken.push(`${method} ${request!.path} → ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(broken).toEqual([]);
  });

  it("rate limits fail open: no limit headers, the request is served", async () => {
    const res = await call("/v2/me", { key: host.apiKey });
    expect(res.status).toBe(200);
    expect(res.headers.get("X-RateLimit-Remaining-Default")).toBeNull();
  });

  it("access tokens are verified without Redis (from the database)", async () => {
    const res = await call("/v2/me", { key: platform.user.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.data.email).toBe(platform.user.email);
    expect((await call("/v2/me", { key: `${platform.user.accessToken}x` })).status).toBe(401);
  });

  it("idempotency is skipped: the key is not honoured, the booking still cannot be made twice", async () => {
    const key = unique("idem-no-redis");
    const body = { start: at(monday, 0, 10), eventTypeId, attendee: attendee("No Redis") };
    const first = await call("/v2/bookings", { method: "POST", version: V, body, headers: { "Idempotency-Key": key } });
    expect(first.status, first.text).toBe(201);
    const second = await call("/v2/bookings", { method: "POST", version: V, body, headers: { "Idempotency-Key": key } });
    expect(second.headers.get("Idempotent-Replayed")).toBeNull();
    // It ran again: the slot is taken (by the first), a clean 4xx rather than a second booking.
    expect(second.status).toBe(409);
  });
});
