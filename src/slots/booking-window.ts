// How far ahead an event type can be booked, in local dates of the schedule's zone.

import { dayNumberFromDateKey, isBusinessDay } from "./calendar-days";
import type { BookingWindow } from "./types";

export type RollingWindow = { type: "calendarDays" | "businessDays"; value: number; rolling: true };

/** Inclusive day numbers; lastDay < firstDay means nothing is bookable. */
export interface DayRange {
  firstDay: number;
  lastDay: number;
}

/** Beyond a century ahead the window no longer constrains anything real. */
const MAX_WINDOW_DAYS = 36_500;

export function isRollingWindow(window: BookingWindow | null | undefined): window is RollingWindow {
  return !!window && window.type !== "range" && window.rolling;
}

/** Dates allowed by a non-rolling window; null when there is no window. */
export function fixedWindowDayRange(window: BookingWindow | null | undefined, today: number): DayRange | null {
  if (!window || isRollingWindow(window)) return null;
  switch (window.type) {
    case "calendarDays":
      return { firstDay: -Infinity, lastDay: today + Math.min(window.value, MAX_WINDOW_DAYS) - 1 };
    case "businessDays":
      return { firstDay: -Infinity, lastDay: nthBusinessDayFrom(today, window.value) };
    case "range":
      return rangeWindowDays(window.start, window.end);
  }
}

/**
 * The n-th Monday-Friday date counting today as the first candidate. Weekend dates before it stay
 * bookable (Cal.com adds business days to find the end date).
 */
function nthBusinessDayFrom(today: number, count: number): number {
  const target = Math.min(count, MAX_WINDOW_DAYS);
  let day = today - 1;
  for (let counted = 0; counted < target; ) {
    day++;
    if (isBusinessDay(day)) counted++;
  }
  return day;
}

function rangeWindowDays(start: string, end: string): DayRange {
  const firstDay = dayNumberFromDateKey(start);
  const lastDay = dayNumberFromDateKey(end);
  // A malformed bound makes the window empty rather than silently unbounded.
  if (firstDay === null || lastDay === null) return { firstDay: 1, lastDay: 0 };
  return { firstDay, lastDay };
}

/**
 * Rolling windows open the first `value` dates (from today) that still have a slot; for business days
 * only Monday-Friday dates are counted. Given the local day of each slot in ascending order, returns
 * how many leading slots stay bookable.
 */
export function rollingWindowCutoff(slotDays: number[], window: RollingWindow): number {
  const countsDay = window.type === "businessDays" ? isBusinessDay : () => true;
  let countedDays = 0;
  let currentDay = Number.NaN;
  let kept = 0;
  for (const day of slotDays) {
    if (day !== currentDay) {
      if (countedDays >= window.value) break;
      currentDay = day;
      if (countsDay(day)) countedDays++;
    }
    kept++;
  }
  return kept;
}
