import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createTenant, type Tenant } from "../../helpers/fixtures";

let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant();
});

describe("GET /v2/me", () => {
  it("returns the caller's profile in the contract's shape", async () => {
    const res = await api("/v2/me", { key: tenant.apiKey });
    expect(res.status).toBe(200);
    expect(contractProblems("MeController_getMe", 200, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({ id: tenant.userId, email: tenant.email, username: tenant.username, timeZone: "Europe/London", timeFormat: 12 });
  });
});
