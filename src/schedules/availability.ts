// Schedule availability between Cal.com's wire shape (day names, "HH:mm") and the stored shape (weekday numbers,
// minutes after midnight in the schedule's own IANA zone). Pure: no I/O, no time zone arithmetic, so a 09:00 rule
// means 09:00 local on every date, DST or not.

import type { DateOverride, WeeklyAvailability } from "../slots/types";

export const WEEK_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

// Cal.com numbers weekdays like Date#getDay(): 0 = Sunday.
const DAY_NUMBER: Record<WeekDay, number> = {
  Sunday: 0,
  Monday: 1,
  Tuesday: 2,
  Wednesday: 3,
  Thursday: 4,
  Friday: 5,
  Saturday: 6,
};
const DAY_NAME: readonly WeekDay[] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export const dayNumber = (day: WeekDay): number => DAY_NUMBER[day];
export const dayName = (day: number): WeekDay => {
  const name = DAY_NAME[day];
  if (!name) throw new RangeError(`weekday number out of range: ${day}`);
  return name;
};

/** Cal.com's TIME_FORMAT_HH_MM: 24-hour, zero-padded, 00:00 to 23:59. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isTimeOfDay = (value: string): boolean => TIME_OF_DAY_PATTERN.test(value);

export function minutesFromTimeOfDay(value: string): number {
  const match = TIME_OF_DAY_PATTERN.exec(value);
  if (!match) throw new RangeError(`not an HH:mm time: ${JSON.stringify(value)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function timeOfDayFromMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 1440) throw new RangeError(`minutes out of range: ${minutes}`);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface WireAvailability {
  days: WeekDay[];
  startTime: string;
  endTime: string;
}

export interface WireOverride {
  date: string;
  startTime: string;
  endTime: string;
}

// Stored as the slots engine takes them (src/slots/types.ts): a weekly rule, and a date override whose
// startMinute === endMinute means "unavailable all day".
export type WeeklyRule = WeeklyAvailability;
export type { DateOverride };

/** Cal.com's availability when a schedule is created without one: Monday to Friday, 09:00 to 17:00. */
export const DEFAULT_WEEKLY_AVAILABILITY: readonly WireAvailability[] = [
  { days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime: "09:00", endTime: "17:00" },
];

export function toWeeklyRules(availability: readonly WireAvailability[]): WeeklyRule[] {
  return availability.map((rule) => ({
    days: [...new Set(rule.days.map(dayNumber))],
    startMinute: minutesFromTimeOfDay(rule.startTime),
    endMinute: minutesFromTimeOfDay(rule.endTime),
  }));
}

export function toDateOverrides(overrides: readonly WireOverride[]): DateOverride[] {
  return overrides.map((override) => ({
    date: override.date,
    startMinute: minutesFromTimeOfDay(override.startTime),
    endMinute: minutesFromTimeOfDay(override.endTime),
  }));
}

export function toWireAvailability(rules: readonly WeeklyRule[]): WireAvailability[] {
  return rules.map((rule) => ({
    days: rule.days.map(dayName),
    startTime: timeOfDayFromMinutes(rule.startMinute),
    endTime: timeOfDayFromMinutes(rule.endMinute),
  }));
}

export function toWireOverrides(overrides: readonly DateOverride[]): WireOverride[] {
  return overrides.map((override) => ({
    date: override.date,
    startTime: timeOfDayFromMinutes(override.startMinute),
    endTime: timeOfDayFromMinutes(override.endMinute),
  }));
}
