import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { fetchWithEnv } from "../../helpers/app";
import { createTenant, type Tenant } from "../../helpers/fixtures";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant();
});

const meRequest = (headers: Record<string, string>) => new Request("http://api.test/v2/me", { headers });

describe("rate limiting", () => {
  it("every response carries Cal.com's and the IETF rate-limit headers", async () => {
    const res = await api("/v2/me", { key: tenant.apiKey });
    expect(res.headers.get("X-RateLimit-Limit-Default")).toBe("120");
    expect(Number(res.headers.get("X-RateLimit-Remaining-Default"))).toBeLessThan(120);
    expect(Number(res.headers.get("X-RateLimit-Reset-Default"))).toBeGreaterThanOrEqual(0);
    expect(res.headers.get("RateLimit-Policy")).toBe('"default";q=120;w=60');
    expect(res.headers.get("RateLimit")).toMatch(/^"default";r=\d+;t=\d+$/);
  });

  it("counts per API key and answers 429 with Retry-After and the envelope once the limit is spent", async () => {
    const other = await createTenant();
    const limits = { RATE_LIMIT_API_KEY: "3" };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetchWithEnv(meRequest({ authorization: `Bearer ${other.apiKey}` }), limits)).status);
    expect(statuses).toEqual([200, 200, 200]);

    const limited = await fetchWithEnv(meRequest({ authorization: `Bearer ${other.apiKey}` }), limits);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("X-RateLimit-Remaining-Default")).toBe("0");
    expect(limited.body).toMatchObject({
      status: "error",
      error: { code: "ThrottlerException", message: "CustomThrottlerGuard - Too many requests. Please try again later." },
    });

    // Another key has its own budget.
    const fresh = await createTenant();
    expect((await fetchWithEnv(meRequest({ authorization: `Bearer ${fresh.apiKey}` }), limits)).status).toBe(200);
  });

  it("limits unauthenticated callers per IP", async () => {
    const limits = { RATE_LIMIT_IP: "2" };
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const call = () => fetchWithEnv(new Request("http://api.test/health", { headers: { "cf-connecting-ip": ip } }), limits);
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("X-RateLimit-Limit-Default")).toBe("2");
  });

  it("fails open when Redis is unreachable: the request is served without limit headers", async () => {
    // A key with no tokens leased in this isolate yet, so the limiter has to ask Redis.
    const fresh = await createTenant();
    const res = await fetchWithEnv(meRequest({ authorization: `Bearer ${fresh.apiKey}` }), {
      UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9",
    });
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(fresh.userId);
    expect(res.headers.get("X-RateLimit-Limit-Default")).toBeNull();
  });
});
