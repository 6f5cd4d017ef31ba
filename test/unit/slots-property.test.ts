// Property tests: computeSlots against a brute-force oracle that walks UTC minute by minute and decides
// everything from first principles (the local wall clock of each minute via its own Intl reading).
// Windows straddle every DST transition 2020-2035 of the zones under test.
import { describe, expect, it } from "vitest";
import { computeSlots } from "../../src/slots/engine";
import type {
  BookingWindow,
  CountedBooking,
  DateOverride,
  EventRules,
  Interval,
  LimitPeriod,
  PeriodLimits,
  SeatedBooking,
  Slot,
  SlotQuery,
  WeeklyAvailability,
} from "../../src/slots/types";

const MINUTE = 60_000;
const DAY_MINUTES = 1_440;
const DAY = DAY_MINUTES * MINUTE;
const HOUR_MINUTES = 60;

const DST_ZONES = ["America/New_York", "Europe/London", "Australia/Sydney", "Pacific/Chatham", "America/St_Johns"];
const FIXED_ZONES = ["Asia/Kathmandu", "Asia/Kolkata", "UTC"];
const CASES_PER_TRANSITION = 6;
const CASES_PER_FIXED_ZONE = 80;

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32)

class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Inclusive on both ends. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
}

// ---------------------------------------------------------------------------------------------
// The oracle's own reading of local time: one Intl call per minute, Swedish locale gives "2026-03-08 09:00:00".

const oracleFormatters = new Map<string, Intl.DateTimeFormat>();
const SWEDISH_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function oracleFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = oracleFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("sv-SE", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    oracleFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Memo of wall clocks for the zone in use; cases around one transition share most minutes. */
const wallMemo = { timeZone: "", byMinute: new Map<number, number>() };

/** Local wall clock of a UTC minute, as minutes since 1970-01-01T00:00 local. */
function wallMinuteOf(epochMinute: number, timeZone: string): number {
  if (wallMemo.timeZone !== timeZone || wallMemo.byMinute.size > 200_000) {
    wallMemo.timeZone = timeZone;
    wallMemo.byMinute.clear();
  }
  const memoized = wallMemo.byMinute.get(epochMinute);
  if (memoized !== undefined) return memoized;
  const wall = readWallMinute(epochMinute, timeZone);
  wallMemo.byMinute.set(epochMinute, wall);
  return wall;
}

function readWallMinute(epochMinute: number, timeZone: string): number {
  const text = oracleFormatter(timeZone).format(epochMinute * MINUTE);
  const match = SWEDISH_DATE_TIME.exec(text);
  if (!match) throw new Error(`unexpected sv-SE format: ${text}`);
  const [, year, month, day, hour, minute] = match.map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0) / MINUTE;
}

function localDayOf(epochMs: number, timeZone: string): number {
  return Math.floor(wallMinuteOf(Math.floor(epochMs / MINUTE), timeZone) / DAY_MINUTES);
}

const isoDate = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const weekdayOf = (day: number): number => new Date(day * DAY).getUTCDay();
const dayFromIso = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;

// ---------------------------------------------------------------------------------------------
// DST transitions, found by scanning one offset per day ('longOffset' names such as "GMT+13:45").

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetMinutesAt(epochMs: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(epochMs).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const magnitude = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -magnitude : magnitude;
}

function findTransitions(timeZone: string, fromYear: number, toYear: number): number[] {
  const transitions: number[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  for (let day = Date.UTC(fromYear, 0, 1); day < end; day += DAY) {
    if (offsetMinutesAt(day, timeZone) === offsetMinutesAt(day + DAY, timeZone)) continue;
    let before = day / MINUTE;
    let after = (day + DAY) / MINUTE;
    const offsetBefore = offsetMinutesAt(day, timeZone);
    while (after - before > 1) {
      const middle = Math.floor((before + after) / 2);
      if (offsetMinutesAt(middle * MINUTE, timeZone) === offsetBefore) before = middle;
      else after = middle;
    }
    transitions.push(after * MINUTE);
  }
  return transitions;
}

// ---------------------------------------------------------------------------------------------
// Oracle

interface OracleResult {
  slots: Slot[];
  /** Whether the UTC minute [epochMinute, epochMinute + 1) is inside availability. */
  isAvailableMinute: (epochMinute: number) => boolean;
}

function rangesOnDay(query: SlotQuery, day: number): Array<{ startMinute: number; endMinute: number }> {
  const date = isoDate(day);
  const overrides = query.schedule.overrides.filter((override) => override.date === date);
  if (overrides.length > 0) return overrides;
  return query.schedule.weekly.filter((rule) => rule.days.includes(weekdayOf(day)));
}

function oracle(query: SlotQuery): OracleResult {
  const { rules, schedule } = query;
  const timeZone = schedule.timeZone;
  const lengthMinutes = query.durationMinutes ?? rules.lengthMinutes;
  const stepMinutes = rules.slotIntervalMinutes ?? lengthMinutes;
  const window = rules.bookingWindow ?? null;
  const isRolling = window !== null && window.type !== "range" && window.rolling;
  // The engine's availability horizon: local dates from the day before the first possible slot date.
  const searchBase = isRolling ? query.now : Math.max(query.rangeStart, query.now);
  const firstDay = localDayOf(searchBase - rules.offsetStartMinutes * MINUTE, timeZone) - 1;
  const scanFrom = firstDay * DAY_MINUTES - 16 * HOUR_MINUTES;
  const scanTo = Math.ceil(query.rangeEnd / MINUTE) + lengthMinutes + 2 * DAY_MINUTES;

  const walls: number[] = [];
  const available: boolean[] = [];
  const isFirstOccurrence: boolean[] = [];
  const seenWalls = new Set<number>();
  let highestWallSoFar = -Infinity;
  for (let epochMinute = scanFrom; epochMinute < scanTo; epochMinute++) {
    const wall = wallMinuteOf(epochMinute, timeZone);
    walls.push(wall);
    isFirstOccurrence.push(!seenWalls.has(wall));
    seenWalls.add(wall);
    // A minute is available when the latest wall-clock time reached so far lies inside a range of its date:
    // ranges start/end at the first instant the clock reaches their bounds.
    highestWallSoFar = Math.max(highestWallSoFar, wall);
    const day = Math.floor(highestWallSoFar / DAY_MINUTES);
    const minuteOfDay = highestWallSoFar - day * DAY_MINUTES;
    available.push(day >= firstDay && rangesOnDay(query, day).some((range) => range.startMinute <= minuteOfDay && minuteOfDay < range.endMinute));
  }

  const candidates: number[] = [];
  for (let runStart = 0; runStart < available.length; ) {
    if (!available[runStart]) {
      runStart++;
      continue;
    }
    let runEnd = runStart;
    while (runEnd < available.length && available[runEnd]) runEnd++;
    const anchorWall = walls[runStart] ?? 0;
    for (let index = runStart; index < runEnd; index++) {
      const wall = walls[index] ?? 0;
      if (!isFirstOccurrence[index] || wall < anchorWall || (wall - anchorWall) % stepMinutes !== 0) continue;
      const startMinute = scanFrom + index + rules.offsetStartMinutes;
      if (startMinute >= scanFrom + runStart && startMinute + lengthMinutes <= scanFrom + runEnd) candidates.push(startMinute * MINUTE);
    }
    runStart = runEnd;
  }

  const bookable = candidates.flatMap((start) => {
    const slot = judgeCandidate(query, start, lengthMinutes, isRolling);
    return slot ? [slot] : [];
  });
  const slots = window && window.type !== "range" && window.rolling ? oracleRollingWindow(query, bookable, window.type, window.value) : bookable;
  return {
    slots,
    isAvailableMinute: (epochMinute) => available[epochMinute - scanFrom] === true,
  };
}

function judgeCandidate(query: SlotQuery, start: number, lengthMinutes: number, isRolling: boolean): Slot | null {
  const { rules } = query;
  const end = start + lengthMinutes * MINUTE;
  if (start < query.now || start < query.now + rules.minimumBookingNoticeMinutes * MINUTE) return null;
  if (start >= query.rangeEnd || (!isRolling && start < query.rangeStart)) return null;
  const seatsTotal = rules.seatsPerTimeSlot ?? 0;
  const ownSeated = seatsTotal > 0 ? (query.seatedBookings ?? []).filter((booking) => booking.start === start) : [];
  const attendees = ownSeated.reduce((sum, booking) => sum + booking.attendees, 0);
  if (ownSeated.length > 0 && attendees >= seatsTotal) return null;
  if (overlapsBusy(query, start, end, ownSeated)) return null;
  const day = localDayOf(start, query.schedule.timeZone);
  if (!insideFixedWindow(query, day)) return null;
  if (!withinLimits(query, day, lengthMinutes)) return null;
  const firstSeated = ownSeated[0];
  if (!firstSeated) return { start, end };
  return { start, end, seats: { booked: attendees, remaining: seatsTotal - attendees, total: seatsTotal, bookingUid: firstSeated.uid } };
}

function overlapsBusy(query: SlotQuery, start: number, end: number, ownSeated: SeatedBooking[]): boolean {
  const occupiedStart = start - query.rules.beforeBufferMinutes * MINUTE;
  const occupiedEnd = end + query.rules.afterBufferMinutes * MINUTE;
  return query.busy.some((busy) => {
    const isOwnSeatEntry = ownSeated.some(
      (booking) =>
        (busy.start === booking.start && busy.end === booking.end) ||
        (busy.start === booking.start - query.rules.beforeBufferMinutes * MINUTE && busy.end === booking.end + query.rules.afterBufferMinutes * MINUTE),
    );
    return !isOwnSeatEntry && busy.start < occupiedEnd && busy.end > occupiedStart;
  });
}

function insideFixedWindow(query: SlotQuery, day: number): boolean {
  const window = query.rules.bookingWindow;
  if (!window) return true;
  const today = localDayOf(query.now, query.schedule.timeZone);
  if (window.type === "range") return dayFromIso(window.start) <= day && day <= dayFromIso(window.end);
  if (window.rolling) return true;
  if (window.type === "calendarDays") return day < today + window.value;
  let lastDay = today - 1;
  for (let counted = 0; counted < window.value; ) {
    lastDay++;
    if (weekdayOf(lastDay) !== 0 && weekdayOf(lastDay) !== 6) counted++;
  }
  return day <= lastDay;
}

function periodKey(period: LimitPeriod, day: number, weekStart: number): string {
  const date = isoDate(day);
  if (period === "day") return date;
  if (period === "month") return date.slice(0, 7);
  if (period === "year") return date.slice(0, 4);
  return isoDate(day - ((weekdayOf(day) - weekStart + 7) % 7));
}

function withinLimits(query: SlotQuery, day: number, lengthMinutes: number): boolean {
  const { rules } = query;
  for (const period of ["day", "week", "month", "year"] as const) {
    const maxCount = rules.bookingLimitsCount?.[period];
    const maxMinutes = rules.bookingLimitsDuration?.[period];
    if (maxCount === undefined && maxMinutes === undefined) continue;
    const key = periodKey(period, day, rules.weekStart);
    const inPeriod = query.countedBookings.filter((booking) => periodKey(period, localDayOf(booking.start, query.schedule.timeZone), rules.weekStart) === key);
    const bookedMinutes = inPeriod.reduce((sum, booking) => sum + (booking.end - booking.start) / MINUTE, 0);
    if (maxCount !== undefined && inPeriod.length >= maxCount) return false;
    if (maxMinutes !== undefined && bookedMinutes + lengthMinutes > maxMinutes) return false;
  }
  return true;
}

function oracleRollingWindow(query: SlotQuery, slots: Slot[], type: "calendarDays" | "businessDays", value: number): Slot[] {
  const timeZone = query.schedule.timeZone;
  const dayOf = (slot: Slot) => localDayOf(slot.start, timeZone);
  const days = [...new Set(slots.map(dayOf))].sort((a, b) => a - b);
  const openDays = new Set<number>();
  let counted = 0;
  for (const day of days) {
    if (counted >= value) break;
    openDays.add(day);
    if (type === "calendarDays" || (weekdayOf(day) !== 0 && weekdayOf(day) !== 6)) counted++;
  }
  return slots.filter((slot) => openDays.has(dayOf(slot)) && slot.start >= query.rangeStart);
}

// ---------------------------------------------------------------------------------------------
// Invariants checked directly on the engine's output (independent of exact equality).

function invariantViolations(query: SlotQuery, slots: Slot[], result: OracleResult): string[] {
  const violations: string[] = [];
  const { rules } = query;
  const lengthMinutes = query.durationMinutes ?? rules.lengthMinutes;
  slots.forEach((slot, index) => {
    const previous = slots[index - 1];
    const label = new Date(slot.start).toISOString();
    if (previous && previous.start >= slot.start) violations.push(`${label}: not sorted / duplicated`);
    if (slot.end - slot.start !== lengthMinutes * MINUTE) violations.push(`${label}: wrong length`);
    if (slot.start < query.rangeStart || slot.start >= query.rangeEnd) violations.push(`${label}: outside range`);
    if (slot.start < query.now + Math.max(0, rules.minimumBookingNoticeMinutes) * MINUTE) violations.push(`${label}: inside minimum notice`);
    for (let minute = slot.start / MINUTE; minute < slot.end / MINUTE; minute++) {
      if (!result.isAvailableMinute(minute)) {
        violations.push(`${label}: outside availability`);
        break;
      }
    }
    const ownSeated = (rules.seatsPerTimeSlot ?? 0) > 0 ? (query.seatedBookings ?? []).filter((booking) => booking.start === slot.start) : [];
    if (overlapsBusy(query, slot.start, slot.end, ownSeated)) violations.push(`${label}: overlaps busy time (with buffers)`);
  });
  return violations;
}

// ---------------------------------------------------------------------------------------------
// Random inputs

interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

function randomRanges(random: Random): MinuteRange[] {
  const shape = random.next();
  if (shape < 0.1) return [{ startMinute: 0, endMinute: DAY_MINUTES }];
  if (shape < 0.2)
    return [
      { startMinute: 22 * 60, endMinute: DAY_MINUTES },
      { startMinute: 0, endMinute: 2 * 60 },
    ];
  if (shape < 0.5) {
    // Around the small hours, where most transitions happen.
    const startMinute = random.int(0, 300);
    return [{ startMinute, endMinute: Math.min(DAY_MINUTES, startMinute + random.int(30, 240)) }];
  }
  const granularity = random.pick([1, 5, 15, 30]);
  const startMinute = Math.floor(random.int(0, 1_380) / granularity) * granularity;
  return [{ startMinute, endMinute: Math.min(DAY_MINUTES, startMinute + random.int(15, 900)) }];
}

function randomWeekly(random: Random): WeeklyAvailability[] {
  const rules: WeeklyAvailability[] = [];
  const ruleCount = random.int(1, 3);
  for (let rule = 0; rule < ruleCount; rule++) {
    const days = [0, 1, 2, 3, 4, 5, 6].filter(() => random.chance(0.7));
    for (const range of randomRanges(random)) rules.push({ days: days.length > 0 ? days : [random.int(0, 6)], ...range });
  }
  return rules;
}

function randomOverrides(random: Random, aroundDay: number): DateOverride[] {
  const overrides: DateOverride[] = [];
  const count = random.int(0, 3);
  for (let index = 0; index < count; index++) {
    const date = isoDate(aroundDay + random.int(-1, 1));
    if (random.chance(0.2)) overrides.push({ date, startMinute: 0, endMinute: 0 });
    else for (const range of randomRanges(random)) overrides.push({ date, ...range });
  }
  return overrides;
}

/** Per-period maxima scale with the period so that limits bite sometimes but rarely close everything. */
const PERIOD_SCALE: Record<LimitPeriod, number> = { day: 1, week: 3, month: 6, year: 12 };

function randomPeriodLimits(random: Random, min: number, max: number): PeriodLimits {
  const limits: PeriodLimits = {};
  for (const period of ["day", "week", "month", "year"] as const) {
    if (random.chance(0.4)) limits[period] = random.int(min, max) * PERIOD_SCALE[period];
  }
  return limits;
}

function randomWindow(random: Random, aroundDay: number): BookingWindow | null {
  const kind = random.next();
  if (kind < 0.4) return null;
  if (kind < 0.85) {
    const value = random.chance(0.05) ? 0 : random.int(1, 7);
    return { type: random.pick(["calendarDays", "businessDays"] as const), value, rolling: random.chance(0.5) };
  }
  return { type: "range", start: isoDate(aroundDay + random.int(-2, 0)), end: isoDate(aroundDay + random.int(0, 2)) };
}

function randomRules(random: Random, aroundDay: number): EventRules {
  return {
    lengthMinutes: random.int(5, 120),
    slotIntervalMinutes: random.chance(0.4) ? null : random.pick([5, 7, 10, 13, 15, 20, 25, 30, 45, 60, 90, 120, random.int(5, 120)]),
    beforeBufferMinutes: random.chance(0.5) ? 0 : random.int(0, 30),
    afterBufferMinutes: random.chance(0.5) ? 0 : random.int(0, 30),
    minimumBookingNoticeMinutes: random.chance(0.5) ? 0 : random.int(0, 600),
    offsetStartMinutes: random.chance(0.7) ? 0 : random.int(1, 30),
    bookingWindow: randomWindow(random, aroundDay),
    bookingLimitsCount: random.chance(0.25) ? randomPeriodLimits(random, 1, 3) : null,
    bookingLimitsDuration: random.chance(0.2) ? randomPeriodLimits(random, 30, 300) : null,
    seatsPerTimeSlot: random.chance(0.3) ? random.int(1, 5) : null,
    weekStart: random.int(0, 6),
  };
}

function randomIntervals(random: Random, count: number, from: number, spanMinutes: number, maxLength: number): Interval[] {
  const intervals: Interval[] = [];
  for (let index = 0; index < count; index++) {
    const granularity = random.pick([1, 5, 15]);
    const start = from + Math.floor(random.int(0, spanMinutes) / granularity) * granularity * MINUTE;
    intervals.push({ start, end: start + random.int(5, maxLength) * MINUTE });
  }
  return intervals;
}

/** Seated bookings sit on real slot starts, so they exercise the seat logic; their busy entries come raw or buffered. */
function addSeatedBookings(random: Random, query: SlotQuery): SlotQuery {
  const seats = query.rules.seatsPerTimeSlot ?? 0;
  if (seats <= 0) return query;
  const starts = computeSlots({ ...query, busy: [], countedBookings: [], rules: { ...query.rules, bookingLimitsCount: null, bookingLimitsDuration: null } });
  const seatedBookings: SeatedBooking[] = [];
  const busy = [...query.busy];
  const count = Math.min(starts.length, random.int(1, 4));
  for (let index = 0; index < count; index++) {
    const slot = random.pick(starts);
    const booking: SeatedBooking = { start: slot.start, end: slot.end, uid: `seat-${index}`, attendees: random.int(1, seats) };
    seatedBookings.push(booking);
    const entry = random.next();
    if (entry < 0.4) busy.push({ start: booking.start, end: booking.end });
    else if (entry < 0.8) {
      busy.push({
        start: booking.start - query.rules.beforeBufferMinutes * MINUTE,
        end: booking.end + query.rules.afterBufferMinutes * MINUTE,
      });
    }
  }
  return { ...query, seatedBookings, busy };
}

function randomQuery(random: Random, timeZone: string, pivot: number): SlotQuery {
  const pivotDay = localDayOf(pivot, timeZone);
  const jitter = () => (random.chance(0.2) ? random.int(1, MINUTE - 1) : 0);
  const rangeStart = pivot - random.int(0, 36 * 60) * MINUTE + jitter();
  const rangeEnd = pivot + random.int(1, random.chance(0.3) ? 72 * 60 : 36 * 60) * MINUTE + jitter();
  const now = random.chance(0.6)
    ? rangeStart - random.int(0, random.chance(0.7) ? 12 * 60 : 2 * DAY_MINUTES) * MINUTE + jitter()
    : rangeStart + random.int(0, Math.floor((rangeEnd - rangeStart) / MINUTE)) * MINUTE + jitter();
  const rules = randomRules(random, pivotDay);
  const limited = rules.bookingLimitsCount || rules.bookingLimitsDuration;
  const countedBookings: CountedBooking[] = limited ? randomIntervals(random, random.int(0, 8), rangeStart - 10 * DAY, 20 * DAY_MINUTES, 120) : [];
  const query: SlotQuery = {
    rules,
    schedule: { timeZone, weekly: randomWeekly(random), overrides: randomOverrides(random, pivotDay) },
    busy: randomIntervals(random, random.int(0, 15), rangeStart - DAY, Math.floor((rangeEnd - rangeStart) / MINUTE) + 2 * DAY_MINUTES, 180),
    countedBookings,
    now,
    rangeStart,
    rangeEnd,
    ...(random.chance(0.2) ? { durationMinutes: random.int(5, 120) } : {}),
  };
  return addSeatedBookings(random, query);
}

// ---------------------------------------------------------------------------------------------

function checkCase(seed: number, timeZone: string, pivot: number): void {
  const query = randomQuery(new Random(seed), timeZone, pivot);
  const slots = computeSlots(query);
  const expected = oracle(query);
  const context = `seed ${seed}, ${timeZone}, pivot ${new Date(pivot).toISOString()}\nquery: ${JSON.stringify(query)}`;
  expect(invariantViolations(query, slots, expected), context).toEqual([]);
  expect(slots, context).toEqual(expected.slots);
}

const seedFor = (zoneIndex: number, caseIndex: number, repeat: number) => 1_000_003 * (zoneIndex + 1) + 101 * caseIndex + repeat;

describe.each(DST_ZONES.map((timeZone, zoneIndex) => ({ timeZone, zoneIndex })))("property: $timeZone", ({ timeZone, zoneIndex }) => {
  const transitions = findTransitions(timeZone, 2020, 2035);

  it("has DST transitions every year 2020-2035", () => {
    expect(transitions.length).toBeGreaterThanOrEqual(2 * 16 - 1);
  });

  it.each(transitions.map((transition, index) => ({ transition, index, label: new Date(transition).toISOString() })))(
    "matches the oracle straddling $label",
    ({ transition, index }) => {
      for (let repeat = 0; repeat < CASES_PER_TRANSITION; repeat++) checkCase(seedFor(zoneIndex, index, repeat), timeZone, transition);
    },
  );
});

describe.each(FIXED_ZONES.map((timeZone, zoneIndex) => ({ timeZone, zoneIndex: zoneIndex + DST_ZONES.length })))(
  "property: $timeZone",
  ({ timeZone, zoneIndex }) => {
    it(`matches the oracle on ${CASES_PER_FIXED_ZONE} random windows 2020-2035`, () => {
      const random = new Random(zoneIndex);
      for (let caseIndex = 0; caseIndex < CASES_PER_FIXED_ZONE; caseIndex++) {
        const pivot = Date.UTC(random.int(2020, 2035), random.int(0, 11), random.int(1, 28), random.int(0, 23), random.int(0, 59));
        checkCase(seedFor(zoneIndex, caseIndex, 0), timeZone, pivot);
      }
    });
  },
);
