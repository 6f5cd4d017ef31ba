import { beforeAll, describe, expect, it } from "vitest";
import { contractProblems } from "../../helpers/contract";
import {
  createHost,
  DAY,
  getSlots,
  insertBooking,
  isoDate,
  mondayAhead,
  nextOffsetChange,
  offsetMinutes,
  seenWithinRecheck,
  slotStarts,
  wallClock,
  type Host,
} from "./helpers";

const OP = "SlotsController_2024_09_04_getAvailableSlots";
const NEW_YORK = "America/New_York";
let host: Host;

beforeAll(async () => {
  host = await createHost({ timeZone: NEW_YORK });
});

describe("GET /v2/slots across a DST change", () => {
  // Two weeks around New York's next offset change: Mon-Fri 09:00-17:00 New York time, 60-minute slots.
  const change = nextOffsetChange(NEW_YORK);
  const start = isoDate(change - 7 * DAY);
  const end = isoDate(change + 6 * DAY);

  it("keeps every slot at 09:00-16:00 New York wall time on both sides, with the zone's offset of each date", async () => {
    const res = await getSlots({ eventTypeId: host.eventTypeId, start, end, timeZone: NEW_YORK });
    expect(res.status, res.text).toBe(200);
    expect(contractProblems(OP, 200, res.body)).toEqual([]);
    const data = res.body.data as Record<string, Array<{ start: string }>>;
    const dates = Object.keys(data);
    expect(dates.length).toBe(10); // two working weeks
    const offsets = new Set<string>();
    for (const [date, slots] of Object.entries(data)) {
      expect(slots.map((s) => s.start.slice(11, 16))).toEqual(["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"]);
      for (const slot of slots) {
        expect(slot.start.slice(0, 10)).toBe(date);
        const instant = Date.parse(slot.start);
        const offset = offsetMinutes(instant, NEW_YORK);
        const sign = offset < 0 ? "-" : "+";
        expect(slot.start.slice(-6)).toBe(`${sign}${String(Math.abs(offset) / 60).padStart(2, "0")}:00`);
        expect(wallClock(instant, NEW_YORK)).toMatchObject({ date, minutes: Number(slot.start.slice(11, 13)) * 60 });
        offsets.add(slot.start.slice(-6));
      }
    }
    expect(offsets.size).toBe(2);
  });

  it("answers the same instants in UTC (…Z, UTC dates) when timeZone is omitted, and in any other zone", async () => {
    const inNewYork = await getSlots({ eventTypeId: host.eventTypeId, start, end, timeZone: NEW_YORK });
    const inUtc = await getSlots({ eventTypeId: host.eventTypeId, start, end });
    const inParis = await getSlots({ eventTypeId: host.eventTypeId, start, end, timeZone: "Europe/Paris" });
    expect(inUtc.status).toBe(200);
    expect(contractProblems(OP, 200, inUtc.body)).toEqual([]);
    const instants = slotStarts(inNewYork.body.data);
    expect(slotStarts(inUtc.body.data)).toEqual(instants);
    expect(slotStarts(inParis.body.data)).toEqual(instants);
    for (const [date, slots] of Object.entries(inUtc.body.data as Record<string, Array<{ start: string }>>)) {
      for (const slot of slots) {
        expect(slot.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
        expect(slot.start.slice(0, 10)).toBe(date);
      }
    }
    // 09:00 in New York is 14:00Z in winter and 13:00Z in summer: the UTC hours move, the local ones do not.
    const firstUtcHours = new Set(Object.values(inUtc.body.data as Record<string, Array<{ start: string }>>).map((s) => s[0]!.start.slice(11, 13)));
    expect(firstUtcHours).toEqual(new Set(["13", "14"]));
    for (const slots of Object.values(inParis.body.data as Record<string, Array<{ start: string }>>)) {
      for (const slot of slots) {
        const offset = offsetMinutes(Date.parse(slot.start), "Europe/Paris");
        expect(slot.start.slice(-6)).toBe(`+${String(offset / 60).padStart(2, "0")}:00`);
      }
    }
  });

  it("format=range adds each slot's end, in the same zone", async () => {
    const res = await getSlots({ eventTypeId: host.eventTypeId, start, end, timeZone: NEW_YORK, format: "range" });
    expect(res.status).toBe(200);
    expect(contractProblems(OP, 200, res.body)).toEqual([]);
    for (const slots of Object.values(res.body.data as Record<string, Array<{ start: string; end: string }>>)) {
      for (const slot of slots) {
        expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(60 * 60_000);
        expect(slot.end.slice(-6)).toBe(slot.start.slice(-6));
      }
    }
  });
});

describe("GET /v2/slots windows and lookups", () => {
  const monday = mondayAhead();

  it("reads start and end in UTC; a date-only end covers that whole UTC day", async () => {
    const wholeDay = await getSlots({ eventTypeId: host.eventTypeId, start: isoDate(monday), end: isoDate(monday) });
    expect(slotStarts(wholeDay.body.data)).toHaveLength(8);
    const morning = await getSlots({ eventTypeId: host.eventTypeId, start: isoDate(monday), end: `${isoDate(monday)}T16:00:00Z` });
    const starts = slotStarts(morning.body.data);
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((s) => s < monday + 16 * 3_600_000)).toBe(true);
    expect(starts.length).toBeLessThan(8);
    // Offsets in start/end are honoured: 12:00-05:00 is 17:00Z.
    const shifted = await getSlots({ eventTypeId: host.eventTypeId, start: `${isoDate(monday)}T12:00:00-05:00`, end: isoDate(monday) });
    expect(slotStarts(shifted.body.data).every((s) => s >= monday + 17 * 3_600_000)).toBe(true);
  });

  it("finds the event type by username and slug, as by id", async () => {
    const window = { start: isoDate(monday), end: isoDate(monday + DAY) };
    const byId = await getSlots({ eventTypeId: host.eventTypeId, ...window });
    const bySlug = await getSlots({ username: host.username, eventTypeSlug: host.slug, ...window });
    expect(bySlug.status).toBe(200);
    expect(bySlug.body).toEqual(byId.body);
  });

  it("a booked slot disappears (with the buffer-free neighbours kept); bookingUidToReschedule gives it back", async () => {
    const day = monday + 7 * DAY;
    const window = { eventTypeId: host.eventTypeId, start: isoDate(day), end: isoDate(day) };
    const before = slotStarts((await getSlots(window)).body.data);
    const booking = await insertBooking(host, before[2]!);
    await seenWithinRecheck(
      async () => slotStarts((await getSlots(window)).body.data),
      (after) => expect(after).toEqual(before.filter((s) => s !== before[2])),
    );
    const rescheduling = slotStarts((await getSlots({ ...window, bookingUidToReschedule: booking.uid })).body.data);
    expect(rescheduling).toEqual(before);
  });

  it("returns {} when nothing is available", async () => {
    const saturday = monday + 5 * DAY;
    const res = await getSlots({ eventTypeId: host.eventTypeId, start: isoDate(saturday), end: isoDate(saturday + DAY) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "success", data: {} });
    expect(contractProblems(OP, 200, res.body)).toEqual([]);
  });
});

describe("GET /v2/slots event type settings", () => {
  const monday = mondayAhead();

  it("duration picks one of the event type's lengths", async () => {
    const multi = await createHost({ timeZone: "UTC", eventType: { lengthInMinutes: 60, lengthInMinutesOptions: [30, 60] } });
    const window = { eventTypeId: multi.eventTypeId, start: isoDate(monday), end: isoDate(monday) };
    expect(slotStarts((await getSlots(window)).body.data)).toHaveLength(8);
    const halfHours = await getSlots({ ...window, duration: 30, format: "range" });
    expect(halfHours.status).toBe(200);
    const slots = Object.values(halfHours.body.data as Record<string, Array<{ start: string; end: string }>>).flat();
    expect(slots).toHaveLength(16);
    expect(slots[0]).toEqual({ start: `${isoDate(monday)}T09:00:00.000Z`, end: `${isoDate(monday)}T09:30:00.000Z` });
  });

  it("onlyShowFirstAvailableSlot keeps the first slot of each date", async () => {
    const first = await createHost({ timeZone: "UTC", eventType: { onlyShowFirstAvailableSlot: true } });
    const res = await getSlots({ eventTypeId: first.eventTypeId, start: isoDate(monday), end: isoDate(monday + 2 * DAY), timeZone: "UTC" });
    expect(res.body.data).toEqual({
      [isoDate(monday)]: [{ start: `${isoDate(monday)}T09:00:00.000Z` }],
      [isoDate(monday + DAY)]: [{ start: `${isoDate(monday + DAY)}T09:00:00.000Z` }],
      [isoDate(monday + 2 * DAY)]: [{ start: `${isoDate(monday + 2 * DAY)}T09:00:00.000Z` }],
    });
  });

  it("seated event types show seat counts on every slot", async () => {
    const seated = await createHost({
      timeZone: "Europe/London",
      eventType: { seats: { seatsPerTimeSlot: 3, showAttendeeInfo: false, showAvailabilityCount: true } },
    });
    const window = { eventTypeId: seated.eventTypeId, start: isoDate(monday), end: isoDate(monday) };
    const res = await getSlots(window);
    expect(res.status).toBe(200);
    expect(contractProblems(OP, 200, res.body)).toEqual([]);
    const slots = Object.values(res.body.data as Record<string, Array<Record<string, unknown>>>).flat();
    expect(slots[0]).toEqual({ start: expect.any(String), seatsBooked: 0, seatsRemaining: 3, seatsTotal: 3 });
  });
});
