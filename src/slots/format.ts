// Presentation helpers for the HTTP layer: ISO strings with zone offsets and per-date grouping.

import { MS_PER_MINUTE, MS_PER_DAY, dateKeyFromDayNumber, dayNumberFromDateKey, dayNumberOfWallTime } from "./calendar-days";
import type { FormattedRangeSlot, FormattedTimeSlot, Slot, SlotFormat, SlotSeatFields } from "./types";
import { ZoneTimeline, offsetMsAt, wallClockMsAt, zoneFormatter } from "./zoned-time";

/** ISO 8601 with milliseconds and the zone's offset, e.g. 2026-03-08T09:00:00.000-04:00 (UTC is +00:00, never Z). */
export function formatInZone(epochMs: number, timeZone: string): string {
  return formatWithOffset(epochMs, offsetMsAt(epochMs, timeZone));
}

/** 'YYYY-MM-DD' of the instant in the zone. */
export function localDateKey(epochMs: number, timeZone: string): string {
  return dateKeyFromDayNumber(dayNumberOfWallTime(wallClockMsAt(epochMs, timeZone)));
}

// The runtime's IANA list (canonical names); aliases such as Asia/Calcutta are accepted when Intl knows
// them under exactly that spelling.
const IANA_ZONES: ReadonlySet<string> = new Set(
  typeof Intl.supportedValuesOf === "function" ? [...Intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC"] : ["UTC", "Etc/UTC"],
);

// IANA names start with a letter ("Europe/Paris", "UTC", "Etc/GMT+2"); Intl would also accept UTC offsets
// like "+02:00", which are not zones and do not follow DST.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.length === 0 || timeZone.length > 64) return false;
  if (IANA_ZONES.has(timeZone)) return true;
  if (!IANA_NAME.test(timeZone)) return false;
  try {
    const resolved = zoneFormatter(timeZone).resolvedOptions().timeZone;
    // Intl also accepts case variants ('europe/london'); those are not IANA names.
    return resolved === timeZone || resolved.toLowerCase() !== timeZone.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Epoch ms of a local wall-clock time; null when it does not exist (spring-forward gap).
 * A repeated time (fall-back) resolves to the earlier instant. minuteOfDay may be 1440 (next midnight).
 */
export function zonedWallTimeToEpoch(dateKey: string, minuteOfDay: number, timeZone: string): number | null {
  const day = dayNumberFromDateKey(dateKey);
  if (day === null || !Number.isFinite(minuteOfDay)) return null;
  const wallClockMs = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  return ZoneTimeline.aroundWallTime(timeZone, wallClockMs).earliestInstantOfWallTime(wallClockMs);
}

export function groupSlotsByDate(slots: Slot[], timeZone: string, format: "time"): Record<string, FormattedTimeSlot[]>;
export function groupSlotsByDate(slots: Slot[], timeZone: string, format: "range"): Record<string, FormattedRangeSlot[]>;
export function groupSlotsByDate(slots: Slot[], timeZone: string, format: SlotFormat): Record<string, Array<FormattedTimeSlot | FormattedRangeSlot>>;
/** Groups slots by their local date in timeZone; keys (and slots within a key) in chronological order. */
export function groupSlotsByDate(slots: Slot[], timeZone: string, format: SlotFormat): Record<string, Array<FormattedTimeSlot | FormattedRangeSlot>> {
  const grouped: Record<string, Array<FormattedTimeSlot | FormattedRangeSlot>> = {};
  const ordered = isSortedByStart(slots) ? slots : [...slots].sort((a, b) => a.start - b.start);
  const first = ordered[0];
  if (!first) return grouped;
  // One timeline for the whole list keeps Intl calls per day, not per slot.
  const timeline = new ZoneTimeline(timeZone, first.start, lastEnd(ordered) + 1);
  for (const slot of ordered) {
    const start = formatWithOffset(slot.start, timeline.offsetAt(slot.start));
    const formatted: FormattedTimeSlot | FormattedRangeSlot =
      format === "range" ? { start, end: formatWithOffset(slot.end, timeline.offsetAt(slot.end)) } : { start };
    if (slot.seats) Object.assign(formatted, seatFieldsOf(slot));
    const dateKey = start.slice(0, start.indexOf("T"));
    const bucket = grouped[dateKey];
    if (bucket) bucket.push(formatted);
    else grouped[dateKey] = [formatted];
  }
  return grouped;
}

function seatFieldsOf(slot: Slot): SlotSeatFields | null {
  if (!slot.seats) return null;
  const { booked, remaining, total, bookingUid } = slot.seats;
  return { seatsBooked: booked, seatsRemaining: remaining, seatsTotal: total, bookingUid };
}

function isSortedByStart(slots: Slot[]): boolean {
  let previousStart = -Infinity;
  for (const slot of slots) {
    if (slot.start < previousStart) return false;
    previousStart = slot.start;
  }
  return true;
}

function lastEnd(slots: Slot[]): number {
  let latest = -Infinity;
  for (const slot of slots) latest = Math.max(latest, slot.end, slot.start);
  return latest;
}

function formatWithOffset(epochMs: number, offsetMs: number): string {
  const isoWithoutZone = new Date(epochMs + offsetMs).toISOString().slice(0, -1);
  return isoWithoutZone + offsetSuffix(offsetMs);
}

/** '+05:45', '-03:30', '+00:00'. Sub-minute historical (LMT) offsets are rounded to the minute. */
function offsetSuffix(offsetMs: number): string {
  const totalMinutes = Math.round(Math.abs(offsetMs) / MS_PER_MINUTE);
  const sign = offsetMs < 0 && totalMinutes > 0 ? "-" : "+";
  const hours = String(Math.floor(totalMinutes / 60)).padStart(2, "0");
  const minutes = String(totalMinutes % 60).padStart(2, "0");
  return `${sign}${hours}:${minutes}`;
}
