import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createTenant, type Tenant } from "../../helpers/fixtures";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant();
});

describe("cal-api-version resolution on a version-neutral route", () => {
  for (const version of [undefined, "2024-04-15", "2024-06-14", "2024-08-13", "2024-09-04", "1999-01-01", "garbage"]) {
    it(`GET /v2/me with ${version ?? "no header"} is served (an unknown value is never an error)`, async () => {
      const res = await api("/v2/me", { key: tenant.apiKey, version });
      expect(res.status).toBe(200);
      expect(res.body.data.id).toBe(tenant.userId);
    });
  }
});

describe("Cal.com's path rewrites", () => {
  it("/api/v2/... is /v2/...", async () => {
    const res = await api("/api/v2/me", { key: tenant.apiKey });
    expect(res.status).toBe(200);
  });

  it("/v2/ee/... is /v2/...", async () => {
    const res = await api("/v2/ee/me", { key: tenant.apiKey });
    expect(res.status).toBe(200);
  });
});

describe("unknown routes", () => {
  it("404 with Nest's message and the envelope", async () => {
    const res = await api("/v2/does-not-exist", { key: tenant.apiKey });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      status: "error",
      path: "/v2/does-not-exist",
      error: { code: "NotFoundException", message: "Cannot GET /v2/does-not-exist" },
    });
  });

  it("404 for a method the path does not have", async () => {
    const res = await api("/v2/me", { method: "DELETE", key: tenant.apiKey });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe("Cannot DELETE /v2/me");
  });
});

// The router remembers the match of each parameterless path (src/router.ts); the version is part of the path it
// sees, so alternating versions and repeating a request must keep answering as the first time.
describe("a path asked again and again, with and without the version that serves it", () => {
  it("GET /v2/slots is the 2024-09-04 operation (its 400 for a missing query) only under 2024-09-04, every time", async () => {
    for (let round = 0; round < 3; round++) {
      const served = await api("/v2/slots", { key: tenant.apiKey, version: "2024-09-04" });
      expect(served.status, served.text).toBe(400);
      expect(served.body.status).toBe("error");
      const unserved = await api("/v2/slots", { key: tenant.apiKey });
      expect(unserved.status).toBe(404);
      expect(unserved.body.error.message).toBe("Cannot GET /v2/slots");
    }
  });

  it("an unknown path and a method a path lacks stay 404 when asked again", async () => {
    for (let round = 0; round < 3; round++) {
      expect((await api("/v2/does-not-exist", { key: tenant.apiKey })).status).toBe(404);
      expect((await api("/v2/me", { key: tenant.apiKey })).status).toBe(200);
      expect((await api("/v2/me", { method: "DELETE", key: tenant.apiKey })).status).toBe(404);
    }
  });
});
