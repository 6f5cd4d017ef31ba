import { describe, expect, it } from "vitest";
import {
  dayName,
  dayNumber,
  isCalendarDate,
  isTimeOfDay,
  minutesFromTimeOfDay,
  timeOfDayFromMinutes,
  toDateOverrides,
  toWeeklyRules,
  toWireAvailability,
  toWireOverrides,
  WEEK_DAYS,
} from "../../src/schedules/availability";

describe("HH:mm", () => {
  it("accepts Cal.com's 24-hour zero-padded times only", () => {
    for (const ok of ["00:00", "09:05", "12:30", "23:59"]) expect(isTimeOfDay(ok), ok).toBe(true);
    for (const bad of ["9:00", "24:00", "12:60", "12:5", "1230", "12:30:00", " 12:30", "ab:cd", ""]) expect(isTimeOfDay(bad), bad).toBe(false);
  });

  it("converts to minutes after midnight and back", () => {
    expect(minutesFromTimeOfDay("00:00")).toBe(0);
    expect(minutesFromTimeOfDay("09:30")).toBe(570);
    expect(minutesFromTimeOfDay("23:59")).toBe(1439);
    for (let m = 0; m < 1440; m += 7) expect(minutesFromTimeOfDay(timeOfDayFromMinutes(m))).toBe(m);
    expect(() => minutesFromTimeOfDay("24:00")).toThrow(RangeError);
    expect(() => timeOfDayFromMinutes(1440)).toThrow(RangeError);
  });
});

describe("weekdays", () => {
  it("number like Date#getDay (0 = Sunday)", () => {
    expect(dayNumber("Sunday")).toBe(0);
    expect(dayNumber("Monday")).toBe(1);
    expect(dayNumber("Saturday")).toBe(6);
    for (const day of WEEK_DAYS) expect(dayName(dayNumber(day))).toBe(day);
    expect(() => dayName(7)).toThrow(RangeError);
  });
});

describe("calendar dates", () => {
  it("accepts real dates only", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2030-13-01")).toBe(false);
    expect(isCalendarDate("2030-1-01")).toBe(false);
    expect(isCalendarDate("2030-01-01T00:00:00Z")).toBe(false);
  });
});

describe("wire <-> stored", () => {
  it("weekly rules round-trip, duplicate days collapsed", () => {
    const wire = [
      { days: ["Monday", "Friday", "Monday"] as const, startTime: "08:00", endTime: "12:00" },
      { days: ["Sunday"] as const, startTime: "13:15", endTime: "23:59" },
    ].map((r) => ({ ...r, days: [...r.days] }));
    const stored = toWeeklyRules(wire);
    expect(stored).toEqual([
      { days: [1, 5], startMinute: 480, endMinute: 720 },
      { days: [0], startMinute: 795, endMinute: 1439 },
    ]);
    expect(toWireAvailability(stored)).toEqual([
      { days: ["Monday", "Friday"], startTime: "08:00", endTime: "12:00" },
      { days: ["Sunday"], startTime: "13:15", endTime: "23:59" },
    ]);
  });

  it("overrides keep their date and wall-clock minutes (no UTC offsets anywhere)", () => {
    const wire = [{ date: "2030-03-10", startTime: "02:30", endTime: "03:30" }];
    const stored = toDateOverrides(wire);
    // 02:30 on 2030-03-10 does not exist in New York (DST starts); the stored rule is still 150-210 wall-clock minutes.
    expect(stored).toEqual([{ date: "2030-03-10", startMinute: 150, endMinute: 210 }]);
    expect(toWireOverrides(stored)).toEqual(wire);
  });
});
