// Booking limits (count and booked minutes) per local calendar day/week/month/year.

import { MS_PER_MINUTE, dayNumberOfWallTime, monthIndexOfDayNumber, weekStartDayNumber, yearOfDayNumber } from "./calendar-days";
import type { CountedBooking, LimitPeriod, PeriodLimits } from "./types";
import type { ZoneTimeline } from "./zoned-time";

const PERIODS: readonly LimitPeriod[] = ["day", "week", "month", "year"];

interface PeriodUsage {
  count: number;
  minutes: number;
}

interface PeriodRule {
  period: LimitPeriod;
  maxCount: number | undefined;
  maxMinutes: number | undefined;
  usageByKey: Map<number, PeriodUsage>;
}

export interface LimitInput {
  countLimits: PeriodLimits | null | undefined;
  durationLimits: PeriodLimits | null | undefined;
  weekStart: number;
  bookings: CountedBooking[];
}

export class BookingLimits {
  private readonly rules: PeriodRule[];
  private readonly weekStart: number;

  constructor(
    input: LimitInput,
    private readonly timeline: ZoneTimeline,
  ) {
    this.weekStart = input.weekStart;
    this.rules = activePeriodRules(input);
    if (this.rules.length > 0) this.tallyBookings(input.bookings);
  }

  get isEmpty(): boolean {
    return this.rules.length === 0;
  }

  /** Whether one more booking of lengthMinutes on local day `day` stays within every limit. */
  allows(day: number, lengthMinutes: number): boolean {
    for (const rule of this.rules) {
      const usage = rule.usageByKey.get(periodKey(rule.period, day, this.weekStart));
      const count = usage?.count ?? 0;
      const minutes = usage?.minutes ?? 0;
      if (rule.maxCount !== undefined && count >= rule.maxCount) return false;
      if (rule.maxMinutes !== undefined && minutes + lengthMinutes > rule.maxMinutes) return false;
    }
    return true;
  }

  private tallyBookings(bookings: CountedBooking[]): void {
    for (const booking of bookings) {
      const day = dayNumberOfWallTime(this.timeline.wallClockAt(booking.start));
      const minutes = (booking.end - booking.start) / MS_PER_MINUTE;
      for (const rule of this.rules) {
        const key = periodKey(rule.period, day, this.weekStart);
        const usage = rule.usageByKey.get(key);
        if (usage) {
          usage.count += 1;
          usage.minutes += minutes;
        } else {
          rule.usageByKey.set(key, { count: 1, minutes });
        }
      }
    }
  }
}

function activePeriodRules(input: LimitInput): PeriodRule[] {
  const rules: PeriodRule[] = [];
  for (const period of PERIODS) {
    const maxCount = finiteOrUndefined(input.countLimits?.[period]);
    const maxMinutes = finiteOrUndefined(input.durationLimits?.[period]);
    if (maxCount === undefined && maxMinutes === undefined) continue;
    rules.push({ period, maxCount, maxMinutes, usageByKey: new Map() });
  }
  return rules;
}

function finiteOrUndefined(value: number | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function periodKey(period: LimitPeriod, day: number, weekStart: number): number {
  switch (period) {
    case "day":
      return day;
    case "week":
      return weekStartDayNumber(day, weekStart);
    case "month":
      return monthIndexOfDayNumber(day);
    case "year":
      return yearOfDayNumber(day);
  }
}
