import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../../src/auth/api-keys";
import { fetchWithEnv } from "../../helpers/app";
import { createTenant, type Tenant } from "../../helpers/fixtures";

// The limiter takes tokens from Redis in leases (src/services/rate-limiter.ts). A limit of 40 leases 2 tokens at
// a time; the hour-long window keeps a window boundary out of the test.
const LIMITS = { RATE_LIMIT_API_KEY: "40", RATE_LIMIT_WINDOW_SECONDS: "3600" };

const bindings = env as unknown as { UPSTASH_REDIS_REST_URL: string; UPSTASH_REDIS_REST_TOKEN: string };

async function redis<T>(...command: Array<string | number>): Promise<T> {
  const res = await fetch(bindings.UPSTASH_REDIS_REST_URL, {
    method: "POST",
    headers: { authorization: `Bearer ${bindings.UPSTASH_REDIS_REST_TOKEN}` },
    body: JSON.stringify(command),
  });
  return ((await res.json()) as { result: T }).result;
}

/** The Redis key @upstash/ratelimit counts this API key's current window in. */
async function windowKey(tenant: Tenant) {
  const identifier = await hashApiKey(tenant.apiKey, "cal_");
  return `ratelimit:api_key_${identifier}:${Math.floor(Date.now() / 3_600_000)}`;
}

const me = (tenant: Tenant) => fetchWithEnv(new Request("http://api.test/v2/me", { headers: { authorization: `Bearer ${tenant.apiKey}` } }), LIMITS);

describe("rate-limit leases", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await createTenant();
  });

  it("refuses exactly at the limit, counts every token in Redis and refuses locally once the window is spent", async () => {
    const remaining: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await me(tenant);
      expect(res.status).toBe(200);
      remaining.push(Number(res.headers.get("X-RateLimit-Remaining-Default")));
    }
    expect(remaining).toEqual(Array.from({ length: 40 }, (_, i) => 39 - i));
    expect(Number(await redis<string>("GET", await windowKey(tenant)))).toBe(40);

    const refused = await me(tenant);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("X-RateLimit-Remaining-Default")).toBe("0");
    // The refusal came from the isolate's memory of the spent window: Redis was not asked again.
    expect(Number(await redis<string>("GET", await windowKey(tenant)))).toBe(40);
  });

  it("another isolate's spending is seen at the next lease; tokens it leaves are never exceeded", async () => {
    const other = await createTenant();
    expect((await me(other)).status).toBe(200); // leases 2: Redis at 2, one token unspent here
    // Another isolate spends 37 tokens: Redis has 1 left.
    await redis("INCRBY", await windowKey(other), 37);
    expect((await me(other)).status).toBe(200); // the unspent leased token
    // The next lease asks for 2 tokens with 1 left: refused (the documented cost: up to lease − 1 early).
    expect((await me(other)).status).toBe(429);
    expect(Number(await redis<string>("GET", await windowKey(other)))).toBeGreaterThanOrEqual(40);
  });

  it("spends a lease without Redis: while tokens last, requests carry limit headers even with Redis unreachable", async () => {
    const third = await createTenant();
    const limits = { RATE_LIMIT_API_KEY: "100", RATE_LIMIT_WINDOW_SECONDS: "3600" }; // leases of 5
    const call = (overrides: Record<string, string> = {}) =>
      fetchWithEnv(new Request("http://api.test/v2/me", { headers: { authorization: `Bearer ${third.apiKey}` } }), { ...limits, ...overrides });
    const first = await call();
    expect(first.headers.get("X-RateLimit-Remaining-Default")).toBe("99");
    const unreachable = { UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9" };
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 5; i++) remaining.push((await call(unreachable)).headers.get("X-RateLimit-Remaining-Default"));
    // Four tokens left from the lease, then Redis must be asked: it cannot be, so the limiter fails open.
    expect(remaining).toEqual(["98", "97", "96", "95", null]);
  });
});
