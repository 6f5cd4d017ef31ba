// Pure availability/slot engine: schedule + rules + busy time in, bookable slots out. No I/O.

import { buildAvailabilityIntervals } from "./availability";
import { fixedWindowDayRange, isRollingWindow, rollingWindowCutoff, type DayRange, type RollingWindow } from "./booking-window";
import { BusySweep } from "./busy";
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, dayNumberOfWallTime } from "./calendar-days";
import { generateCandidateStarts } from "./candidates";
import { BookingLimits } from "./limits";
import type { OutOfOfficeDays, SeatedBooking, Slot, SlotQuery, SlotSeats } from "./types";
import { ZoneTimeline, wallClockMsAt } from "./zoned-time";

export type * from "./types";

/** Covers every instant of a local day's wall-clock times (offsets lie within [-12h, +14h]). */
const DAY_COVER_MARGIN_MS = 15 * MS_PER_HOUR;

interface SeatTally {
  attendees: number;
  bookingUid: string;
}

/** Everything derived once per query before the per-candidate loop. */
interface QueryPlan {
  lengthMinutes: number;
  lengthMs: number;
  stepMs: number;
  offsetStartMs: number;
  beforeBufferMs: number;
  afterBufferMs: number;
  earliestStart: number;
  firstDay: number;
  lastDay: number;
  fixedWindow: DayRange | null;
  rollingWindow: RollingWindow | null;
  seatsTotal: number;
}

/** Bookable slots with rangeStart <= start < rangeEnd, sorted by start, without duplicates. */
export function computeSlots(query: SlotQuery): Slot[] {
  const plan = planQuery(query);
  if (!plan) return [];
  const timeZone = query.schedule.timeZone;
  const timeline = new ZoneTimeline(timeZone, plan.firstDay * MS_PER_DAY - DAY_COVER_MARGIN_MS, (plan.lastDay + 1) * MS_PER_DAY + DAY_COVER_MARGIN_MS);
  const intervals = buildAvailabilityIntervals(query.schedule, plan.firstDay, plan.lastDay, timeline);
  const starts = generateCandidateStarts(intervals, timeline, {
    stepMs: plan.stepMs,
    lengthMs: plan.lengthMs,
    offsetStartMs: plan.offsetStartMs,
    // Rolling windows count bookable dates from today, so they need slots before rangeStart too.
    minStart: plan.rollingWindow ? plan.earliestStart : Math.max(plan.earliestStart, query.rangeStart),
    maxStart: query.rangeEnd,
  });
  const { slots, slotDays } = keepBookable(starts, query, plan, timeline);
  return plan.rollingWindow ? applyRollingWindow(slots, slotDays, plan.rollingWindow, query.rangeStart) : slots;
}

function planQuery(query: SlotQuery): QueryPlan | null {
  const { rules, schedule, now, rangeStart, rangeEnd } = query;
  const lengthMinutes = positiveOrNull(query.durationMinutes) ?? rules.lengthMinutes;
  if (!(lengthMinutes > 0) || !(rangeEnd > rangeStart)) return null;
  if (![now, rangeStart, rangeEnd].every(Number.isFinite)) return null;
  const lengthMs = lengthMinutes * MS_PER_MINUTE;
  // Multi-duration event types step by the chosen duration unless an explicit interval is set.
  const stepMs = (positiveOrNull(rules.slotIntervalMinutes) ?? lengthMinutes) * MS_PER_MINUTE;
  const offsetStartMs = finiteOrZero(rules.offsetStartMinutes) * MS_PER_MINUTE;
  const rollingWindow = isRollingWindow(rules.bookingWindow) ? rules.bookingWindow : null;
  const localDay = (epochMs: number) => dayNumberOfWallTime(wallClockMsAt(epochMs, schedule.timeZone));
  const today = localDay(now);
  const fixedWindow = fixedWindowDayRange(rules.bookingWindow, today);
  // The day before the first slot's date is included so availability running past midnight keeps its true start.
  const searchBase = rollingWindow ? now : Math.max(rangeStart, now);
  const firstDay = localDay(searchBase - offsetStartMs) - 1;
  const lastNeededDay = localDay(rangeEnd + lengthMs - offsetStartMs) + 1;
  const lastDay = fixedWindow ? Math.min(lastNeededDay, fixedWindow.lastDay + 1) : lastNeededDay;
  if (lastDay < firstDay) return null;
  return {
    lengthMinutes,
    lengthMs,
    stepMs,
    offsetStartMs,
    beforeBufferMs: Math.max(0, finiteOrZero(rules.beforeBufferMinutes)) * MS_PER_MINUTE,
    afterBufferMs: Math.max(0, finiteOrZero(rules.afterBufferMinutes)) * MS_PER_MINUTE,
    earliestStart: now + Math.max(0, finiteOrZero(rules.minimumBookingNoticeMinutes)) * MS_PER_MINUTE,
    firstDay,
    lastDay,
    fixedWindow,
    rollingWindow,
    seatsTotal: Math.max(0, Math.floor(finiteOrZero(rules.seatsPerTimeSlot))),
  };
}

/** Applies seats, busy time (with buffers), fixed booking windows and booking limits, in start order. */
function keepBookable(starts: number[], query: SlotQuery, plan: QueryPlan, timeline: ZoneTimeline): { slots: Slot[]; slotDays: number[] } {
  const seated = plan.seatsTotal > 0 ? (query.seatedBookings ?? []) : [];
  const seatsByStart = tallySeats(seated);
  const busy = new BusySweep(
    query.busy,
    seated.length > 0 ? { seatedBookings: seated, beforeBufferMs: plan.beforeBufferMs, afterBufferMs: plan.afterBufferMs } : null,
  );
  const limits = new BookingLimits(
    {
      countLimits: query.rules.bookingLimitsCount,
      durationLimits: query.rules.bookingLimitsDuration,
      weekStart: query.rules.weekStart,
      bookings: query.countedBookings,
    },
    timeline,
  );
  const away = query.outOfOffice && query.outOfOffice.days.size > 0 ? query.outOfOffice : null;
  const slots: Slot[] = [];
  const slotDays: number[] = [];
  for (const start of starts) {
    const seat = seatsByStart.get(start);
    if (seat && seat.attendees >= plan.seatsTotal) continue;
    const end = start + plan.lengthMs;
    if (busy.overlaps(start - plan.beforeBufferMs, end + plan.afterBufferMs, start)) continue;
    const day = dayNumberOfWallTime(timeline.wallClockAt(start));
    if (away && touchesAwayDay(away, start, end, day, timeline)) continue;
    if (plan.fixedWindow && (day < plan.fixedWindow.firstDay || day > plan.fixedWindow.lastDay)) continue;
    if (!limits.allows(day, plan.lengthMinutes)) continue;
    slots.push(seat ? { start, end, seats: seatsOf(seat, plan.seatsTotal) } : { start, end });
    slotDays.push(day);
  }
  return { slots, slotDays };
}

/** Whether [start, end) touches one of the away days (UTC days, or local days in the schedule's zone). */
function touchesAwayDay(away: OutOfOfficeDays, start: number, end: number, startLocalDay: number, timeline: ZoneTimeline): boolean {
  const first = away.zone === "utc" ? Math.floor(start / MS_PER_DAY) : startLocalDay;
  const last = away.zone === "utc" ? Math.floor((end - 1) / MS_PER_DAY) : dayNumberOfWallTime(timeline.wallClockAt(end - 1));
  for (let day = first; day <= last; day++) if (away.days.has(day)) return true;
  return false;
}

function tallySeats(seatedBookings: SeatedBooking[]): Map<number, SeatTally> {
  const byStart = new Map<number, SeatTally>();
  for (const booking of seatedBookings) {
    const tally = byStart.get(booking.start);
    if (tally) tally.attendees += booking.attendees;
    else byStart.set(booking.start, { attendees: booking.attendees, bookingUid: booking.uid });
  }
  return byStart;
}

function seatsOf(tally: SeatTally, total: number): SlotSeats {
  return { booked: tally.attendees, remaining: total - tally.attendees, total, bookingUid: tally.bookingUid };
}

function applyRollingWindow(slots: Slot[], slotDays: number[], window: RollingWindow, rangeStart: number): Slot[] {
  const bookable = slots.slice(0, rollingWindowCutoff(slotDays, window));
  return bookable.filter((slot) => slot.start >= rangeStart);
}

function positiveOrNull(value: number | null | undefined): number | null {
  return typeof value === "number" && value > 0 && Number.isFinite(value) ? value : null;
}

function finiteOrZero(value: number | null | undefined): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
