// Micro-benchmark: a team event type's slots, the engine alone (no I/O): each host's slots over its own
// schedule (hosts in several zones, one across a DST change) and busy time, combined as the scheduling type
// says (src/availability/service.ts slotsFromBusyContext). 1 host vs 10 hosts, 30 days, 30-minute slots.
// Run: npx tsx bench/team-slots-engine.ts
import { pathToFileURL } from "node:url";
import type { BusyContext } from "../src/availability/busy";
import { slotsFromBusyContext } from "../src/availability/service";
import type { SchedulingType } from "../src/event-types/scheduling";
import type { EventTypeForSlots, EventTypeHost } from "../src/event-types/slots-loader";
import type { Interval } from "../src/slots/types";

export interface TeamEngineBenchResult {
  bench: "team-slots-engine";
  hosts: number;
  schedulingType: SchedulingType;
  iterations: number;
  p50_ms: number;
  p99_ms: number;
  slots: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const WARMUP_ITERATIONS = 200;
const MEASURED_ITERATIONS = 2_000;
const BOOKINGS_PER_HOST = 40;
// Working hours that overlap in UTC (so collective teams have slots), two zones changing clocks on different dates.
const ZONES = ["America/New_York", "Europe/London", "Europe/Berlin", "America/Chicago"];

function seededBusy(seed: number, rangeStart: number, count: number): Interval[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const start = rangeStart + Math.floor(next() * 30 * 24 * 4) * 15 * MINUTE;
    return { start, end: start + (15 + Math.floor(next() * 6) * 15) * MINUTE };
  });
}

export function teamBenchInput(
  hostCount: number,
  schedulingType: SchedulingType,
): { eventType: EventTypeForSlots; context: BusyContext; rangeStart: number; rangeEnd: number } {
  // 30 days across New York's 2026 spring-forward (2026-03-08) and London's (2026-03-29).
  const rangeStart = Date.parse("2026-02-23T00:00:00Z");
  const hosts: EventTypeHost[] = Array.from({ length: hostCount }, (_, i) => ({
    userId: 1_000 + i,
    // Round robin: the first host is fixed (mandatory), the others rotate.
    isFixed: schedulingType === "COLLECTIVE" || i === 0,
    priority: 2,
    weight: 100,
    schedule: {
      id: i + 1,
      timeZone: ZONES[i % ZONES.length]!,
      weekly: [{ days: [1, 2, 3, 4, 5], startMinute: (8 + (i % 3)) * 60, endMinute: (16 + (i % 3)) * 60 }],
      overrides: [{ date: "2026-03-12", startMinute: 12 * 60, endMinute: 20 * 60 }],
    },
  }));
  const busyByHost = new Map(hosts.map((host, i) => [host.userId, seededBusy(0x2f6b_1d3a + i, rangeStart, BOOKINGS_PER_HOST)]));
  const context: BusyContext = { busy: [...busyByHost.values()].flat(), busyByHost, countedBookings: [], seatedBookings: [] };
  const eventType: EventTypeForSlots = {
    eventTypeId: 1,
    slug: "team-bench",
    hidden: false,
    owner: null,
    schedulingType,
    teamId: 1,
    parentId: null,
    isRRWeightsEnabled: false,
    rescheduleWithSameRoundRobinHost: false,
    hosts,
    rules: {
      lengthMinutes: 30,
      slotIntervalMinutes: 30,
      explicitSlotIntervalMinutes: null,
      beforeBufferMinutes: 0,
      afterBufferMinutes: 0,
      minimumBookingNoticeMinutes: 120,
      offsetStartMinutes: 0,
      bookingWindow: { type: "unlimited" },
      bookingLimitsCount: null,
      bookingLimitsDuration: null,
      seatsPerTimeSlot: null,
      weekStart: "Monday",
    },
    lengthOptionsMinutes: [],
    onlyShowFirstAvailableSlot: false,
    requiresConfirmation: false,
    requiresConfirmationWillBlockSlot: false,
    lockTimeZoneToggleOnBookingPage: false,
    schedule: hosts[0]?.schedule ?? null,
  };
  return { eventType, context, rangeStart, rangeEnd: rangeStart + 30 * DAY };
}

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;

export function runTeamEngineBench(hostCount: number, schedulingType: SchedulingType, iterations = MEASURED_ITERATIONS): TeamEngineBenchResult {
  const { eventType, context, rangeStart, rangeEnd } = teamBenchInput(hostCount, schedulingType);
  const options = { rangeStart, rangeEnd, now: rangeStart - DAY };
  let slots = 0;
  for (let i = 0; i < WARMUP_ITERATIONS; i++) slots = slotsFromBusyContext(eventType, context, options).length;
  const durations: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const startedAt = performance.now();
    slots = slotsFromBusyContext(eventType, context, options).length;
    durations.push(performance.now() - startedAt);
  }
  durations.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1_000) / 1_000;
  return {
    bench: "team-slots-engine",
    hosts: hostCount,
    schedulingType,
    iterations,
    p50_ms: round(percentile(durations, 0.5)),
    p99_ms: round(percentile(durations, 0.99)),
    slots,
  };
}

/** 1 host, then 10 hosts round robin and collective. */
export const runTeamEngineBenches = (): TeamEngineBenchResult[] => [
  runTeamEngineBench(1, "ROUND_ROBIN"),
  runTeamEngineBench(10, "ROUND_ROBIN"),
  runTeamEngineBench(10, "COLLECTIVE"),
];

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) for (const result of runTeamEngineBenches()) console.log(JSON.stringify(result));
