import { badRequest } from "../errors";

// How GET /v2/slots (and the legacy /v2/slots/available) read their time window, as Cal.com does
// (slots-2024-09-04 SlotsInputService, GetAvailableSlotsInput_2024_09_04):
// - `start` and `end` are ISO 8601 dates or date-times, read in UTC whatever `timeZone` says; a date-time
//   without an offset is UTC.
// - A date-only `start` is 00:00:00 UTC. An `end` whose UTC time is exactly 00:00:00 (a date-only `end`
//   included) means 23:59:59 UTC of that date.
// - `end` is clamped to one year from now, as Cal.com clamps it.
// Added here: `end` before `start` and windows longer than MAX_WINDOW_DAYS are 400s, so no caller can make a
// request compute more than a year of slots.

const MS_PER_DAY = 86_400_000;
/** Longest accepted window between `start` and `end`. */
export const MAX_WINDOW_DAYS = 366;

// Extended ISO 8601: a date, optionally a time (minutes, seconds and fractions optional) and an offset.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Epoch ms of an ISO 8601 date or date-time (UTC when it has no offset), or null when it is not one. */
export function parseIsoInstant(value: string): number | null {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  const hour = Number(h ?? 0),
    minute = Number(mi ?? 0),
    second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millisecond = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  let offsetMinutes = 0;
  if (offset && offset !== "Z") {
    const sign = offset[0] === "-" ? -1 : 1;
    const digits = offset.slice(1).replace(":", "");
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = Number(digits.slice(2) || 0);
    if (offsetHours > 14 || offsetMins > 59) return null;
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
  return Number.isFinite(utc) ? utc : null;
}

export const isIsoInstant = (value: string) => parseIsoInstant(value) !== null;

export interface SlotsWindow {
  /** Slots start at or after this instant… */
  start: number;
  /** …and strictly before this one. Equal to `start` when the clamp left nothing to search. */
  end: number;
}

export interface WindowNames {
  start: string;
  end: string;
}

const invalidRange = (names: WindowNames, reason?: string) =>
  badRequest(`Invalid time range given - check the '${names.start}' and '${names.end}' query parameters.${reason ? ` ${reason}` : ""}`);

/**
 * The window to search, from already-validated ISO strings. `endOfDayForMidnightEnd` is the 2024-09-04
 * reading of `end` (a midnight end means the whole of that day); the legacy endpoint takes `endTime` as given.
 */
export function resolveSlotsWindow(
  startInput: string,
  endInput: string,
  options: { now: number; names: WindowNames; endOfDayForMidnightEnd: boolean },
): SlotsWindow {
  const start = parseIsoInstant(startInput);
  let end = parseIsoInstant(endInput);
  if (start === null || end === null) throw invalidRange(options.names);
  // Cal.com looks at hours, minutes and seconds only: 00:00:00.500 becomes 23:59:59.500.
  if (options.endOfDayForMidnightEnd && ((end % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY < 1_000) end += MS_PER_DAY - 1_000;
  if (end < start) throw invalidRange(options.names, `'${options.names.end}' is before '${options.names.start}'.`);
  if (end - start > MAX_WINDOW_DAYS * MS_PER_DAY) {
    throw invalidRange(options.names, `The window may span at most ${MAX_WINDOW_DAYS} days.`);
  }
  const oneYearAhead = new Date(options.now);
  oneYearAhead.setUTCFullYear(oneYearAhead.getUTCFullYear() + 1);
  const latestEnd = oneYearAhead.getTime();
  // Nothing before now can be booked: searching from `now` keeps a start far in the past from reading years
  // of bookings.
  const searchStart = Math.max(start, options.now);
  const searchEnd = Math.min(end, latestEnd);
  return { start: searchStart, end: Math.max(searchStart, searchEnd) };
}
