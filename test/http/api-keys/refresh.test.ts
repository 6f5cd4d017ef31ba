import { describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { createTenant, testDb } from "../../helpers/fixtures";

describe("POST /v2/api-keys/refresh", () => {
  it("issues a new key, revokes the old one at once (cache included), and defaults to 30 days", async () => {
    const tenant = await createTenant();
    // Warm the auth cache with the old key first: the refresh must still revoke it immediately.
    expect((await api("/v2/me", { key: tenant.apiKey })).status).toBe(200);

    const res = await api("/v2/api-keys/refresh", { method: "POST", key: tenant.apiKey, body: {} });
    expect(res.status).toBe(200);
    expect(contractProblems("ApiKeysController_refresh", 200, res.body)).toEqual([]);
    const newKey: string = res.body.data.apiKey;
    expect(newKey).toMatch(/^cal_[0-9a-f]{32}$/);

    expect((await api("/v2/me", { key: tenant.apiKey })).status).toBe(401);
    const me = await api("/v2/me", { key: newKey });
    expect(me.status).toBe(200);
    expect(me.body.data.id).toBe(tenant.userId);

    const db = testDb();
    const keys = await db.apiKey.findMany({ where: { userId: tenant.userId } });
    await db.$disconnect();
    expect(keys).toHaveLength(1);
    const days = (keys[0]!.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
  });

  it("works with no body at all, and honours apiKeyDaysValid / apiKeyNeverExpires", async () => {
    const tenant = await createTenant();
    const noBody = await api("/v2/api-keys/refresh", { method: "POST", key: tenant.apiKey });
    expect(noBody.status).toBe(200);
    const never = await api("/v2/api-keys/refresh", { method: "POST", key: noBody.body.data.apiKey, body: { apiKeyNeverExpires: true } });
    expect(never.status).toBe(200);
    const sixty = await api("/v2/api-keys/refresh", { method: "POST", key: never.body.data.apiKey, body: { apiKeyDaysValid: 60 } });
    expect(sixty.status).toBe(200);
    const db = testDb();
    const [key] = await db.apiKey.findMany({ where: { userId: tenant.userId } });
    await db.$disconnect();
    expect(Math.round((key!.expiresAt!.getTime() - Date.now()) / 86_400_000)).toBe(60);
  });

  it.each([[{ apiKeyDaysValid: 0 }], [{ apiKeyDaysValid: "ten" }], [{ apiKeyNeverExpires: "yes" }]])("400 for %j and the key still works", async (body) => {
    const tenant = await createTenant();
    const res = await api("/v2/api-keys/refresh", { method: "POST", key: tenant.apiKey, body });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(Object.keys(body)[0]);
    expect((await api("/v2/me", { key: tenant.apiKey })).status).toBe(200);
  });

  itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/api-keys/refresh", method: "POST", body: {} }));
});
