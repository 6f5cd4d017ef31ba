// A host's selected CalDAV calendar (real Radicale) takes its events' time out of GET /v2/slots, in every API
// version, recurring events included, and a booking at such a time is refused.
import { beforeAll, describe, expect, it } from "vitest";
import { OVERLAP_MESSAGE } from "../../../src/bookings/errors";
import { expectError } from "../../helpers/api";
import { addCalendarEvent, book, type CalendarHost, createCalendarHost, createUtcHost, HOUR, legacySlotsOf, slotsOf, testMonday, DAY } from "./busy-helpers";

let host: CalendarHost;
let monday: number;

beforeAll(async () => {
  host = await createCalendarHost();
  monday = testMonday();
  // A single event Monday 10:00–11:00 and a daily 13:00–13:30 series (Monday to Friday) on the calendar.
  await addCalendarEvent(host, monday + 10 * HOUR);
  await addCalendarEvent(host, monday + 13 * HOUR, 30, ["RRULE:FREQ=DAILY;COUNT=5"]);
});

const hours = (day: number, list: number[]) => list.map((h) => day + h * HOUR);

describe("connected calendar busy time in slots", () => {
  it("a calendar event and every occurrence of a recurring one remove their slots (GET /v2/slots 2024-09-04)", async () => {
    expect(await slotsOf(`eventTypeId=${host.eventTypeId}`, monday)).toEqual(hours(monday, [9, 11, 12, 14, 15, 16]));
    const tuesday = monday + DAY;
    expect(await slotsOf(`eventTypeId=${host.eventTypeId}`, tuesday)).toEqual(hours(tuesday, [9, 10, 11, 12, 14, 15, 16]));
    // Friday: the series' last occurrence.
    const friday = monday + 4 * DAY;
    expect(await slotsOf(`eventTypeId=${host.eventTypeId}`, friday)).toEqual(hours(friday, [9, 10, 11, 12, 14, 15, 16]));
  });

  it("by username and slug, and the legacy GET /v2/slots/available, answer the same", async () => {
    expect(await slotsOf(`username=${host.username}&eventTypeSlug=${host.slug}`, monday)).toEqual(hours(monday, [9, 11, 12, 14, 15, 16]));
    expect(await legacySlotsOf(host.eventTypeId, monday)).toEqual(hours(monday, [9, 11, 12, 14, 15, 16]));
  });

  it("a booking at a time the calendar holds is Cal.com's 409; a free time is booked", async () => {
    const refused = expectError(await book(host.eventTypeId, monday + 10 * HOUR), 409);
    expect(refused.error.message).toBe(OVERLAP_MESSAGE);
    expectError(await book(host.eventTypeId, monday + 2 * DAY + 13 * HOUR), 409);
    const booked = await book(host.eventTypeId, monday + 11 * HOUR);
    expect(booked.status, booked.text).toBe(201);
  });

  it("a host without a connected calendar is unaffected", async () => {
    const plain = await createUtcHost();
    expect(await slotsOf(`eventTypeId=${plain.eventTypeId}`, monday)).toEqual(hours(monday, [9, 10, 11, 12, 13, 14, 15, 16]));
  });
});
