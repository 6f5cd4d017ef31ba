import { describe, expect, it } from "vitest";
import { computeSlots } from "../../src/slots/engine";
import { formatInZone, localDateKey } from "../../src/slots/format";
import type { EventRules, ScheduleInput, Slot, SlotQuery, WeeklyAvailability } from "../../src/slots/types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const at = (iso: string): number => {
  const epochMs = Date.parse(iso);
  if (Number.isNaN(epochMs)) throw new Error(`bad ISO date in test: ${iso}`);
  return epochMs;
};

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const WEEKDAYS = [1, 2, 3, 4, 5];

const weekly = (days: number[], start: string, end: string): WeeklyAvailability => ({
  days,
  startMinute: minuteOfDay(start),
  endMinute: minuteOfDay(end),
});

function minuteOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function makeRules(partial: Partial<EventRules> = {}): EventRules {
  return {
    lengthMinutes: 30,
    slotIntervalMinutes: null,
    beforeBufferMinutes: 0,
    afterBufferMinutes: 0,
    minimumBookingNoticeMinutes: 0,
    offsetStartMinutes: 0,
    bookingWindow: null,
    bookingLimitsCount: null,
    bookingLimitsDuration: null,
    seatsPerTimeSlot: null,
    weekStart: 0,
    ...partial,
  };
}

interface QueryParts extends Partial<Omit<SlotQuery, "rules" | "schedule">> {
  rules?: Partial<EventRules>;
  schedule?: Partial<ScheduleInput>;
}

/** Defaults: UTC, Mon-Fri 09:00-17:00, 30-minute slots, the week of Monday 2026-03-02, now = the Sunday before. */
function makeQuery(parts: QueryParts = {}): SlotQuery {
  const { rules, schedule, ...rest } = parts;
  return {
    rules: makeRules(rules),
    schedule: { timeZone: "UTC", weekly: [weekly(WEEKDAYS, "09:00", "17:00")], overrides: [], ...schedule },
    busy: [],
    countedBookings: [],
    now: at("2026-03-01T00:00:00Z"),
    rangeStart: at("2026-03-02T00:00:00Z"),
    rangeEnd: at("2026-03-09T00:00:00Z"),
    ...rest,
  };
}

/** 'YYYY-MM-DD HH:MM' local wall times, the easiest thing to eyeball in assertions. */
function localStarts(slots: Slot[], timeZone: string): string[] {
  return slots.map((slot) => formatInZone(slot.start, timeZone).slice(0, 16).replace("T", " "));
}

function slotCountByDate(slots: Slot[], timeZone: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const slot of slots) {
    const key = localDateKey(slot.start, timeZone);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function hhmmRange(from: string, to: string, stepMinutes: number): string[] {
  const times: string[] = [];
  for (let minute = minuteOfDay(from); minute <= minuteOfDay(to); minute += stepMinutes) {
    times.push(`${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`);
  }
  return times;
}

const MONDAY = "2026-03-02";
const TUESDAY = "2026-03-03";

function startsOn(slots: Slot[], date: string, timeZone = "UTC"): string[] {
  return localStarts(slots, timeZone)
    .filter((start) => start.startsWith(date))
    .map((start) => start.slice(11));
}

describe("weekly availability", () => {
  it("gives 16 half-hour slots per weekday for Mon-Fri 09:00-17:00 and none at weekends", () => {
    const slots = computeSlots(makeQuery());
    expect(slotCountByDate(slots, "UTC")).toEqual({
      "2026-03-02": 16,
      "2026-03-03": 16,
      "2026-03-04": 16,
      "2026-03-05": 16,
      "2026-03-06": 16,
    });
    expect(startsOn(slots, MONDAY)).toEqual(hhmmRange("09:00", "16:30", 30));
    expect(slots.every((slot) => slot.end - slot.start === 30 * MINUTE)).toBe(true);
  });

  it("returns slots with rangeStart <= start < rangeEnd", () => {
    const slots = computeSlots(makeQuery({ rangeStart: at("2026-03-02T10:00:00Z"), rangeEnd: at("2026-03-02T12:00:00Z") }));
    expect(localStarts(slots, "UTC")).toEqual(["2026-03-02 10:00", "2026-03-02 10:30", "2026-03-02 11:00", "2026-03-02 11:30"]);
  });

  it("merges 22:00-24:00 with the next 00:00-02:00 so slots run across midnight on one grid", () => {
    const slots = computeSlots(
      makeQuery({
        rules: { lengthMinutes: 60, slotIntervalMinutes: 90 },
        schedule: { weekly: [weekly(EVERY_DAY, "22:00", "24:00"), weekly(EVERY_DAY, "00:00", "02:00")] },
        rangeEnd: at("2026-03-03T03:00:00Z"),
      }),
    );
    expect(localStarts(slots, "UTC")).toEqual(["2026-03-02 01:00", "2026-03-02 22:00", "2026-03-02 23:30", "2026-03-03 01:00"]);
  });

  it("steps by slotIntervalMinutes when set", () => {
    const slots = computeSlots(makeQuery({ rules: { lengthMinutes: 60, slotIntervalMinutes: 20 } }));
    expect(startsOn(slots, MONDAY)).toEqual(hhmmRange("09:00", "16:00", 20));
  });

  it("returns nothing for an empty range or a non-positive length", () => {
    expect(computeSlots(makeQuery({ rangeEnd: at("2026-03-02T00:00:00Z") }))).toEqual([]);
    expect(computeSlots(makeQuery({ rules: { lengthMinutes: 0 } }))).toEqual([]);
  });
});

describe("busy time and buffers", () => {
  const meeting = { start: at("2026-03-02T11:00:00Z"), end: at("2026-03-02T12:00:00Z") };

  it("lets slots touch busy time", () => {
    const monday = startsOn(computeSlots(makeQuery({ busy: [meeting] })), MONDAY);
    expect(monday).toContain("10:30");
    expect(monday).toContain("12:00");
    expect(monday).not.toContain("11:00");
    expect(monday).not.toContain("11:30");
  });

  it("keeps the before and after buffers clear of busy time", () => {
    const slots = computeSlots(makeQuery({ busy: [meeting], rules: { beforeBufferMinutes: 15, afterBufferMinutes: 10 } }));
    const monday = startsOn(slots, MONDAY);
    expect(monday).toContain("10:00");
    expect(monday).toContain("12:30");
    for (const blocked of ["10:30", "11:00", "11:30", "12:00"]) expect(monday).not.toContain(blocked);
  });

  it("accepts unsorted, overlapping busy intervals", () => {
    const busy = [
      { start: at("2026-03-02T13:00:00Z"), end: at("2026-03-02T14:00:00Z") },
      { start: at("2026-03-02T09:00:00Z"), end: at("2026-03-02T10:00:00Z") },
      { start: at("2026-03-02T09:30:00Z"), end: at("2026-03-02T09:45:00Z") },
      { start: at("2026-03-02T13:30:00Z"), end: at("2026-03-02T15:00:00Z") },
    ];
    const monday = startsOn(computeSlots(makeQuery({ busy })), MONDAY);
    expect(monday).toEqual([...hhmmRange("10:00", "12:30", 30), ...hhmmRange("15:00", "16:30", 30)]);
  });
});

describe("minimum notice and now", () => {
  const now = at("2026-03-02T10:05:00Z");

  it("never returns a slot starting before now", () => {
    expect(startsOn(computeSlots(makeQuery({ now })), MONDAY)[0]).toBe("10:30");
  });

  it("starts at the first grid time after now + notice", () => {
    expect(startsOn(computeSlots(makeQuery({ now, rules: { minimumBookingNoticeMinutes: 60 } })), MONDAY)[0]).toBe("11:30");
    const twoDaysNotice = computeSlots(makeQuery({ now, rules: { minimumBookingNoticeMinutes: 2 * 24 * 60 } }));
    expect(localStarts(twoDaysNotice, "UTC")[0]).toBe("2026-03-04 10:30");
  });
});

describe("offsetStartMinutes", () => {
  it("shifts every start later and drops slots that no longer fit", () => {
    const slots = computeSlots(makeQuery({ rules: { offsetStartMinutes: 5 } }));
    expect(startsOn(slots, MONDAY)).toEqual(hhmmRange("09:05", "16:05", 30));
  });
});

describe("date overrides", () => {
  it("replace the weekly hours of their date only", () => {
    const slots = computeSlots(makeQuery({ schedule: { overrides: [{ date: MONDAY, startMinute: 720, endMinute: 840 }] } }));
    expect(startsOn(slots, MONDAY)).toEqual(["12:00", "12:30", "13:00", "13:30"]);
    expect(startsOn(slots, TUESDAY)).toHaveLength(16);
  });

  it("combine when several share a date", () => {
    const overrides = [
      { date: MONDAY, startMinute: 8 * 60, endMinute: 9 * 60 },
      { date: MONDAY, startMinute: 18 * 60, endMinute: 19 * 60 },
    ];
    expect(startsOn(computeSlots(makeQuery({ schedule: { overrides } })), MONDAY)).toEqual(["08:00", "08:30", "18:00", "18:30"]);
  });

  it("can open a day the weekly schedule leaves closed", () => {
    const overrides = [{ date: "2026-03-07", startMinute: 600, endMinute: 660 }];
    expect(startsOn(computeSlots(makeQuery({ schedule: { overrides } })), "2026-03-07")).toEqual(["10:00", "10:30"]);
  });

  it("0..0 makes the whole date unavailable", () => {
    const slots = computeSlots(makeQuery({ schedule: { overrides: [{ date: TUESDAY, startMinute: 0, endMinute: 0 }] } }));
    expect(startsOn(slots, TUESDAY)).toEqual([]);
    expect(startsOn(slots, MONDAY)).toHaveLength(16);
  });
});

describe("seats", () => {
  const seatedAtTen = { start: at("2026-03-02T10:00:00Z"), end: at("2026-03-02T10:30:00Z") };

  it("keeps a partly booked seated slot open and reports its seats", () => {
    const slots = computeSlots(
      makeQuery({
        rules: { seatsPerTimeSlot: 3 },
        busy: [seatedAtTen],
        seatedBookings: [{ ...seatedAtTen, uid: "booking-1", attendees: 2 }],
      }),
    );
    const atTen = slots.find((slot) => slot.start === seatedAtTen.start);
    expect(atTen?.seats).toEqual({ booked: 2, remaining: 1, total: 3, bookingUid: "booking-1" });
    expect(startsOn(slots, MONDAY)).toHaveLength(16);
    expect(slots.filter((slot) => slot.seats)).toHaveLength(1);
  });

  it("ignores the seated booking busy entry expanded by buffers, but it still blocks neighbouring slots", () => {
    const slots = computeSlots(
      makeQuery({
        rules: { seatsPerTimeSlot: 3, beforeBufferMinutes: 10, afterBufferMinutes: 10 },
        busy: [{ start: seatedAtTen.start - 10 * MINUTE, end: seatedAtTen.end + 10 * MINUTE }],
        seatedBookings: [{ ...seatedAtTen, uid: "booking-1", attendees: 1 }],
      }),
    );
    const monday = startsOn(slots, MONDAY);
    expect(monday).toContain("10:00");
    expect(monday).not.toContain("09:30");
    expect(monday).not.toContain("10:30");
  });

  it("drops a full seated slot", () => {
    const slots = computeSlots(
      makeQuery({
        rules: { seatsPerTimeSlot: 3 },
        busy: [seatedAtTen],
        seatedBookings: [{ ...seatedAtTen, uid: "booking-1", attendees: 3 }],
      }),
    );
    expect(startsOn(slots, MONDAY)).not.toContain("10:00");
    expect(startsOn(slots, MONDAY)).toHaveLength(15);
  });

  it("treats the booking as ordinary busy time when the event type has no seats", () => {
    const slots = computeSlots(makeQuery({ busy: [seatedAtTen], seatedBookings: [{ ...seatedAtTen, uid: "booking-1", attendees: 1 }] }));
    expect(startsOn(slots, MONDAY)).not.toContain("10:00");
  });
});

describe("booking limits", () => {
  const booking = (iso: string, minutes = 30) => ({ start: at(iso), end: at(iso) + minutes * MINUTE });

  it("count per day closes a day once the limit is reached", () => {
    const twoOnMonday = [booking("2026-03-02T10:00:00Z"), booking("2026-03-02T14:00:00Z")];
    const limited = computeSlots(makeQuery({ rules: { bookingLimitsCount: { day: 2 } }, countedBookings: twoOnMonday }));
    expect(startsOn(limited, MONDAY)).toEqual([]);
    expect(startsOn(limited, TUESDAY)).toHaveLength(16);
    const oneOnMonday = computeSlots(makeQuery({ rules: { bookingLimitsCount: { day: 2 } }, countedBookings: twoOnMonday.slice(1) }));
    expect(startsOn(oneOnMonday, MONDAY)).toHaveLength(16);
  });

  it("count per week follows weekStart", () => {
    const bookings = [booking("2026-03-02T10:00:00Z"), booking("2026-03-03T10:00:00Z"), booking("2026-03-04T10:00:00Z")];
    const twoWeeks = { rangeEnd: at("2026-03-16T00:00:00Z"), countedBookings: bookings };
    const mondayWeeks = computeSlots(makeQuery({ ...twoWeeks, rules: { bookingLimitsCount: { week: 3 }, weekStart: 1 } }));
    expect(Object.keys(slotCountByDate(mondayWeeks, "UTC"))).toEqual(["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"]);
    // Weeks starting Wednesday split the three bookings 2 + 1, so nothing is closed.
    const wednesdayWeeks = computeSlots(makeQuery({ ...twoWeeks, rules: { bookingLimitsCount: { week: 3 }, weekStart: 3 } }));
    expect(Object.keys(slotCountByDate(wednesdayWeeks, "UTC"))).toHaveLength(10);
  });

  it("duration per day counts booked minutes plus the new slot", () => {
    const limit = { bookingLimitsDuration: { day: 60 } };
    const halfHourBooked = computeSlots(makeQuery({ rules: limit, countedBookings: [booking("2026-03-02T10:00:00Z", 30)] }));
    expect(startsOn(halfHourBooked, MONDAY)).toHaveLength(16);
    const fortyFiveBooked = computeSlots(makeQuery({ rules: limit, countedBookings: [booking("2026-03-02T10:00:00Z", 45)] }));
    expect(startsOn(fortyFiveBooked, MONDAY)).toEqual([]);
    expect(startsOn(fortyFiveBooked, TUESDAY)).toHaveLength(16);
  });

  it("duration per week", () => {
    const bookings = [booking("2026-03-02T10:00:00Z", 60), booking("2026-03-03T10:00:00Z", 40)];
    const slots = computeSlots(
      makeQuery({ rules: { bookingLimitsDuration: { week: 120 }, weekStart: 1 }, countedBookings: bookings, rangeEnd: at("2026-03-16T00:00:00Z") }),
    );
    expect(Object.keys(slotCountByDate(slots, "UTC"))[0]).toBe("2026-03-09");
  });

  it("count per month and per year", () => {
    const range = { rangeStart: at("2026-03-30T00:00:00Z"), rangeEnd: at("2026-04-04T00:00:00Z"), now: at("2026-03-29T00:00:00Z") };
    const monthly = computeSlots(makeQuery({ ...range, rules: { bookingLimitsCount: { month: 1 } }, countedBookings: [booking("2026-03-15T10:00:00Z")] }));
    expect(Object.keys(slotCountByDate(monthly, "UTC"))).toEqual(["2026-04-01", "2026-04-02", "2026-04-03"]);
    const yearly = computeSlots(makeQuery({ ...range, rules: { bookingLimitsCount: { year: 1 } }, countedBookings: [booking("2026-01-15T10:00:00Z")] }));
    expect(yearly).toEqual([]);
  });

  it("uses calendar periods of the schedule zone", () => {
    // 22:00 on Monday in New York is already Tuesday in UTC.
    const slots = computeSlots(
      makeQuery({
        schedule: { timeZone: "America/New_York" },
        rules: { bookingLimitsCount: { day: 1 } },
        countedBookings: [booking("2026-03-03T03:00:00Z")],
      }),
    );
    const counts = slotCountByDate(slots, "America/New_York");
    expect(counts[MONDAY]).toBeUndefined();
    expect(counts[TUESDAY]).toBe(16);
  });
});

describe("booking window", () => {
  const mondayMorning = at("2026-03-02T08:00:00Z");
  const fridayMorning = at("2026-03-06T08:00:00Z");
  const twoWeeks = { rangeEnd: at("2026-03-16T00:00:00Z") };
  const datesOf = (slots: Slot[], timeZone = "UTC") => Object.keys(slotCountByDate(slots, timeZone));

  it("calendarDays (fixed) allows dates before today + value", () => {
    const slots = computeSlots(makeQuery({ ...twoWeeks, now: mondayMorning, rules: { bookingWindow: { type: "calendarDays", value: 3, rolling: false } } }));
    expect(datesOf(slots)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
  });

  it("calendarDays (rolling) opens the first N dates that have slots", () => {
    const slots = computeSlots(
      makeQuery({
        ...twoWeeks,
        now: mondayMorning,
        rules: { bookingWindow: { type: "calendarDays", value: 3, rolling: true } },
        schedule: { overrides: [{ date: TUESDAY, startMinute: 0, endMinute: 0 }] },
      }),
    );
    expect(datesOf(slots)).toEqual(["2026-03-02", "2026-03-04", "2026-03-05"]);
  });

  it("rolling windows skip today once its slots are gone", () => {
    const slots = computeSlots(
      makeQuery({ ...twoWeeks, now: at("2026-03-02T17:30:00Z"), rules: { bookingWindow: { type: "calendarDays", value: 3, rolling: true } } }),
    );
    expect(datesOf(slots)).toEqual(["2026-03-03", "2026-03-04", "2026-03-05"]);
  });

  it("rolling windows count from today even when the range starts later", () => {
    const slots = computeSlots(
      makeQuery({
        ...twoWeeks,
        now: mondayMorning,
        rangeStart: at("2026-03-04T00:00:00Z"),
        rules: { bookingWindow: { type: "calendarDays", value: 3, rolling: true } },
      }),
    );
    expect(datesOf(slots)).toEqual(["2026-03-04"]);
  });

  it("businessDays (fixed) counts Mon-Fri dates; weekends before the last one stay open", () => {
    const slots = computeSlots(
      makeQuery({
        ...twoWeeks,
        now: fridayMorning,
        schedule: { weekly: [weekly(EVERY_DAY, "09:00", "17:00")] },
        rules: { bookingWindow: { type: "businessDays", value: 3, rolling: false } },
      }),
    );
    expect(datesOf(slots)).toEqual(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
  });

  it("businessDays (rolling) counts only Mon-Fri dates that have slots", () => {
    const slots = computeSlots(
      makeQuery({
        ...twoWeeks,
        now: fridayMorning,
        schedule: { weekly: [weekly(EVERY_DAY, "09:00", "17:00")], overrides: [{ date: "2026-03-09", startMinute: 0, endMinute: 0 }] },
        rules: { bookingWindow: { type: "businessDays", value: 2, rolling: true } },
      }),
    );
    expect(datesOf(slots)).toEqual(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-10"]);
  });

  it("range allows the inclusive local dates", () => {
    const slots = computeSlots(makeQuery({ ...twoWeeks, rules: { bookingWindow: { type: "range", start: "2026-03-03", end: "2026-03-04" } } }));
    expect(datesOf(slots)).toEqual(["2026-03-03", "2026-03-04"]);
  });

  it('"today" is the local date of now in the schedule zone', () => {
    // 2026-03-03T03:00Z is still Monday evening in New York.
    const slots = computeSlots(
      makeQuery({
        ...twoWeeks,
        now: at("2026-03-03T03:00:00Z"),
        schedule: { timeZone: "America/New_York", weekly: [weekly(EVERY_DAY, "00:00", "24:00")] },
        rules: { lengthMinutes: 60, bookingWindow: { type: "calendarDays", value: 1, rolling: false } },
      }),
    );
    expect(localStarts(slots, "America/New_York")).toEqual(["2026-03-02 22:00", "2026-03-02 23:00"]);
  });
});

describe("multiple durations", () => {
  it("durationMinutes overrides the length and, without an explicit interval, the step", () => {
    const slots = computeSlots(makeQuery({ durationMinutes: 60 }));
    expect(startsOn(slots, MONDAY)).toEqual(hhmmRange("09:00", "16:00", 60));
    expect(slots.every((slot) => slot.end - slot.start === HOUR)).toBe(true);
  });

  it("keeps an explicit slot interval", () => {
    const slots = computeSlots(makeQuery({ durationMinutes: 60, rules: { slotIntervalMinutes: 30 } }));
    expect(startsOn(slots, MONDAY)).toEqual(hhmmRange("09:00", "16:00", 30));
  });

  it("applies to overridden dates", () => {
    const overrides = [{ date: MONDAY, startMinute: 9 * 60, endMinute: 12 * 60 }];
    const slots = computeSlots(makeQuery({ durationMinutes: 90, schedule: { overrides } }));
    expect(startsOn(slots, MONDAY)).toEqual(["09:00", "10:30"]);
  });
});

describe("DST: 09:00-17:00 stays wall-clock on transition days", () => {
  const cases: Array<[timeZone: string, date: string, firstSlotUtc: string, firstSlotLocal: string]> = [
    ["America/New_York", "2026-03-07", "2026-03-07T14:00:00.000Z", "2026-03-07T09:00:00.000-05:00"],
    ["America/New_York", "2026-03-08", "2026-03-08T13:00:00.000Z", "2026-03-08T09:00:00.000-04:00"],
    ["America/New_York", "2026-11-01", "2026-11-01T14:00:00.000Z", "2026-11-01T09:00:00.000-05:00"],
    ["Europe/London", "2026-03-29", "2026-03-29T08:00:00.000Z", "2026-03-29T09:00:00.000+01:00"],
    ["Europe/London", "2026-10-25", "2026-10-25T09:00:00.000Z", "2026-10-25T09:00:00.000+00:00"],
    ["Australia/Sydney", "2026-04-05", "2026-04-04T23:00:00.000Z", "2026-04-05T09:00:00.000+10:00"],
    ["Australia/Sydney", "2026-10-04", "2026-10-03T22:00:00.000Z", "2026-10-04T09:00:00.000+11:00"],
    ["Pacific/Chatham", "2026-04-05", "2026-04-04T20:15:00.000Z", "2026-04-05T09:00:00.000+12:45"],
    ["Pacific/Chatham", "2026-09-27", "2026-09-26T19:15:00.000Z", "2026-09-27T09:00:00.000+13:45"],
    ["America/St_Johns", "2026-03-08", "2026-03-08T11:30:00.000Z", "2026-03-08T09:00:00.000-02:30"],
    ["America/St_Johns", "2026-11-01", "2026-11-01T12:30:00.000Z", "2026-11-01T09:00:00.000-03:30"],
    ["Asia/Kathmandu", "2026-03-08", "2026-03-08T03:15:00.000Z", "2026-03-08T09:00:00.000+05:45"],
    ["Asia/Kolkata", "2026-03-08", "2026-03-08T03:30:00.000Z", "2026-03-08T09:00:00.000+05:30"],
  ];

  it.each(cases)("%s on %s", (timeZone, date, firstSlotUtc, firstSlotLocal) => {
    const midnightUtc = at(`${date}T00:00:00Z`);
    const slots = computeSlots(
      makeQuery({
        schedule: { timeZone, weekly: [weekly(EVERY_DAY, "09:00", "17:00")] },
        now: midnightUtc - 3 * DAY,
        rangeStart: midnightUtc - 2 * DAY,
        rangeEnd: midnightUtc + 2 * DAY,
      }),
    );
    const onDate = slots.filter((slot) => localDateKey(slot.start, timeZone) === date);
    expect(localStarts(onDate, timeZone).map((start) => start.slice(11))).toEqual(hhmmRange("09:00", "16:30", 30));
    expect(new Date(onDate[0]?.start ?? Number.NaN).toISOString()).toBe(firstSlotUtc);
    expect(formatInZone(onDate[0]?.start ?? Number.NaN, timeZone)).toBe(firstSlotLocal);
    expect(onDate.every((slot) => slot.end - slot.start === 30 * MINUTE)).toBe(true);
  });
});

describe("DST: 00:00-04:00 skips the gap and lists a repeated hour once", () => {
  const gapDay = ["00:00", "00:30", "01:00", "01:30", "03:00", "03:30"];
  const repeatDay = hhmmRange("00:00", "03:30", 30);
  const cases: Array<[timeZone: string, date: string, expectedLocal: string[], checks: Record<string, string>]> = [
    ["America/New_York", "2026-03-08", gapDay, { "01:30": "2026-03-08T06:30:00.000Z", "03:00": "2026-03-08T07:00:00.000Z" }],
    [
      "America/New_York",
      "2026-11-01",
      repeatDay,
      { "01:00": "2026-11-01T05:00:00.000Z", "01:30": "2026-11-01T05:30:00.000Z", "02:00": "2026-11-01T07:00:00.000Z" },
    ],
    ["America/St_Johns", "2026-03-08", gapDay, { "03:00": "2026-03-08T05:30:00.000Z" }],
    ["America/St_Johns", "2026-11-01", repeatDay, { "01:00": "2026-11-01T03:30:00.000Z", "02:00": "2026-11-01T05:30:00.000Z" }],
    ["Europe/London", "2026-03-29", ["00:00", "00:30", "02:00", "02:30", "03:00", "03:30"], { "02:00": "2026-03-29T01:00:00.000Z" }],
    ["Europe/London", "2026-10-25", repeatDay, { "01:00": "2026-10-25T00:00:00.000Z", "02:00": "2026-10-25T02:00:00.000Z" }],
    ["Australia/Sydney", "2026-10-04", ["00:00", "00:30", "01:00", "01:30", "03:00", "03:30"], { "03:00": "2026-10-03T16:00:00.000Z" }],
    ["Australia/Sydney", "2026-04-05", repeatDay, { "02:00": "2026-04-04T15:00:00.000Z", "03:00": "2026-04-04T17:00:00.000Z" }],
    // Chatham springs from 02:45 to 03:45; the 02:30 slot ends at 04:00 local after only 30 real minutes.
    ["Pacific/Chatham", "2026-09-27", hhmmRange("00:00", "02:30", 30), { "02:30": "2026-09-26T13:45:00.000Z" }],
    ["Pacific/Chatham", "2026-04-05", repeatDay, { "03:00": "2026-04-04T13:15:00.000Z", "03:30": "2026-04-04T13:45:00.000Z" }],
  ];

  it.each(cases)("%s on %s", (timeZone, date, expectedLocal, checks) => {
    const midnightUtc = at(`${date}T00:00:00Z`);
    const slots = computeSlots(
      makeQuery({
        schedule: { timeZone, weekly: [weekly(EVERY_DAY, "00:00", "04:00")] },
        now: midnightUtc - 3 * DAY,
        rangeStart: midnightUtc - 2 * DAY,
        rangeEnd: midnightUtc + 2 * DAY,
      }),
    );
    const onDate = slots.filter((slot) => localDateKey(slot.start, timeZone) === date);
    const localTimes = localStarts(onDate, timeZone).map((start) => start.slice(11));
    expect(localTimes).toEqual(expectedLocal);
    for (const [localTime, utc] of Object.entries(checks)) {
      const slot = onDate[localTimes.indexOf(localTime)];
      expect(new Date(slot?.start ?? Number.NaN).toISOString(), `${localTime} local`).toBe(utc);
    }
    expect(onDate.every((slot) => slot.end - slot.start === 30 * MINUTE)).toBe(true);
  });
});
