import { ZoneTimeline } from "../slots/zoned-time";
import type { Slot, SlotAway } from "../slots/types";

// Wire shapes of slot lists, grouped by local date. Cal.com builds them in two steps (core keys the slots by
// date in the booker's zone, then the v2 output service re-renders each time with luxon); one pass here.
//
// Times: with no `timeZone`, Cal.com passes core's `Date.toISOString()` through, so UTC with a `Z`; with a
// zone, luxon's `setZone(zone).toISO()`, which writes the zone's offset (`+02:00`, `+00:00` for
// Europe/London in winter) except for the fixed UTC zone ("UTC"/"GMT"), which it writes as `Z`.

export interface SlotsOutputOptions {
  /** The caller's zone; undefined means UTC (dates and times). */
  timeZone: string | undefined;
  /** Cal.com's onlyShowFirstAvailableSlot: keep the first slot of each date only. */
  onlyFirstPerDate: boolean;
  /** Seats per slot for seated event types, else null. */
  seatsTotal: number | null;
}

const FIXED_UTC_NAMES = new Set(["utc", "gmt"]);
const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, "0"));

/** Renders instants in one zone, the way luxon's toISO does after setZone. */
class InstantWriter {
  private readonly timeline: ZoneTimeline | null;
  private readonly suffixByOffset = new Map<number, string>();
  // The local day's "YYYY-MM-DDT", kept while the instants stay on that day: a Date and its toISOString per
  // instant were the largest self time of a computed GET /v2/slots.
  private day = Number.NaN;
  private dayPrefix = "";

  constructor(timeZone: string | undefined, first: number, last: number) {
    const writesZ = timeZone === undefined || FIXED_UTC_NAMES.has(timeZone.toLowerCase());
    this.timeline = writesZ ? null : new ZoneTimeline(timeZone, first, last + 1);
  }

  write(epochMs: number): string {
    if (!this.timeline) return `${this.wallClock(epochMs)}Z`;
    const offsetMs = this.timeline.offsetAt(epochMs);
    let suffix = this.suffixByOffset.get(offsetMs);
    if (suffix === undefined) {
      suffix = offsetSuffix(offsetMs);
      this.suffixByOffset.set(offsetMs, suffix);
    }
    return this.wallClock(epochMs + offsetMs) + suffix;
  }

  /** `new Date(ms).toISOString()` without its "Z". */
  private wallClock(ms: number): string {
    const day = Math.floor(ms / DAY_MS);
    if (day !== this.day) {
      const iso = new Date(day * DAY_MS).toISOString();
      this.day = day;
      this.dayPrefix = iso.slice(0, iso.length - 13);
    }
    let rest = ms - day * DAY_MS;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    return `${this.dayPrefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}`;
  }
}

/** '+05:45', '-03:30', '+00:00'; sub-minute historical offsets rounded to the minute. */
function offsetSuffix(offsetMs: number): string {
  const totalMinutes = Math.round(Math.abs(offsetMs) / 60_000);
  const sign = offsetMs < 0 && totalMinutes > 0 ? "-" : "+";
  return `${sign}${String(Math.floor(totalMinutes / 60)).padStart(2, "0")}:${String(totalMinutes % 60).padStart(2, "0")}`;
}

/** Groups rendered slots under the local date of their start ('YYYY-MM-DD' is the rendered start's prefix). */
function groupByDate<T>(
  slots: readonly Slot[],
  options: SlotsOutputOptions,
  render: (slot: Slot, start: string, writer: InstantWriter) => T,
): Record<string, T[]> {
  const grouped: Record<string, T[]> = {};
  const first = slots[0];
  if (!first) return grouped;
  const writer = new InstantWriter(options.timeZone, first.start, slots[slots.length - 1]!.end);
  for (const slot of slots) {
    const start = writer.write(slot.start);
    const date = start.slice(0, 10);
    const bucket = grouped[date];
    if (!bucket) grouped[date] = [render(slot, start, writer)];
    else if (!options.onlyFirstPerDate) bucket.push(render(slot, start, writer));
  }
  return grouped;
}

export interface SeatFields {
  seatsBooked: number;
  seatsRemaining: number;
  seatsTotal: number;
  bookingUid?: string;
}

export type Slot_2024_09_04 = { start: string } & Partial<SeatFields>;
export type RangeSlot_2024_09_04 = { start: string; end: string } & Partial<SeatFields>;

// Seated event types show seat counts on every slot, booked or not; bookingUid only where a booking exists.
function seatFields(slot: Slot, seatsTotal: number): SeatFields {
  const booked = slot.seats?.booked ?? 0;
  const fields: SeatFields = { seatsBooked: booked, seatsRemaining: seatsTotal - booked, seatsTotal };
  if (slot.seats?.bookingUid) fields.bookingUid = slot.seats.bookingUid;
  return fields;
}

/** GET /v2/slots (2024-09-04): `{date: [{start}]}`, or `[{start, end}]` with format=range. */
export function slotsOutput_2024_09_04(
  slots: readonly Slot[],
  format: "time" | "range",
  options: SlotsOutputOptions,
): Record<string, Slot_2024_09_04[] | RangeSlot_2024_09_04[]> {
  const { seatsTotal } = options;
  if (format === "range") {
    return groupByDate<RangeSlot_2024_09_04>(slots, options, (slot, start, writer) => {
      const end = writer.write(slot.end);
      return seatsTotal ? { start, end, ...seatFields(slot, seatsTotal) } : { start, end };
    });
  }
  return groupByDate<Slot_2024_09_04>(slots, options, (slot, start) => (seatsTotal ? { start, ...seatFields(slot, seatsTotal) } : { start }));
}

type LegacyAwayFields = { away?: true } & Partial<Omit<SlotAway, "notes">> & { notes?: string };
export type LegacyTimeSlot = { time: string; attendees?: number; bookingUid?: string } & LegacyAwayFields;
export type LegacyRangeSlot = { startTime: string; endTime: string; attendees?: number; bookingUid?: string } & LegacyAwayFields;

// Cal.com's slot data on an out-of-office date: `away: true` with the users, reason and emoji (and notes shown publicly).
const legacyAwayFields = (slot: Slot): LegacyAwayFields => (slot.away ? { away: true, ...slot.away } : {});

// Core's slot map carries `attendees` and `bookingUid` only for slots that already have seated attendees.
function legacySeatFields(slot: Slot): { attendees?: number; bookingUid?: string } {
  if (!slot.seats || slot.seats.booked <= 0) return {};
  return slot.seats.bookingUid ? { attendees: slot.seats.booked, bookingUid: slot.seats.bookingUid } : { attendees: slot.seats.booked };
}

/** GET /v2/slots/available (2024-04-15 and other legacy versions): `{date: [{time}]}` or, with slotFormat=range, `[{startTime, endTime}]`. */
export function legacySlotsOutput(
  slots: readonly Slot[],
  slotFormat: "time" | "range" | undefined,
  options: SlotsOutputOptions,
): Record<string, LegacyTimeSlot[] | LegacyRangeSlot[]> {
  if (slotFormat === "range") {
    return groupByDate<LegacyRangeSlot>(slots, options, (slot, start, writer) => ({
      startTime: start,
      endTime: writer.write(slot.end),
      ...legacySeatFields(slot),
      ...legacyAwayFields(slot),
    }));
  }
  return groupByDate<LegacyTimeSlot>(slots, options, (slot, start) => ({ time: start, ...legacySeatFields(slot), ...legacyAwayFields(slot) }));
}
