// Micro-benchmark: one host, 30 days across the America/New_York spring-forward (2026-03-08),
// 200 busy intervals, 30-minute slots. Run: npx tsx bench/slots-engine.ts
import { pathToFileURL } from "node:url";
import { computeSlots } from "../src/slots/engine";
import type { Interval, SlotQuery } from "../src/slots/types";

export interface EngineBenchResult {
  bench: "slots-engine";
  iterations: number;
  p50_ms: number;
  p99_ms: number;
  slots: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const WARMUP_ITERATIONS = 200;
const MEASURED_ITERATIONS = 2_000;
const BUSY_INTERVALS = 200;

/** Deterministic busy time so every run measures the same work. */
function seededBusy(rangeStart: number, count: number): Interval[] {
  let state = 0x2f6b_1d3a;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const busy: Interval[] = [];
  for (let index = 0; index < count; index++) {
    const start = rangeStart + Math.floor(next() * 30 * 24 * 4) * 15 * MINUTE;
    busy.push({ start, end: start + (15 + Math.floor(next() * 6) * 15) * MINUTE });
  }
  return busy;
}

export function benchQuery(): SlotQuery {
  const rangeStart = Date.parse("2026-02-23T05:00:00Z");
  return {
    rules: {
      lengthMinutes: 30,
      slotIntervalMinutes: null,
      beforeBufferMinutes: 10,
      afterBufferMinutes: 5,
      minimumBookingNoticeMinutes: 120,
      offsetStartMinutes: 0,
      bookingWindow: { type: "calendarDays", value: 60, rolling: false },
      bookingLimitsCount: { day: 8 },
      bookingLimitsDuration: null,
      seatsPerTimeSlot: null,
      weekStart: 1,
    },
    schedule: {
      timeZone: "America/New_York",
      weekly: [
        { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 },
        { days: [0, 6], startMinute: 10 * 60, endMinute: 14 * 60 },
      ],
      overrides: [{ date: "2026-03-12", startMinute: 12 * 60, endMinute: 20 * 60 }],
    },
    busy: seededBusy(rangeStart, BUSY_INTERVALS),
    countedBookings: seededBusy(rangeStart, 40),
    now: rangeStart - DAY,
    rangeStart,
    rangeEnd: rangeStart + 30 * DAY,
  };
}

function percentile(sortedDurations: number[], fraction: number): number {
  const index = Math.min(sortedDurations.length - 1, Math.floor(fraction * sortedDurations.length));
  return sortedDurations[index] ?? Number.NaN;
}

export function runEngineBench(iterations: number = MEASURED_ITERATIONS): EngineBenchResult {
  const query = benchQuery();
  let slots = 0;
  for (let index = 0; index < WARMUP_ITERATIONS; index++) slots = computeSlots(query).length;
  const durations: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const startedAt = performance.now();
    slots = computeSlots(query).length;
    durations.push(performance.now() - startedAt);
  }
  durations.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1_000) / 1_000;
  return {
    bench: "slots-engine",
    iterations,
    p50_ms: round(percentile(durations, 0.5)),
    p99_ms: round(percentile(durations, 0.99)),
    slots,
  };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) console.log(JSON.stringify(runEngineBench()));
