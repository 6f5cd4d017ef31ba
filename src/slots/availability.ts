// Turns a wall-clock schedule into merged UTC intervals, one local date at a time,
// so 09:00-17:00 stays 09:00-17:00 local on DST change days.

import { MS_PER_DAY, MS_PER_MINUTE, dayNumberFromDateKey, weekdayOfDayNumber } from "./calendar-days";
import type { DateOverride, Interval, ScheduleInput } from "./types";
import type { ZoneTimeline } from "./zoned-time";

const MINUTES_PER_DAY = 1_440;

interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

/** Merged, sorted availability for local dates firstDay..lastDay (day numbers, inclusive). */
export function buildAvailabilityIntervals(schedule: ScheduleInput, firstDay: number, lastDay: number, timeline: ZoneTimeline): Interval[] {
  const overridesByDay = groupOverridesByDay(schedule.overrides, firstDay, lastDay);
  const intervals: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const ranges = overridesByDay.get(day) ?? weeklyRangesOn(schedule, day);
    for (const range of ranges) {
      const interval = toInstantInterval(day, range, timeline);
      if (interval) intervals.push(interval);
    }
  }
  return mergeIntervals(intervals);
}

function groupOverridesByDay(overrides: DateOverride[], firstDay: number, lastDay: number): Map<number, MinuteRange[]> {
  const byDay = new Map<number, MinuteRange[]>();
  for (const override of overrides) {
    const day = dayNumberFromDateKey(override.date);
    if (day === null || day < firstDay || day > lastDay) continue;
    const ranges = byDay.get(day);
    // A 0..0 override still claims the date (so weekly hours are dropped) but adds no time.
    if (ranges) ranges.push(override);
    else byDay.set(day, [override]);
  }
  return byDay;
}

function weeklyRangesOn(schedule: ScheduleInput, day: number): MinuteRange[] {
  const weekday = weekdayOfDayNumber(day);
  return schedule.weekly.filter((rule) => rule.days.includes(weekday));
}

function toInstantInterval(day: number, range: MinuteRange, timeline: ZoneTimeline): Interval | null {
  const startMinute = clampMinute(range.startMinute);
  const endMinute = clampMinute(range.endMinute);
  if (!(endMinute > startMinute)) return null;
  const dayWallStart = day * MS_PER_DAY;
  const start = timeline.firstInstantAtOrAfterWallTime(dayWallStart + startMinute * MS_PER_MINUTE);
  const end = timeline.firstInstantAtOrAfterWallTime(dayWallStart + endMinute * MS_PER_MINUTE);
  // A range lying wholly inside a spring-forward gap collapses to nothing.
  return end > start ? { start, end } : null;
}

function clampMinute(minute: number): number {
  return Math.min(MINUTES_PER_DAY, Math.max(0, minute));
}

/** Sorts and merges overlapping or touching intervals (half-open, so touching ones form one run). */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}
