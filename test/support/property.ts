import type { SchedulingType } from "../../src/event-types/scheduling";
import type { EventTypeForSlots, EventTypeHost } from "../../src/event-types/slots-loader";
// Shared by the seeded property tests (test/unit/*-property.test.ts): a small deterministic PRNG, so a failing
// case replays from its seed, and the oracle's reading of a wall clock through Intl, independent of the
// engine's own zone code.

export class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
export function localParts(epochMs: number, timeZone: string): { date: string; weekday: number; minute: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(epochMs).map((p) => [p.type, p.value]));
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday!);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/**
 * The slots loader's view of an event type, plain: personal (`type` null, the first host owns it) or a team's, a
 * slot every `stepMinutes`, no buffers, notice, limits or window.
 */
export function eventTypeForSlots(type: SchedulingType | null, hosts: EventTypeHost[], lengthMinutes: number, stepMinutes: number): EventTypeForSlots {
  return {
    eventTypeId: 1,
    slug: "call",
    hidden: false,
    owner: type === null ? { id: hosts[0]!.userId, username: "host", timeZone: "UTC" } : null,
    schedulingType: type,
    teamId: type === null ? null : 1,
    parentId: null,
    isRRWeightsEnabled: false,
    rescheduleWithSameRoundRobinHost: false,
    hosts,
    rules: {
      lengthMinutes,
      slotIntervalMinutes: stepMinutes,
      explicitSlotIntervalMinutes: stepMinutes,
      beforeBufferMinutes: 0,
      afterBufferMinutes: 0,
      minimumBookingNoticeMinutes: 0,
      offsetStartMinutes: 0,
      bookingWindow: { type: "unlimited" },
      bookingLimitsCount: null,
      bookingLimitsDuration: null,
      seatsPerTimeSlot: null,
      weekStart: "Sunday",
    },
    lengthOptionsMinutes: [],
    onlyShowFirstAvailableSlot: false,
    requiresConfirmation: false,
    requiresConfirmationWillBlockSlot: false,
    lockTimeZoneToggleOnBookingPage: false,
    schedule: hosts[0]?.schedule ?? null,
  };
}
