// Nothing secret reaches the logs: a run of requests that carry API keys (valid and not), access and refresh
// tokens, an OAuth client secret, a webhook secret, attendees' emails, and failures whose error messages quote a
// database password or a Redis token; every line written to the console is searched for each of them.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fetchWithEnv } from "../../helpers/app";
import { at, attendee, createBookableEventType, createHost, futureMonday, type Host, V } from "../../helpers/bookings";
import { createPlatform, type Platform, unique } from "../../helpers/fixtures";

const lines: string[] = [];
const spies: { mockRestore(): void }[] = [];
let host: Host;
let platform: Platform;
let eventTypeId: number;

function call(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; version?: string } = {},
  env: Record<string, string> = {},
) {
  const headers = new Headers(init.headers);
  if (init.version) headers.set("cal-api-version", init.version);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return fetchWithEnv(new Request(`http://api.test${path}`, { method: init.method ?? "GET", headers, body }), { AUTH_CACHE_TTL_SECONDS: "0", ...env });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  host = await createHost();
  platform = await createPlatform();
  eventTypeId = (await createBookableEventType(host)).id;
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    spies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))));
  }
});

afterAll(() => {
  for (const spy of spies) spy.mockRestore();
});

describe("log lines", () => {
  it("never contain a key, token, secret, password or email passed in", async () => {
    const wrongKey = `cal_${unique("wrong").replace(/[^a-z0-9]/gi, "")}0123456789`;
    const webhookSecret = `whsec-${unique()}`;
    const guest = attendee("Logged Person");
    const databasePassword = `pw${unique().replace(/[^a-z0-9]/gi, "")}`;
    const redisToken = `rt${unique().replace(/[^a-z0-9]/gi, "")}`;

    expect((await call("/v2/me", { headers: bearer(host.apiKey) })).status).toBe(200);
    expect((await call("/v2/me", { headers: bearer(wrongKey) })).status).toBe(401);
    expect((await call("/v2/me", { headers: bearer(platform.user.accessToken) })).status).toBe(200);
    expect((await call("/v2/me", { headers: bearer(`${platform.user.accessToken}tampered`) })).status).toBe(401);
    const refreshed = await call(`/v2/oauth/${platform.client.clientId}/refresh`, {
      method: "POST",
      headers: { "x-cal-secret-key": platform.client.secret },
      body: { refreshToken: platform.user.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    const wrongSecret = await call(`/v2/oauth/${platform.client.clientId}/refresh`, {
      method: "POST",
      headers: { "x-cal-secret-key": `${platform.client.secret}x` },
      body: { refreshToken: platform.user.refreshToken },
    });
    expect(wrongSecret.status).toBeGreaterThanOrEqual(400);
    const webhook = await call("/v2/webhooks", {
      method: "POST",
      headers: bearer(host.apiKey),
      body: { subscriberUrl: "https://hooks.example.com/x", triggers: ["BOOKING_CREATED"], active: true, secret: webhookSecret },
    });
    expect(webhook.status).toBe(201);
    const booked = await call("/v2/bookings", { method: "POST", version: V, body: { start: at(futureMonday(7), 0, 10), eventTypeId, attendee: guest } });
    expect(booked.status).toBe(201);
    // Failures whose error messages quote their configuration.
    const badDatabase = await call("/v2/me", { headers: bearer(host.apiKey) }, { DATABASE_URL: `postgresql://postgres:${databasePassword}@127.0.0.1:5999/db` });
    expect(badDatabase.status).toBe(503);
    const malformedDatabase = await call("/v2/me", { headers: bearer(host.apiKey) }, { DATABASE_URL: `postgres://postgres:${databasePassword}@[bad` });
    expect(malformedDatabase.status).toBe(500);
    const badRedis = await call(
      "/v2/me",
      { headers: bearer(host.apiKey) },
      { UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9", UPSTASH_REDIS_REST_TOKEN: redisToken },
    );
    expect(badRedis.status).toBe(200);

    const secrets = {
      apiKey: host.apiKey,
      wrongKey,
      accessToken: platform.user.accessToken,
      refreshToken: platform.user.refreshToken,
      newAccessToken: refreshed.body.data.accessToken as string,
      clientSecret: platform.client.secret,
      webhookSecret,
      attendeeEmail: guest.email,
      hostEmail: host.email,
      databasePassword,
      redisToken,
    };
    expect(lines.length).toBeGreaterThan(10); // the run did log (request lines, the failures)
    const leaks = Object.entries(secrets).flatMap(([name, value]) =>
      lines.filter((line) => line.includes(value)).map((line) => `${name}: ${line.slice(0, 300)}`),
    );
    expect(leaks).toEqual([]);
  });
});
