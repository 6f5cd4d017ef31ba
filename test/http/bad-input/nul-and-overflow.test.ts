// Input Postgres cannot store: a NUL character (text and jsonb refuse U+0000) and instants past its timestamp
// range. Each answered 500 before (issue "Reliability": 14 operations for NUL, reservations for year 9999); now a
// 400 in the error envelope on every operation, refused before anything is stored.
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../helpers/api";
import { createEventType, createSchedule, createTenant, sql, type Tenant } from "../../helpers/fixtures";

let tenant: Tenant;
let eventTypeId: number;
let scheduleId: number;

beforeAll(async () => {
  tenant = await createTenant();
  scheduleId = (await createSchedule(tenant)).id;
  eventTypeId = (await createEventType(tenant)).id;
});

const NUL = "\u0000";

describe("a NUL character is a 400, never a 500, and nothing is stored", () => {
  const bodies: Array<[string, string, string, () => Record<string, unknown>, string?]> = [
    ["PATCH event type title", "PATCH", "/v2/event-types/{eventTypeId}", () => ({ title: `Call${NUL}` }), "2024-06-14"],
    ["POST event type", "POST", "/v2/event-types", () => ({ title: `New${NUL}`, slug: `nul-${Date.now()}`, lengthInMinutes: 30 }), "2024-06-14"],
    ["PATCH /v2/me", "PATCH", "/v2/me", () => ({ name: `Me${NUL}` })],
    ["POST schedule", "POST", "/v2/schedules", () => ({ name: `Work${NUL}`, timeZone: "UTC", isDefault: false }), "2024-06-11"],
    ["PATCH schedule", "PATCH", "/v2/schedules/{scheduleId}", () => ({ name: `Work${NUL}` }), "2024-06-11"],
    ["nested key", "PATCH", "/v2/me", () => ({ metadata: { [`k${NUL}`]: "v" } })],
  ];

  for (const [name, method, template, body, version] of bodies) {
    it(`body: ${name}`, async () => {
      const path = template.replace("{eventTypeId}", String(eventTypeId)).replace("{scheduleId}", String(scheduleId));
      const res = await api(path, { method, body: body(), key: tenant.apiKey, version });
      expect(expectError(res, 400).error.message).toBe("The request body must not contain the NUL character (\\u0000)");
    });
  }

  const queries = [
    `/v2/event-types?username=${encodeURIComponent(`a${NUL}`)}`,
    `/v2/bookings?attendeeEmail=${encodeURIComponent(`a${NUL}@x.com`)}`,
    `/v2/slots?eventTypeId=${1}&start=2030-01-01&end=2030-01-02&bookingUidToReschedule=%00`,
    `/v2/slots/available?eventTypeId=1&startTime=2030-01-01T00:00:00Z&endTime=2030-01-02T00:00:00Z&timeZone=%00`,
  ];
  for (const path of queries) {
    it(`query: ${path.split("?")[0]}`, async () => {
      const res = await api(path, { key: tenant.apiKey, version: path.startsWith("/v2/slots?") ? "2024-09-04" : undefined });
      expect(expectError(res, 400).error.message).toBe("Query parameters must not contain the NUL character (\\u0000)");
    });
  }

  it("path: a NUL in an id segment", async () => {
    const res = await api("/v2/bookings/abc%00def", { key: tenant.apiKey, version: "2024-08-13" });
    expect(expectError(res, 400).error.message).toBe("The path must not contain the NUL character (\\u0000)");
  });

  it("an escaped backslash followed by u0000 is ordinary text, stored as sent", async () => {
    const title = "Back\\u0000slash";
    const res = await api(`/v2/event-types/${eventTypeId}`, { method: "PATCH", body: { title }, key: tenant.apiKey, version: "2024-06-14" });
    expect(res.status, res.text).toBe(200);
    const [row] = await sql<{ title: string }>`SELECT title FROM "EventType" WHERE id = ${eventTypeId}`;
    expect(row!.title).toBe(title);
  });

  it("nothing was stored by the refused writes", async () => {
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM "EventType" WHERE title LIKE 'New%' AND "userId" = ${tenant.userId}`;
    expect(rows[0]!.n).toBe(0);
  });
});

describe("instants past Postgres' timestamp range", () => {
  it("a reservation starting 9999-12-31T23:59:59Z is a 400", async () => {
    const res = await api("/v2/slots/reservations", {
      method: "POST",
      version: "2024-09-04",
      body: { eventTypeId, slotStart: "9999-12-31T23:59:59Z" },
      key: tenant.apiKey,
    });
    expect(expectError(res, 400).error.message).toMatch(/^Invalid input: a value is outside what can be stored/);
    const holds = await sql<{ n: number }>`SELECT count(*)::int AS n FROM "SelectedSlots" WHERE "eventTypeId" = ${eventTypeId}`;
    expect(holds[0]!.n).toBe(0);
  });

  it("a booking list filter in year 9999 answers (no computed instant overflows)", async () => {
    const res = await api("/v2/bookings?afterStart=9999-12-31T23:59:59Z", { key: tenant.apiKey, version: "2024-08-13" });
    expect(res.status, res.text).toBe(200);
  });
});
