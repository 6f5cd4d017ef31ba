import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { generateApiKey } from "../../../src/auth/api-keys";
import { api } from "../../helpers/api";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { createTenant, testDb, type Tenant } from "../../helpers/fixtures";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant();
});

describe("API key authentication", () => {
  itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/me" }));

  it("accepts a valid key", async () => {
    const res = await api("/v2/me", { key: tenant.apiKey });
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(tenant.userId);
  });

  it("keeps a key valid through the whole day it expires on (Cal.com's day granularity)", async () => {
    const endOfToday = new Date();
    endOfToday.setUTCHours(0, 0, 1, 0);
    const expiringToday = await createTenant({ expiresAt: endOfToday });
    const res = await api("/v2/me", { key: expiringToday.apiKey });
    expect(res.status).toBe(200);
  });

  it("401 when only x-cal-client-id is sent", async () => {
    const res = await api("/v2/me", { headers: { "x-cal-client-id": "some-client" } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("Only 'x-cal-client-id' header provided");
  });

  it("401 when only x-cal-secret-key is sent", async () => {
    const res = await api("/v2/me", { headers: { "x-cal-secret-key": "some-secret" } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("Only 'x-cal-secret-key' header provided");
  });

  it("401 naming the allowed methods when the route does not accept the strategy presented", async () => {
    const res = await api("/v2/api-keys/refresh", { method: "POST", headers: { authorization: "Bearer some-access-token" } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("ApiAuthStrategy - Invalid authentication method. Please provide one of the allowed methods: API_KEY");
  });

  it("never caches a negative answer: a key unknown a moment ago works once it exists", async () => {
    const { plain, hashedKey } = await generateApiKey("cal_");
    expect((await api("/v2/me", { key: plain })).status).toBe(401);
    const db = testDb();
    await db.apiKey.create({ data: { userId: tenant.userId, hashedKey } });
    await db.$disconnect();
    expect((await api("/v2/me", { key: plain })).status).toBe(200);
  });

  it("verifies keys issued with Cal.com cloud's cal_live_ prefix (hash of the part after the prefix)", async () => {
    const { plain, hashedKey } = await generateApiKey("cal_live_");
    const db = testDb();
    await db.apiKey.create({ data: { userId: tenant.userId, hashedKey } });
    await db.$disconnect();
    const res = await api("/v2/me", { key: plain });
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(tenant.userId);
  });

  it("stores only hashes: the plain key is nowhere in the database", async () => {
    const db = testDb();
    const rows = await db.apiKey.findMany({ where: { userId: tenant.userId }, select: { hashedKey: true } });
    await db.$disconnect();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.hashedKey).toMatch(/^[0-9a-f]{64}$/);
      expect(tenant.apiKey).not.toContain(row.hashedKey);
    }
  });

  it("the test bindings are the real services (sanity)", () => {
    expect(String((env as any).DATABASE_URL)).toMatch(/^postgres/);
  });
});
