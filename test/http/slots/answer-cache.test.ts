import { beforeAll, describe, expect, it } from "vitest";
import { VERSION_RECHECK_MS } from "../../../src/availability/answer-cache";
import { fetchWithEnv } from "../../helpers/app";
import { attendee, book } from "../../helpers/bookings";
import { createHost, getSlots, isoDate, mondayAhead, slotStarts, V, type Host } from "./helpers";

// Slot answers are kept in the isolate's memory while the host's SlotsVersion stands (src/availability/answer-cache.ts).

const UNREACHABLE_DATABASE = { DATABASE_URL: "postgresql://nobody@127.0.0.1:9/nothing" };

const slotsRequest = (query: Record<string, string | number>) =>
  new Request(`http://api.test/v2/slots?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, {
    headers: { "cal-api-version": V },
  });

describe("slot answers kept in memory", () => {
  let host: Host;
  const monday = mondayAhead(35);
  beforeAll(async () => {
    host = await createHost({ timeZone: "UTC" });
  });

  it("serves a repeated lookup without the database, and asks it again once the version is due for a check", async () => {
    const query = { eventTypeId: host.eventTypeId, start: isoDate(monday), end: isoDate(monday), timeZone: "Europe/Paris" };
    const first = await getSlots(query);
    expect(first.status).toBe(200);
    expect(slotStarts(first.body.data)).toHaveLength(8);

    // Same question, database unreachable: the answer comes from memory, byte for byte.
    const fromMemory = await fetchWithEnv(slotsRequest(query), UNREACHABLE_DATABASE);
    expect(fromMemory.status).toBe(200);
    expect(fromMemory.body).toEqual(first.body);

    // Once the host's version must be read again, the lookup needs the database.
    await new Promise((resolve) => setTimeout(resolve, VERSION_RECHECK_MS + 100));
    const recheck = await fetchWithEnv(slotsRequest(query), UNREACHABLE_DATABASE);
    expect(recheck.status).toBeGreaterThanOrEqual(500);
    expect((await getSlots(query)).body).toEqual(first.body);
  });

  it("keeps answers to different questions apart", async () => {
    const base = { eventTypeId: host.eventTypeId, start: isoDate(monday), end: isoDate(monday) };
    const utc = await getSlots(base);
    const kolkata = await getSlots({ ...base, timeZone: "Asia/Kolkata" });
    const ranges = await getSlots({ ...base, format: "range" });
    expect(Object.values(utc.body.data).flat()[0]).toEqual({ start: expect.stringMatching(/Z$/) });
    expect(Object.values(kolkata.body.data).flat()[0]).toEqual({ start: expect.stringMatching(/\+05:30$/) });
    expect(Object.values(ranges.body.data).flat()[0]).toEqual({ start: expect.any(String), end: expect.any(String) });
  });

  it("keeps only valid questions' answers: a repeated bad question is a 400 each time", async () => {
    const bad = { eventTypeId: host.eventTypeId, start: isoDate(monday + 86_400_000), end: isoDate(monday) };
    expect((await getSlots(bad)).status).toBe(400);
    expect((await getSlots(bad)).status).toBe(400);
  });

  it("a booking made through the API shows in the very next lookup", async () => {
    const day = monday + 86_400_000;
    const query = { eventTypeId: host.eventTypeId, start: isoDate(day), end: isoDate(day) };
    const before = slotStarts((await getSlots(query)).body.data);
    const booked = await book({ eventTypeId: host.eventTypeId, start: new Date(before[3]!).toISOString(), attendee: attendee() });
    expect(booked.status, booked.text).toBe(201);
    expect(slotStarts((await getSlots(query)).body.data)).toEqual(before.filter((start) => start !== before[3]));
  });

  it("lookups arriving together right after a booking, sharing one version read and one computation, all see it", async () => {
    const day = monday + 2 * 86_400_000;
    const query = { eventTypeId: host.eventTypeId, start: isoDate(day), end: isoDate(day) };
    const before = slotStarts((await getSlots(query)).body.data);
    const booked = await book({ eventTypeId: host.eventTypeId, start: new Date(before[5]!).toISOString(), attendee: attendee() });
    expect(booked.status, booked.text).toBe(201);
    const together = await Promise.all(Array.from({ length: 8 }, () => getSlots(query)));
    for (const lookup of together) expect(slotStarts(lookup.body.data)).toEqual(before.filter((start) => start !== before[5]));
  });
});
