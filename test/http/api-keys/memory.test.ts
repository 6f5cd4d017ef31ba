// Verified API keys kept in the isolate (src/auth/verified-memory.ts): within AUTH_MEMORY_TTL_SECONDS a key is
// accepted without asking Redis or Postgres, then asked again; a refresh forgets it at once in this isolate.
// Redis is left out of these requests (no UPSTASH_* bindings) so the only places a key can be found are the
// isolate's memory and the ApiKey table.
import { describe, expect, it } from "vitest";
import { fetchWithEnv } from "../../helpers/app";
import { createTenant, sql } from "../../helpers/fixtures";

function me(key: string, overrides: Record<string, string | undefined> = {}) {
  const request = new Request("http://api.test/v2/me", { headers: { authorization: `Bearer ${key}` } });
  return fetchWithEnv(request, { UPSTASH_REDIS_REST_URL: undefined, UPSTASH_REDIS_REST_TOKEN: undefined, ...overrides });
}

const deleteKeysOf = (userId: number) => sql`DELETE FROM "ApiKey" WHERE "userId" = ${userId}`;

describe("verified API keys in the isolate's memory", () => {
  it("a key deleted behind the API's back is accepted for at most the bound, then refused", async () => {
    const tenant = await createTenant();
    const bound = { AUTH_MEMORY_TTL_SECONDS: "1" };
    expect((await me(tenant.apiKey, bound)).status).toBe(200);
    await deleteKeysOf(tenant.userId);
    // No Redis and no row: only the isolate's memory can still know this key.
    const remembered = await me(tenant.apiKey, bound);
    expect(remembered.status).toBe(200);
    expect(remembered.body.data.id).toBe(tenant.userId);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const refused = await me(tenant.apiKey, bound);
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe("ApiAuthStrategy - api key - Your api key is not valid");
  });

  it("AUTH_CACHE_TTL_SECONDS=0 turns it off: every request asks the database", async () => {
    const tenant = await createTenant();
    const off = { AUTH_CACHE_TTL_SECONDS: "0" };
    expect((await me(tenant.apiKey, off)).status).toBe(200);
    await deleteKeysOf(tenant.userId);
    expect((await me(tenant.apiKey, off)).status).toBe(401);
  });

  it("a refresh forgets the old key in this isolate at once, though the bound is long", async () => {
    const tenant = await createTenant();
    const long = { AUTH_MEMORY_TTL_SECONDS: "60" };
    expect((await me(tenant.apiKey, long)).status).toBe(200);
    const refreshRequest = new Request("http://api.test/v2/api-keys/refresh", {
      method: "POST",
      headers: { authorization: `Bearer ${tenant.apiKey}`, "content-type": "application/json" },
      body: "{}",
    });
    const refreshed = await fetchWithEnv(refreshRequest, { UPSTASH_REDIS_REST_URL: undefined, UPSTASH_REDIS_REST_TOKEN: undefined, ...long });
    expect(refreshed.status).toBe(200);
    expect((await me(tenant.apiKey, long)).status).toBe(401);
    expect((await me(refreshed.body.data.apiKey, long)).status).toBe(200);
  });
});
