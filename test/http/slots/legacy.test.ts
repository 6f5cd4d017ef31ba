import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createHost, DAY, isoDate, mondayAhead, offsetMinutes, type Host } from "./helpers";

// The legacy endpoints @calcom/atoms call without a cal-api-version header (so as 2024-04-15).

let host: Host;
const monday = mondayAhead();
const startTime = new Date(monday).toISOString();
const endTime = new Date(monday + DAY - 1).toISOString();

beforeAll(async () => {
  host = await createHost({ timeZone: "America/New_York" });
});

const available = (query: Record<string, string | number>, headers: Record<string, string> = {}, version?: string) =>
  api(`/v2/slots/available?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, { headers, version });
const times = (body: any) =>
  Object.values(body.data.slots as Record<string, Array<{ time: string }>>)
    .flat()
    .map((s) => s.time);

describe("GET /v2/slots/available", () => {
  it("answers {slots: {date: [{time}]}} in UTC without timeZone, with the zone's offset with one", async () => {
    const utc = await available({ eventTypeId: host.eventTypeId, startTime, endTime });
    expect(utc.status, utc.text).toBe(200);
    const utcTimes = times(utc.body);
    expect(utcTimes).toHaveLength(8);
    expect(utcTimes.every((t) => t.endsWith("Z"))).toBe(true);
    const zoned = await available({ eventTypeId: host.eventTypeId, startTime, endTime, timeZone: "America/New_York" });
    const zonedTimes = times(zoned.body);
    expect(zonedTimes.map(Date.parse)).toEqual(utcTimes.map(Date.parse));
    const offset = offsetMinutes(monday + 15 * 3_600_000, "America/New_York") / 60;
    expect(zonedTimes[0]).toBe(`${isoDate(monday)}T09:00:00.000-0${-offset}:00`);
    expect(Object.keys(zoned.body.data.slots)).toEqual([isoDate(monday)]);
  });

  it("finds the event type by eventTypeSlug + usernameList[]; slotFormat=range gives startTime/endTime", async () => {
    const res = await api(
      `/v2/slots/available?eventTypeSlug=${host.slug}&usernameList[]=${host.username}&startTime=${startTime}&endTime=${endTime}&slotFormat=range`,
    );
    expect(res.status, res.text).toBe(200);
    const first = Object.values(res.body.data.slots as Record<string, any[]>)[0]![0];
    expect(Object.keys(first)).toEqual(["startTime", "endTime"]);
    expect(Date.parse(first.endTime) - Date.parse(first.startTime)).toBe(3_600_000);
  });

  it("reserve sets the uid cookie; the hold hides the slot from others but not from its booker; selected-slot releases it", async () => {
    const before = times((await available({ eventTypeId: host.eventTypeId, startTime, endTime })).body);
    const slot = before[2]!;
    const reserved = await api("/v2/slots/reserve", {
      body: { eventTypeId: host.eventTypeId, slotUtcStartDate: slot, slotUtcEndDate: new Date(Date.parse(slot) + 3_600_000).toISOString() },
    });
    expect(reserved.status, reserved.text).toBe(201);
    const uid = reserved.body.data as string;
    expect(uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(reserved.headers.get("set-cookie")).toBe(`uid=${uid}; Path=/`);

    const others = times((await available({ eventTypeId: host.eventTypeId, startTime, endTime })).body);
    expect(others).toEqual(before.filter((t) => t !== slot));
    const mine = times((await available({ eventTypeId: host.eventTypeId, startTime, endTime }, { cookie: `uid=${uid}` })).body);
    expect(mine).toEqual(before);

    // Picking another slot with the same cookie moves the hold.
    const next = before[4]!;
    const moved = await api("/v2/slots/reserve", {
      headers: { cookie: `uid=${uid}` },
      body: { eventTypeId: host.eventTypeId, slotUtcStartDate: next, slotUtcEndDate: new Date(Date.parse(next) + 3_600_000).toISOString() },
    });
    expect(moved.body.data).toBe(uid);
    expect(times((await available({ eventTypeId: host.eventTypeId, startTime, endTime })).body)).toEqual(before.filter((t) => t !== next));

    const released = await api("/v2/slots/selected-slot", { method: "DELETE", headers: { cookie: `uid=${uid}` } });
    expect(released.status).toBe(200);
    expect(released.body).toEqual({ status: "success" });
    expect(times((await available({ eventTypeId: host.eventTypeId, startTime, endTime })).body)).toEqual(before);
  });

  it("selected-slot also takes the uid as a query parameter", async () => {
    const before = times((await available({ eventTypeId: host.eventTypeId, startTime, endTime })).body);
    const slot = before[6]!;
    const reserved = await api("/v2/slots/reserve", {
      body: { eventTypeId: host.eventTypeId, slotUtcStartDate: slot, slotUtcEndDate: new Date(Date.parse(slot) + 3_600_000).toISOString() },
    });
    expect(times((await available({ eventTypeId: host.eventTypeId, startTime, endTime })).body)).not.toContain(slot);
    expect((await api(`/v2/slots/selected-slot?uid=${reserved.body.data}`, { method: "DELETE" })).status).toBe(200);
    expect(times((await available({ eventTypeId: host.eventTypeId, startTime, endTime })).body)).toEqual(before);
  });

  it("errors: unknown event type 404, bad input 400, holds longer than the event 400", async () => {
    const unknown = await available({ eventTypeId: 2_000_000_000, startTime, endTime });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Event Type not found");
    const badZone = await available({ eventTypeId: host.eventTypeId, startTime, endTime, timeZone: "Nowhere/Land" });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.message).toContain("timeZone");
    const missing = await available({ eventTypeId: host.eventTypeId, startTime });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("endTime");
    const backwards = await available({ eventTypeId: host.eventTypeId, startTime: endTime, endTime: startTime });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain("Invalid time range given - check the 'startTime' and 'endTime' query parameters.");
    const dayLong = await api("/v2/slots/reserve", {
      body: { eventTypeId: host.eventTypeId, slotUtcStartDate: startTime, slotUtcEndDate: endTime },
    });
    expect(dayLong.status).toBe(400);
    expect(dayLong.body.error.message).toContain("slotUtcEndDate");
    const noType = await api("/v2/slots/reserve", { body: { eventTypeId: 2_000_000_000, slotUtcStartDate: startTime, slotUtcEndDate: startTime } });
    expect(noType.status).toBe(404);
  });

  it("answers every version except 2024-09-04", async () => {
    for (const version of ["2024-04-15", "2024-06-11", "2024-06-14", "2024-08-13", "not-a-version"]) {
      expect((await available({ eventTypeId: host.eventTypeId, startTime, endTime }, {}, version)).status).toBe(200);
    }
    const modern = await available({ eventTypeId: host.eventTypeId, startTime, endTime }, {}, "2024-09-04");
    expect(modern.status).toBe(404);
    expect((await api("/v2/slots/selected-slot?uid=x", { method: "DELETE", version: "2024-09-04" })).status).toBe(404);
  });
});
