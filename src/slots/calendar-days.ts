// Local calendar arithmetic on "day numbers": days since 1970-01-01 of a wall-clock date.
// Working with integers keeps the hot loops free of Date objects and Intl calls.

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const DATE_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 1970-01-01 was a Thursday. */
const EPOCH_WEEKDAY = 4;

export function dayNumberOfWallTime(wallClockMs: number): number {
  return Math.floor(wallClockMs / MS_PER_DAY);
}

/** Parses 'YYYY-MM-DD'; null for malformed or impossible dates (e.g. 2026-02-30). */
export function dayNumberFromDateKey(dateKey: string): number | null {
  const match = DATE_KEY_PATTERN.exec(dateKey);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const isRealDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isRealDate ? Math.floor(date.getTime() / MS_PER_DAY) : null;
}

export function dateKeyFromDayNumber(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const day = String(date.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + EPOCH_WEEKDAY) % 7) + 7) % 7;
}

export function isBusinessDay(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

/** Day number of the first day of the week containing dayNumber, weeks starting on weekStart (0..6). */
export function weekStartDayNumber(dayNumber: number, weekStart: number): number {
  const daysSinceWeekStart = (((weekdayOfDayNumber(dayNumber) - weekStart) % 7) + 7) % 7;
  return dayNumber - daysSinceWeekStart;
}

/** A number unique per (year, month). */
export function monthIndexOfDayNumber(dayNumber: number): number {
  const date = new Date(dayNumber * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}
