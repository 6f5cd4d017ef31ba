// Bookings read the host's calendar LIVE: an event created on the calendar after a slot lookup is caught when
// booking (and rescheduling); slot lookups show it within the cache's freshness bound, and adding or removing a
// selected calendar shows at once.
import { beforeAll, describe, expect, it } from "vitest";
import { OVERLAP_MESSAGE } from "../../../src/bookings/errors";
import { invalidateCalendarBusy } from "../../../src/calendars/availability";
import { CALENDAR_BUSY_FRESH_MS, CALENDAR_BUSY_MAX_AGE_MS } from "../../../src/calendars/busy-cache";
import { api, expectError } from "../../helpers/api";
import { testDeps } from "../../helpers/calendars";
import { addCalendarEvent, book, type CalendarHost, createCalendarHost, DAY, HOUR, reschedule, slotsOf, testMonday } from "./busy-helpers";

let host: CalendarHost;
let monday: number;

beforeAll(async () => {
  host = await createCalendarHost();
  monday = testMonday();
});

const query = () => `eventTypeId=${host.eventTypeId}`;

describe("calendar busy time at booking time", () => {
  it("an event created on the calendar after a slot lookup is caught by the booking: 409, nothing booked", async () => {
    const tuesday = monday + DAY;
    expect(await slotsOf(query(), tuesday)).toContain(tuesday + 15 * HOUR);
    await addCalendarEvent(host, tuesday + 15 * HOUR);
    const refused = expectError(await book(host.eventTypeId, tuesday + 15 * HOUR), 409);
    expect(refused.error.message).toBe(OVERLAP_MESSAGE);
    const booked = await book(host.eventTypeId, tuesday + 16 * HOUR);
    expect(booked.status, booked.text).toBe(201);
  });

  it("rescheduling onto a calendar event is 409; the booking's own calendar event does not block it", async () => {
    const wednesday = monday + 2 * DAY;
    const booked = await book(host.eventTypeId, wednesday + 9 * HOUR);
    expect(booked.status, booked.text).toBe(201);
    const uid = booked.body.data.uid as string;
    // The booking's own event on the calendar (what writing bookings to calendars puts there), and another event.
    await addCalendarEvent(host, wednesday + 9 * HOUR);
    await addCalendarEvent(host, wednesday + 12 * HOUR);
    // A two-day window (a cache entry the booking's live read did not fill): the moved booking's own event is
    // ignored, the other one blocks.
    const offered = (await slotsOf(`${query()}&bookingUidToReschedule=${uid}`, wednesday, 2)).filter((start) => start < wednesday + DAY);
    expect(offered).toEqual([9, 10, 11, 13, 14, 15, 16].map((h) => wednesday + h * HOUR));
    expect(expectError(await reschedule(uid, wednesday + 12 * HOUR), 409).error.message).toBe(OVERLAP_MESSAGE);
    const moved = await reschedule(uid, wednesday + 14 * HOUR);
    expect(moved.status, moved.text).toBe(201);
  });
});

describe("freshness of calendar busy time in slot lookups", () => {
  it("an event added after a lookup leaves the slots within the freshness bound (measured); removing and re-adding the selected calendar shows at once", async () => {
    const thursday = monday + 3 * DAY;
    expect(await slotsOf(query(), thursday)).toContain(thursday + 14 * HOUR);
    const added = Date.now();
    await addCalendarEvent(host, thursday + 14 * HOUR);
    let seenAfter = -1;
    while (Date.now() - added < CALENDAR_BUSY_MAX_AGE_MS + 5_000) {
      if (!(await slotsOf(query(), thursday)).includes(thursday + 14 * HOUR)) {
        seenAfter = Date.now() - added;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    console.log(`calendar event visible in GET /v2/slots after ${seenAfter} ms (fresh bound ${CALENDAR_BUSY_FRESH_MS} ms, max ${CALENDAR_BUSY_MAX_AGE_MS} ms)`);
    expect(seenAfter).toBeGreaterThanOrEqual(0);
    // Stale entries are refreshed after the response: the change shows about one freshness period (plus a provider
    // call and the poll interval) after it was made, well before the hard bound.
    expect(seenAfter).toBeLessThan(CALENDAR_BUSY_FRESH_MS + 8_000);

    const calendar = `integration=apple_calendar&externalId=${encodeURIComponent(host.calendarUrl)}&credentialId=${host.credentialId}`;
    const removed = await api(`/v2/selected-calendars?${calendar}`, { method: "DELETE", key: host.apiKey });
    expect(removed.status, removed.text).toBe(200);
    expect(await slotsOf(query(), thursday)).toContain(thursday + 14 * HOUR);
    const readded = await api("/v2/selected-calendars", {
      method: "POST",
      key: host.apiKey,
      body: { integration: "apple_calendar", externalId: host.calendarUrl, credentialId: host.credentialId },
    });
    expect(readded.status, readded.text).toBe(201);
    expect(await slotsOf(query(), thursday)).not.toContain(thursday + 14 * HOUR);
  }, 120_000);
});

describe("invalidation after the API writes to a host's calendar", () => {
  it("invalidateCalendarBusy makes the next lookups read the calendar again (no freshness wait)", async () => {
    const friday = monday + 4 * DAY;
    expect(await slotsOf(query(), friday)).toContain(friday + 10 * HOUR);
    await addCalendarEvent(host, friday + 10 * HOUR);
    await invalidateCalendarBusy(testDeps(), [host.userId]);
    // Other isolates re-read a host's slots version at most once a second (src/availability/answer-cache.ts).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await slotsOf(query(), friday)).not.toContain(friday + 10 * HOUR);
  });
});
