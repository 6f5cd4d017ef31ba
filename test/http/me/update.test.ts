import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { createTenant, testDb, type Tenant } from "../../helpers/fixtures";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant();
});

describe("PATCH /v2/me", () => {
  it("updates the profile, persists it and answers the contract's shape", async () => {
    const res = await api("/v2/me", {
      method: "PATCH",
      key: tenant.apiKey,
      body: { name: "Ada Lovelace", timeFormat: 24, weekStart: "Monday", timeZone: "America/St_Johns", bio: "hi", locale: "de" },
    });
    expect(res.status).toBe(200);
    expect(contractProblems("MeController_updateMe", 200, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({ name: "Ada Lovelace", timeFormat: 24, weekStart: "Monday", timeZone: "America/St_Johns", bio: "hi" });

    const again = await api("/v2/me", { key: tenant.apiKey });
    expect(again.body.data).toMatchObject({ name: "Ada Lovelace", timeFormat: 24, timeZone: "America/St_Johns" });
    const db = testDb();
    const row = await db.user.findUniqueOrThrow({ where: { id: tenant.userId } });
    await db.$disconnect();
    expect(row.locale).toBe("de");
  });

  it("drops unknown keys, as Cal.com's whitelist validation does", async () => {
    const res = await api("/v2/me", { method: "PATCH", key: tenant.apiKey, body: { name: "Kept", id: 999, role: "ADMIN" } });
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(tenant.userId);
    expect(res.body.data.name).toBe("Kept");
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    [{ timeFormat: 13 }, "timeFormat"],
    [{ weekStart: "Funday" }, "weekStart"],
    [{ locale: "xx" }, "locale"],
    [{ email: "not-an-email" }, "email"],
    [{ name: "x".repeat(10_000) }, "name"],
    [{ name: 42 }, "name"],
    [{ avatarUrl: "javascript:alert(1)" }, "avatarUrl"],
    [{ metadata: { ["k".repeat(41)]: "v" } }, "metadata"],
    [{ defaultScheduleId: "one" }, "defaultScheduleId"],
  ])("400 naming the field for %j", async (body, field) => {
    const res = await api("/v2/me", { method: "PATCH", key: tenant.apiKey, body });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  it("404 for a default schedule the caller does not have", async () => {
    const res = await api("/v2/me", { method: "PATCH", key: tenant.apiKey, body: { defaultScheduleId: 987654 } });
    expect(res.status).toBe(404);
  });

  it("409 when the new email belongs to someone else, and nothing changes", async () => {
    const other = await createTenant();
    const res = await api("/v2/me", { method: "PATCH", key: tenant.apiKey, body: { email: other.email } });
    expect(res.status).toBe(409);
    expect((await api("/v2/me", { key: tenant.apiKey })).body.data.email).toBe(tenant.email);
  });

  it("only changes the caller's own profile", async () => {
    const other = await createTenant();
    await api("/v2/me", { method: "PATCH", key: tenant.apiKey, body: { name: "Mine only" } });
    expect((await api("/v2/me", { key: other.apiKey })).body.data.name).not.toBe("Mine only");
  });

  itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/me", method: "PATCH", body: { name: "x" } }));
});
