// Property test: a team event type's slots (each host's engine run, combined as its scheduling type says:
// src/availability/service.ts slotsFromBusyContext, src/event-types/scheduling.ts) against a brute-force oracle
// that decides minute by minute, from first principles, whether every host a slot needs is free.
// Zones with offsets in whole half hours and without DST keep the slot grid the UTC half-hour grid (DST across
// hosts is covered through HTTP in test/http/team-slots/dst.test.ts).
import { describe, expect, it } from "vitest";
import type { BusyContext } from "../../src/availability/busy";
import { slotsFromBusyContext } from "../../src/availability/service";
import type { SchedulingType } from "../../src/event-types/scheduling";
import type { EventTypeForSlots, EventTypeHost, HostSchedule } from "../../src/event-types/slots-loader";
import type { DateOverride, Interval, WeeklyAvailability } from "../../src/slots/types";
import { eventTypeForSlots, localParts, Random } from "../support/property";

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
const STEP_MINUTES = 30;
const ZONES = ["UTC", "Asia/Kolkata", "Asia/Tokyo", "America/Phoenix", "Asia/Dubai", "Australia/Brisbane", "America/Bogota"];
const CASES = 300;

// Seeded PRNG (mulberry32): a failing case is reproduced by its seed.

// ---- Oracle: the local wall clock of each minute read with Intl, independently of the engine's zone code.

function scheduledAt(schedule: HostSchedule, epochMs: number): boolean {
  const local = localParts(epochMs, schedule.timeZone);
  const overrides = schedule.overrides.filter((o) => o.date === local.date);
  const ranges = overrides.length > 0 ? overrides : schedule.weekly.filter((rule) => rule.days.includes(local.weekday));
  return ranges.some((range) => range.startMinute <= local.minute && local.minute < range.endMinute);
}

/** Whether the host is free for every minute of [start, start + length). */
function hostFree(host: EventTypeHost, busy: readonly Interval[], start: number, lengthMinutes: number): boolean {
  if (!host.schedule) return false;
  for (let m = 0; m < lengthMinutes; m++) {
    const minute = start + m * MINUTE;
    if (!scheduledAt(host.schedule, minute)) return false;
    if (busy.some((b) => b.start <= minute && minute < b.end)) return false;
  }
  return true;
}

function oracle(type: SchedulingType, hosts: EventTypeHost[], busy: Map<number, Interval[]>, rangeStart: number, rangeEnd: number, lengthMinutes: number) {
  const starts: number[] = [];
  for (let t = rangeStart; t < rangeEnd; t += STEP_MINUTES * MINUTE) {
    const free = hosts.map((host) => hostFree(host, busy.get(host.userId) ?? [], t, lengthMinutes));
    const fixed = hosts.flatMap((host, i) => (type === "COLLECTIVE" || host.isFixed ? [free[i]] : []));
    const rotating = hosts.flatMap((host, i) => (type === "ROUND_ROBIN" && !host.isFixed ? [free[i]] : []));
    const ok = fixed.every(Boolean) && (rotating.length === 0 || rotating.some(Boolean));
    if (ok && (fixed.length > 0 || rotating.length > 0)) starts.push(t);
  }
  return starts;
}

// ---- Random teams

function randomWeekly(random: Random): WeeklyAvailability[] {
  return Array.from({ length: random.int(1, 3) }, () => {
    const start = random.int(0, 44) * STEP_MINUTES;
    return {
      days: [...new Set(Array.from({ length: random.int(1, 5) }, () => random.int(0, 6)))],
      startMinute: start,
      endMinute: Math.min(1_440, start + random.int(1, 16) * STEP_MINUTES),
    };
  });
}

function randomOverrides(random: Random, from: number): DateOverride[] {
  if (!random.chance(0.4)) return [];
  const date = new Date(from + random.int(0, 6) * DAY).toISOString().slice(0, 10);
  if (random.chance(0.3)) return [{ date, startMinute: 0, endMinute: 0 }];
  const start = random.int(0, 40) * STEP_MINUTES;
  return [{ date, startMinute: start, endMinute: Math.min(1_440, start + random.int(1, 8) * STEP_MINUTES) }];
}

function randomBusy(random: Random, from: number): Interval[] {
  return Array.from({ length: random.int(0, 12) }, () => {
    const start = from + random.int(0, 7 * 1_440) * MINUTE;
    return { start, end: start + random.int(5, 240) * MINUTE };
  });
}

function checkCase(seed: number) {
  const random = new Random(seed);
  const type: SchedulingType = random.chance(0.5) ? "COLLECTIVE" : "ROUND_ROBIN";
  const rangeStart = Date.UTC(2031, random.int(0, 11), random.int(1, 28));
  const rangeEnd = rangeStart + random.int(1, 7) * DAY;
  const lengthMinutes = random.pick([30, 60]);
  const hosts: EventTypeHost[] = Array.from({ length: random.int(1, 6) }, (_, i) => ({
    userId: 100 + i,
    isFixed: type === "COLLECTIVE" || random.chance(0.3),
    priority: 2,
    weight: 100,
    schedule: random.chance(0.07)
      ? null
      : { id: i + 1, timeZone: random.pick(ZONES), weekly: randomWeekly(random), overrides: randomOverrides(random, rangeStart) },
  }));
  const busyByHost = new Map(hosts.map((host) => [host.userId, randomBusy(random, rangeStart - DAY)]));
  const context: BusyContext = { busy: [...busyByHost.values()].flat(), busyByHost, countedBookings: [], seatedBookings: [] };
  const got = slotsFromBusyContext(eventTypeForSlots(type, hosts, lengthMinutes, STEP_MINUTES), context, { rangeStart, rangeEnd, now: rangeStart - 30 * DAY });
  const expected = oracle(type, hosts, busyByHost, rangeStart, rangeEnd, lengthMinutes);
  expect(
    got.map((slot) => new Date(slot.start).toISOString()),
    `seed ${seed}: ${type}, ${hosts.length} hosts`,
  ).toEqual(expected.map((t) => new Date(t).toISOString()));
  for (const slot of got) expect(slot.end - slot.start).toBe(lengthMinutes * MINUTE);
  return { type, hasFixedAndRotating: type === "ROUND_ROBIN" && hosts.some((h) => h.isFixed) && hosts.some((h) => !h.isFixed), slots: got.length };
}

describe("team slots against a minute-by-minute oracle", () => {
  it(`${CASES} random teams (collective, round robin with and without fixed hosts)`, () => {
    const outcomes = Array.from({ length: CASES }, (_, i) => checkCase(0x7ea4 + i * 7_919));
    // The cases are not vacuous: each kind occurs, and many have slots.
    expect(outcomes.filter((o) => o.type === "COLLECTIVE" && o.slots > 0).length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => o.hasFixedAndRotating && o.slots > 0).length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => o.type === "ROUND_ROBIN" && !o.hasFixedAndRotating && o.slots > 0).length).toBeGreaterThan(20);
  }, 120_000);
});
