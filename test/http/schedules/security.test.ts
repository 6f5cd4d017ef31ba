import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { createTenant, type Tenant } from "../../helpers/fixtures";

const V = "2024-06-11";
let owner: Tenant;
let intruder: Tenant;
let scheduleId: number;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([createTenant(), createTenant()]);
  const res = await api("/v2/schedules", {
    method: "POST",
    key: owner.apiKey,
    version: V,
    body: { name: "Private hours", timeZone: "Europe/Berlin", isDefault: true },
  });
  scheduleId = res.body.data.id;
});

const body = { name: "x", timeZone: "UTC", isDefault: false };

describe("every schedules route requires credentials", () => {
  describe("POST /v2/schedules", () => itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/schedules", method: "POST", version: V, body })));
  describe("GET /v2/schedules", () => itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/schedules", version: V })));
  describe("GET /v2/schedules/default", () => itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/schedules/default", version: V })));
  describe("GET /v2/schedules/{id}", () => itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/schedules/${scheduleId}`, version: V })));
  describe("PATCH /v2/schedules/{id}", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/schedules/${scheduleId}`, method: "PATCH", version: V, body: { name: "x" } })));
  describe("DELETE /v2/schedules/{id}", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/schedules/${scheduleId}`, method: "DELETE", version: V })));
});

describe("another user's schedule: 403 as Cal.com, never the data", () => {
  const expectForbidden = (res: { status: number; body: any; text: string }) => {
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("ForbiddenException");
    expect(res.body.error.message).toBe(`User with ID=${intruder.userId} does not own schedule with ID=${scheduleId}`);
    expect(res.text).not.toContain("Private hours");
  };

  it("GET", async () => expectForbidden(await api(`/v2/schedules/${scheduleId}`, { key: intruder.apiKey, version: V })));

  it("PATCH changes nothing", async () => {
    expectForbidden(
      await api(`/v2/schedules/${scheduleId}`, { method: "PATCH", key: intruder.apiKey, version: V, body: { name: "Hijacked", isDefault: true } }),
    );
    const mine = await api(`/v2/schedules/${scheduleId}`, { key: owner.apiKey, version: V });
    expect(mine.body.data.name).toBe("Private hours");
    const theirs = await api("/v2/me", { key: intruder.apiKey });
    expect(theirs.body.data.defaultScheduleId).toBeNull();
  });

  it("DELETE deletes nothing", async () => {
    expectForbidden(await api(`/v2/schedules/${scheduleId}`, { method: "DELETE", key: intruder.apiKey, version: V }));
    expect((await api(`/v2/schedules/${scheduleId}`, { key: owner.apiKey, version: V })).status).toBe(200);
  });

  it("lists and the default only ever show the caller's own schedules", async () => {
    const list = await api("/v2/schedules", { key: intruder.apiKey, version: V });
    expect(list.body.data).toEqual([]);
    const def = await api("/v2/schedules/default", { key: intruder.apiKey, version: V });
    expect(def.body.data).toBeNull();
  });

  it("PATCH /v2/me cannot adopt someone else's schedule as default (403), nor an unknown one (404)", async () => {
    const taken = await api("/v2/me", { method: "PATCH", key: intruder.apiKey, body: { defaultScheduleId: scheduleId } });
    expect(taken.status).toBe(403);
    const unknown = await api("/v2/me", { method: "PATCH", key: intruder.apiKey, body: { defaultScheduleId: 2_000_000_000 } });
    expect(unknown.status).toBe(404);
    expect((await api("/v2/me", { key: intruder.apiKey })).body.data.defaultScheduleId).toBeNull();
  });
});
