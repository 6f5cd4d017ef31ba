// Postgres goes away and comes back on the same address (test/support/postgres-fault-proxy.ts): every operation of
// the contract answers promptly, 503 (with Retry-After) where it needed the database and never another 5xx; /health
// names the database; once Postgres is back the same deployment serves again without a restart.
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations } from "../../../routes/index";
import { fetchWithEnv } from "../../helpers/app";
import { createEventType, createSchedule, createTenant, sql, type Tenant } from "../../helpers/fixtures";
import { fuzzRequests } from "../../support/contract-fuzz";
import { Random } from "../../support/property";

const bindings = env as unknown as { DATABASE_URL: string; TEST_POSTGRES_FAULT_PROXY: string; TEST_POSTGRES_FAULT_CONTROL_URL: string };
// The test database, reached through the proxy instead of directly.
const throughProxy = (() => {
  const url = new URL(bindings.DATABASE_URL);
  url.host = bindings.TEST_POSTGRES_FAULT_PROXY;
  return url.toString();
})();
const control = (what: "down" | "up") => fetch(`${bindings.TEST_POSTGRES_FAULT_CONTROL_URL}/${what}`, { method: "POST" });
const PROMPT_MS = 5_000;

function call(path: string, init: { method?: string; key?: string; version?: string; body?: unknown } = {}) {
  const headers = new Headers();
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  if (init.version) headers.set("cal-api-version", init.version);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://api.test${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  // One key makes every call here: a limit that does not get in the way of 270 requests in a minute.
  return fetchWithEnv(request, { DATABASE_URL: throughProxy, RATE_LIMIT_API_KEY: "100000" });
}

let tenant: Tenant;
let ids: Record<string, unknown>;
let eventTypeId: number;

beforeAll(async () => {
  tenant = await createTenant();
  const scheduleId = (await createSchedule(tenant)).id;
  const eventType = await createEventType(tenant);
  eventTypeId = eventType.id;
  ids = { eventTypeId: eventType.id, scheduleId, userId: tenant.userId, eventSlug: eventType.slug, username: tenant.username };
  // The key is verified once while the database is up, so during the outage requests get past authentication
  // (from the Redis auth cache) and reach the handlers that need Postgres.
  expect((await call("/v2/me", { key: tenant.apiKey })).status).toBe(200);
});

afterAll(async () => {
  await control("up");
});

describe("Postgres unreachable", () => {
  it("every operation answers promptly: 503 with Retry-After where it needed the database, no other 5xx", async () => {
    await control("down");
    const broken: string[] = [];
    const statuses = new Map<number, number>();
    for (const [index, operation] of operations.entries()) {
      const method = operation.route.method.toUpperCase();
      const version = operation.versions === "all" ? undefined : operation.versions[0];
      // The first generated request of an operation is its plausible one (documented parameters, valid shapes).
      const [request] = fuzzRequests({ method, path: operation.route.path, version }, new Random(index + 1), ids, 1);
      const started = Date.now();
      const res = await call(request!.path, { method, key: tenant.apiKey, version, body: request!.body });
      const elapsed = Date.now() - started;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const wrong =
        (res.status >= 500 && res.status !== 503) ||
        (res.status === 503 && res.body?.error?.code !== "ServiceUnavailableException") ||
        // /health is a monitor's answer (asserted below); everything else tells the client when to retry.
        (res.status === 503 && operation.route.path !== "/health" && res.headers.get("Retry-After") !== "1") ||
        elapsed > PROMPT_MS;
      if (wrong) broken.push(`${method} ${request!.path} → ${res.status} in ${elapsed} ms ${res.text.slice(0, 200)}`);
    }
    console.info(`outage sweep: ${operations.length} operations, answers ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(broken).toEqual([]);
    // Most operations need the database once past validation: the outage is visible, not hidden behind other
    // answers. Counted among the requests that passed validation (a 400 is decided before any query, and how many
    // generated bodies are valid moves with the fuzzer's seeds, which follow the operations' order).
    const pastValidation = operations.length - (statuses.get(400) ?? 0);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(pastValidation * 0.8);
  });

  it("a booking attempted during the outage answers 503 and leaves nothing behind", async () => {
    await control("down");
    const start = new Date(Date.UTC(2031, 0, 6, 10, 0, 0)).toISOString(); // a Monday, inside 9–17 UTC
    const body = { start, eventTypeId, attendee: { name: "Outage", email: "outage@example.com", timeZone: "UTC" } };
    const res = await call("/v2/bookings", { method: "POST", version: "2024-08-13", body });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "ServiceUnavailableException", message: "The database is unavailable, please retry shortly." });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
    await control("up");
    expect(await sql`SELECT id FROM "Booking" WHERE "eventTypeId" = ${eventTypeId}`).toEqual([]);
  });

  it("/health names the database, then Postgres returns and the same deployment serves again", async () => {
    await control("down");
    const health = await call("/health");
    expect(health.status).toBe(503);
    expect(health.body.error.message).toBe("Unhealthy: database");
    await control("up");
    // Same DATABASE_URL, no restart: the next requests connect anew.
    expect((await call("/health")).status).toBe(200);
    expect((await call("/v2/me", { key: tenant.apiKey })).status).toBe(200);
    const start = new Date(Date.UTC(2031, 0, 6, 11, 0, 0)).toISOString();
    const booked = await call("/v2/bookings", {
      method: "POST",
      version: "2024-08-13",
      body: { start, eventTypeId, attendee: { name: "After", email: "after@example.com", timeZone: "UTC" } },
    });
    expect(booked.status).toBe(201);
    // Through `call` as well: this key made ~270 requests under the raised limit a moment ago, so the default
    // per-key limit would answer 429 here when the sweep ran fast.
    expect((await call(`/v2/bookings/${booked.body.data.uid}`, { version: "2024-08-13", key: tenant.apiKey })).status).toBe(200);
  });
});
