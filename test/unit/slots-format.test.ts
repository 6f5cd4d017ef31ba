import { describe, expect, it } from "vitest";
import { formatInZone, groupSlotsByDate, isValidTimeZone, localDateKey, zonedWallTimeToEpoch } from "../../src/slots/format";
import type { Slot } from "../../src/slots/types";

const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;

describe("formatInZone", () => {
  const january = at("2026-01-15T12:00:00.123Z");
  const july = at("2026-07-15T12:00:00.123Z");
  const cases: Array<[timeZone: string, inJanuary: string, inJuly: string]> = [
    ["UTC", "2026-01-15T12:00:00.123+00:00", "2026-07-15T12:00:00.123+00:00"],
    ["America/New_York", "2026-01-15T07:00:00.123-05:00", "2026-07-15T08:00:00.123-04:00"],
    ["Europe/London", "2026-01-15T12:00:00.123+00:00", "2026-07-15T13:00:00.123+01:00"],
    ["Australia/Sydney", "2026-01-15T23:00:00.123+11:00", "2026-07-15T22:00:00.123+10:00"],
    ["Pacific/Chatham", "2026-01-16T01:45:00.123+13:45", "2026-07-16T00:45:00.123+12:45"],
    ["America/St_Johns", "2026-01-15T08:30:00.123-03:30", "2026-07-15T09:30:00.123-02:30"],
    ["Asia/Kathmandu", "2026-01-15T17:45:00.123+05:45", "2026-07-15T17:45:00.123+05:45"],
    ["Asia/Kolkata", "2026-01-15T17:30:00.123+05:30", "2026-07-15T17:30:00.123+05:30"],
  ];

  it.each(cases)("%s", (timeZone, inJanuary, inJuly) => {
    expect(formatInZone(january, timeZone)).toBe(inJanuary);
    expect(formatInZone(july, timeZone)).toBe(inJuly);
  });

  it("round-trips through Date.parse", () => {
    for (const [timeZone] of cases) expect(Date.parse(formatInZone(january, timeZone))).toBe(january);
  });

  it("shows the offset that applies on each side of a transition", () => {
    expect(formatInZone(at("2026-03-08T06:59:59.999Z"), "America/New_York")).toBe("2026-03-08T01:59:59.999-05:00");
    expect(formatInZone(at("2026-03-08T07:00:00.000Z"), "America/New_York")).toBe("2026-03-08T03:00:00.000-04:00");
    expect(formatInZone(at("2026-11-01T05:30:00.000Z"), "America/New_York")).toBe("2026-11-01T01:30:00.000-04:00");
    expect(formatInZone(at("2026-11-01T06:30:00.000Z"), "America/New_York")).toBe("2026-11-01T01:30:00.000-05:00");
  });
});

describe("localDateKey", () => {
  it("uses the date in the given zone", () => {
    const instant = at("2026-01-15T12:00:00Z");
    expect(localDateKey(instant, "UTC")).toBe("2026-01-15");
    expect(localDateKey(instant, "Pacific/Chatham")).toBe("2026-01-16");
    expect(localDateKey(at("2026-01-15T03:00:00Z"), "America/New_York")).toBe("2026-01-14");
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names the runtime knows and UTC", () => {
    for (const timeZone of ["UTC", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham", "Etc/GMT+5"]) {
      expect(isValidTimeZone(timeZone), timeZone).toBe(true);
    }
  });

  it("rejects unknown names", () => {
    for (const timeZone of ["", "Mars/Olympus_Mons", "Not a zone", "America/New York"]) {
      expect(isValidTimeZone(timeZone), timeZone).toBe(false);
    }
  });
});

describe("zonedWallTimeToEpoch", () => {
  it("converts ordinary wall-clock times", () => {
    expect(zonedWallTimeToEpoch("2026-03-08", 9 * 60, "America/New_York")).toBe(at("2026-03-08T13:00:00Z"));
    expect(zonedWallTimeToEpoch("2026-03-08", 9 * 60, "Asia/Kathmandu")).toBe(at("2026-03-08T03:15:00Z"));
    expect(zonedWallTimeToEpoch("2026-04-05", 9 * 60, "Pacific/Chatham")).toBe(at("2026-04-04T20:15:00Z"));
  });

  it("returns null inside a spring-forward gap", () => {
    expect(zonedWallTimeToEpoch("2026-03-08", 2 * 60 + 30, "America/New_York")).toBeNull();
    expect(zonedWallTimeToEpoch("2026-09-27", 3 * 60, "Pacific/Chatham")).toBeNull();
    expect(zonedWallTimeToEpoch("2026-03-29", 60, "Europe/London")).toBeNull();
  });

  it("returns the earlier instant of a repeated time", () => {
    expect(zonedWallTimeToEpoch("2026-11-01", 90, "America/New_York")).toBe(at("2026-11-01T05:30:00Z"));
    expect(zonedWallTimeToEpoch("2026-04-05", 2 * 60 + 30, "Australia/Sydney")).toBe(at("2026-04-04T15:30:00Z"));
  });

  it("treats minute 1440 as the next midnight and rejects malformed dates", () => {
    expect(zonedWallTimeToEpoch("2026-03-07", 1440, "America/New_York")).toBe(at("2026-03-08T05:00:00Z"));
    expect(zonedWallTimeToEpoch("2026-02-30", 0, "UTC")).toBeNull();
    expect(zonedWallTimeToEpoch("March 8", 0, "UTC")).toBeNull();
  });
});

describe("groupSlotsByDate", () => {
  const slot = (iso: string, minutes = 30): Slot => ({ start: at(iso), end: at(iso) + minutes * MINUTE });
  // 23:30 and 00:00 New York time on either side of local midnight; both are the same UTC date.
  const slots = [slot("2026-03-07T04:30:00Z"), slot("2026-03-07T05:00:00Z"), slot("2026-03-07T05:30:00Z")];

  it("groups by local date of the output zone, keys in order", () => {
    const grouped = groupSlotsByDate(slots, "America/New_York", "time");
    expect(Object.keys(grouped)).toEqual(["2026-03-06", "2026-03-07"]);
    expect(grouped).toEqual({
      "2026-03-06": [{ start: "2026-03-06T23:30:00.000-05:00" }],
      "2026-03-07": [{ start: "2026-03-07T00:00:00.000-05:00" }, { start: "2026-03-07T00:30:00.000-05:00" }],
    });
    expect(Object.keys(groupSlotsByDate(slots, "UTC", "time"))).toEqual(["2026-03-07"]);
  });

  it("adds ends for the range format, each with its own offset", () => {
    const acrossTransition = [slot("2026-03-08T06:30:00Z")];
    expect(groupSlotsByDate(acrossTransition, "America/New_York", "range")).toEqual({
      "2026-03-08": [{ start: "2026-03-08T01:30:00.000-05:00", end: "2026-03-08T03:00:00.000-04:00" }],
    });
  });

  it("adds seat fields when present", () => {
    const seated: Slot = { ...slot("2026-03-09T14:00:00Z"), seats: { booked: 2, remaining: 3, total: 5, bookingUid: "uid-1" } };
    expect(groupSlotsByDate([seated], "Asia/Kolkata", "time")).toEqual({
      "2026-03-09": [{ start: "2026-03-09T19:30:00.000+05:30", seatsBooked: 2, seatsRemaining: 3, seatsTotal: 5, bookingUid: "uid-1" }],
    });
  });

  it("orders unsorted input and handles an empty list", () => {
    const reversed = [...slots].reverse();
    expect(Object.values(groupSlotsByDate(reversed, "UTC", "time")).flat()).toEqual(Object.values(groupSlotsByDate(slots, "UTC", "time")).flat());
    expect(groupSlotsByDate([], "UTC", "range")).toEqual({});
  });
});
