import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createTenant, type Tenant } from "../../helpers/fixtures";

const V = "2024-06-11";
let tenant: Tenant;
let scheduleId: number;

beforeAll(async () => {
  tenant = await createTenant();
  const res = await api("/v2/schedules", { method: "POST", key: tenant.apiKey, version: V, body: { name: "Base", timeZone: "UTC", isDefault: true } });
  scheduleId = res.body.data.id;
});

const valid = { name: "Hours", timeZone: "Europe/Paris", isDefault: false };

// Each case: a body that must be refused with 400 and a message naming the offending field.
const badBodies: [string, unknown, string][] = [
  ["bad HH:mm", { ...valid, availability: [{ days: ["Monday"], startTime: "9:00", endTime: "17:00" }] }, "availability.0.startTime"],
  ["hour 24", { ...valid, availability: [{ days: ["Monday"], startTime: "09:00", endTime: "24:00" }] }, "availability.0.endTime"],
  ["end before start", { ...valid, availability: [{ days: ["Monday"], startTime: "17:00", endTime: "09:00" }] }, "availability.0.endTime"],
  ["empty window", { ...valid, availability: [{ days: ["Monday"], startTime: "09:00", endTime: "09:00" }] }, "availability.0.endTime"],
  ["override end before start", { ...valid, overrides: [{ date: "2030-01-01", startTime: "10:00", endTime: "09:59" }] }, "overrides.0.endTime"],
  ["impossible override date", { ...valid, overrides: [{ date: "2030-02-30", startTime: "10:00", endTime: "11:00" }] }, "overrides.0.date"],
  ["unknown day", { ...valid, availability: [{ days: ["Funday"], startTime: "09:00", endTime: "10:00" }] }, "availability.0.days.0"],
  ["lower-case day", { ...valid, availability: [{ days: ["monday"], startTime: "09:00", endTime: "10:00" }] }, "availability.0.days.0"],
  ["no days", { ...valid, availability: [{ days: [], startTime: "09:00", endTime: "10:00" }] }, "availability.0.days"],
  ["unknown time zone", { ...valid, timeZone: "Mars/Olympus_Mons" }, "timeZone"],
  ["UTC offset instead of a zone", { ...valid, timeZone: "+02:00" }, "timeZone"],
  ["missing isDefault", { name: "x", timeZone: "UTC" }, "isDefault"],
  ["isDefault as string", { ...valid, isDefault: "yes" }, "isDefault"],
  ["10 000-character name", { ...valid, name: "x".repeat(10_000) }, "name"],
  ["availability not an array", { ...valid, availability: { days: ["Monday"] } }, "availability"],
];

describe("POST /v2/schedules rejects bad input with 400 naming the field", () => {
  for (const [label, body, field] of badBodies) {
    it(label, async () => {
      const res = await api("/v2/schedules", { method: "POST", key: tenant.apiKey, version: V, body });
      expect(res.status).toBe(400);
      expect(res.body.status).toBe("error");
      expect(res.body.error.message).toContain(field);
    });
  }

  it("a malformed JSON body is a 400, not a 500", async () => {
    const res = await api("/v2/schedules", {
      method: "POST",
      key: tenant.apiKey,
      version: V,
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
  });
});

describe("PATCH /v2/schedules/{id} validates too", () => {
  it("rejects end before start", async () => {
    const res = await api(`/v2/schedules/${scheduleId}`, {
      method: "PATCH",
      key: tenant.apiKey,
      version: V,
      body: { availability: [{ days: ["Tuesday"], startTime: "12:00", endTime: "11:00" }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("availability.0.endTime");
  });

  it("rejects an unknown time zone", async () => {
    const res = await api(`/v2/schedules/${scheduleId}`, { method: "PATCH", key: tenant.apiKey, version: V, body: { timeZone: "Europe/Atlantis" } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("timeZone");
  });

  it("rejects a non-numeric id with 400", async () => {
    const res = await api(`/v2/schedules/abc`, { method: "PATCH", key: tenant.apiKey, version: V, body: { name: "x" } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("scheduleId");
  });
});

describe("unknown ids", () => {
  it("GET and PATCH answer 404, DELETE answers 400 (as Cal.com)", async () => {
    const missing = 2_000_000_000;
    const get = await api(`/v2/schedules/${missing}`, { key: tenant.apiKey, version: V });
    expect(get.status).toBe(404);
    expect(get.body.error.message).toBe(`Schedule with ID=${missing} does not exist.`);
    const patch = await api(`/v2/schedules/${missing}`, { method: "PATCH", key: tenant.apiKey, version: V, body: { name: "x" } });
    expect(patch.status).toBe(404);
    const del = await api(`/v2/schedules/${missing}`, { method: "DELETE", key: tenant.apiKey, version: V });
    expect(del.status).toBe(400);
    expect(del.body.error.message).toBe(`Schedule with ID=${missing} does not exist.`);
  });

  it("an id beyond the integer range is a 400, not a 500", async () => {
    const res = await api(`/v2/schedules/99999999999999`, { key: tenant.apiKey, version: V });
    expect(res.status).toBe(400);
  });
});
