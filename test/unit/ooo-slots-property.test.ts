// Property test: a host's out-of-office days never carry a slot. Random personal, collective and round-robin
// event types (hosts in several zones, random schedules, busy time and OOO entries) run through the real path
// (busy rows → busyContextFromRows → slotsFromBusyContext → engine) and are compared with a minute-by-minute
// oracle that reads OOO as Cal.com does: whole UTC days for an individual event, whole local days in each host's
// zone for a team event (collective loses the day, round robin falls back to the other hosts).
import { describe, expect, it } from "vitest";
import { type BusyRow, busyContextFromRows } from "../../src/availability/busy";
import { awaySlots, slotsFromBusyContext } from "../../src/availability/service";
import type { SchedulingType } from "../../src/event-types/scheduling";
import type { EventTypeForSlots, EventTypeHost } from "../../src/event-types/slots-loader";
import type { Interval, WeeklyAvailability } from "../../src/slots/types";
import { eventTypeForSlots, localParts, Random } from "../support/property";

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
const STEP_MINUTES = 30;
// Whole-hour or half-hour offsets without DST keep the slot grid on the UTC half hours; far east and west zones
// make a host's local day differ from the UTC day.
const ZONES = ["UTC", "Asia/Kolkata", "Asia/Tokyo", "America/Phoenix", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Bogota"];
const CASES = 210;

const utcDate = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

interface Ooo {
  /** Inclusive UTC dates, as the API stores them (00:00:00.000Z … 23:59:59.999Z). */
  from: string;
  to: string;
}

/** The instants a host is away for this event: its OOO dates as UTC days, or as local days in its zone. */
function awayAt(host: EventTypeHost, ooo: readonly Ooo[], minute: number, team: boolean): boolean {
  const date = team ? localParts(minute, host.schedule!.timeZone).date : utcDate(minute);
  return ooo.some((o) => o.from <= date && date <= o.to);
}

function hostFree(host: EventTypeHost, busy: readonly Interval[], ooo: readonly Ooo[], start: number, lengthMinutes: number, team: boolean): boolean {
  if (!host.schedule) return false;
  for (let m = 0; m < lengthMinutes; m++) {
    const minute = start + m * MINUTE;
    const local = localParts(minute, host.schedule.timeZone);
    if (!host.schedule.weekly.some((r) => r.days.includes(local.weekday) && r.startMinute <= local.minute && local.minute < r.endMinute)) return false;
    if (busy.some((b) => b.start <= minute && minute < b.end)) return false;
    if (awayAt(host, ooo, minute, team)) return false;
  }
  return true;
}

function oracle(
  type: SchedulingType | null,
  hosts: EventTypeHost[],
  busy: Map<number, Interval[]>,
  ooo: Map<number, Ooo[]>,
  range: [number, number],
  lengthMinutes: number,
) {
  const team = type !== null;
  const starts: number[] = [];
  for (let t = range[0]; t < range[1]; t += STEP_MINUTES * MINUTE) {
    const free = hosts.map((h) => hostFree(h, busy.get(h.userId) ?? [], ooo.get(h.userId) ?? [], t, lengthMinutes, team));
    const fixed = hosts.flatMap((h, i) => (type !== "ROUND_ROBIN" || h.isFixed ? [free[i]] : []));
    const rotating = hosts.flatMap((h, i) => (type === "ROUND_ROBIN" && !h.isFixed ? [free[i]] : []));
    if (fixed.every(Boolean) && (rotating.length === 0 || rotating.some(Boolean)) && (fixed.length > 0 || rotating.length > 0)) starts.push(t);
  }
  return starts;
}

function randomWeekly(random: Random): WeeklyAvailability[] {
  return Array.from({ length: random.int(1, 3) }, () => {
    const start = random.int(0, 40) * STEP_MINUTES;
    return {
      days: [...new Set(Array.from({ length: random.int(2, 6) }, () => random.int(0, 6)))],
      startMinute: start,
      endMinute: Math.min(1_440, start + random.int(2, 20) * STEP_MINUTES),
    };
  });
}

function checkCase(seed: number) {
  const random = new Random(seed);
  const type: SchedulingType | null = random.pick([null, "COLLECTIVE", "ROUND_ROBIN"] as const);
  const rangeStart = Date.UTC(2031, random.int(0, 11), random.int(1, 28));
  const days = random.int(2, 6);
  const rangeEnd = rangeStart + days * DAY;
  const lengthMinutes = random.pick([30, 60]);
  const hosts: EventTypeHost[] = Array.from({ length: type === null ? 1 : random.int(1, 4) }, (_, i) => ({
    userId: 100 + i,
    isFixed: type !== "ROUND_ROBIN" || random.chance(0.3),
    priority: 2,
    weight: 100,
    schedule: { id: i + 1, timeZone: random.pick(ZONES), weekly: randomWeekly(random), overrides: [] },
  }));
  const busy = new Map<number, Interval[]>();
  const ooo = new Map<number, Ooo[]>();
  const rows: BusyRow[] = [];
  for (const host of hosts) {
    const intervals = Array.from({ length: random.int(0, 4) }, () => {
      const start = rangeStart - DAY + random.int(0, (days + 1) * 1_440) * MINUTE;
      return { start, end: start + random.int(15, 180) * MINUTE };
    });
    busy.set(host.userId, intervals);
    for (const b of intervals) {
      rows.push({
        kind: "booking",
        userId: host.userId,
        uid: `b${rows.length}`,
        eventTypeId: 2,
        start: b.start,
        end: b.end,
        beforeBuffer: 0,
        afterBuffer: 0,
        attendees: 1,
        blocks: true,
      });
    }
    const entries = Array.from({ length: random.int(0, 2) }, () => {
      const first = rangeStart + random.int(-1, days) * DAY;
      const last = first + random.int(0, 2) * DAY;
      return { from: utcDate(first), to: utcDate(last) };
    });
    ooo.set(host.userId, entries);
    for (const o of entries) {
      const start = Date.parse(`${o.from}T00:00:00.000Z`);
      const end = Date.parse(`${o.to}T23:59:59.999Z`);
      rows.push({
        kind: "ooo",
        userId: host.userId,
        uid: `o${rows.length}`,
        eventTypeId: null,
        start,
        end,
        beforeBuffer: 0,
        afterBuffer: 0,
        attendees: 0,
        blocks: true,
        detail: [7, "cover", "Cover", "Host", "ooo_reasons_vacation", "☀️", null],
      });
    }
  }
  const context = busyContextFromRows(rows, { eventTypeId: 1 });
  const eventType = eventTypeForSlots(type, hosts, lengthMinutes, STEP_MINUTES);
  const got = slotsFromBusyContext(eventType, context, { rangeStart, rangeEnd, now: rangeStart - 30 * DAY });
  const expected = oracle(type, hosts, busy, ooo, [rangeStart, rangeEnd], lengthMinutes);
  const label = `seed ${seed}: ${type ?? "personal"}, ${hosts.length} hosts`;
  expect(
    got.map((s) => new Date(s.start).toISOString()),
    label,
  ).toEqual(expected.map((t) => new Date(t).toISOString()));
  // The property itself, stated plainly: no slot touches an OOO day of a host it needs.
  for (const slot of got) {
    const needed = type === "ROUND_ROBIN" ? hosts.filter((h) => h.isFixed) : hosts;
    for (const host of needed) {
      for (let m = slot.start; m < slot.end; m += MINUTE) expect(awayAt(host, ooo.get(host.userId) ?? [], m, type !== null), label).toBe(false);
    }
    if (type === "ROUND_ROBIN" && hosts.some((h) => !h.isFixed)) {
      const someRotatingHere = hosts.some((h) => !h.isFixed && hostFree(h, busy.get(h.userId) ?? [], ooo.get(h.userId) ?? [], slot.start, lengthMinutes, true));
      expect(someRotatingHere, label).toBe(true);
    }
  }
  const withoutOoo = slotsFromBusyContext(eventType, { ...context, outOfOfficeByHost: undefined }, { rangeStart, rangeEnd, now: rangeStart - 30 * DAY });
  // Cal.com's `away` slots (legacy lookup): for an individual event, exactly the slots the schedule offers on the
  // OOO UTC dates, each naming who covers; none for a team event.
  const away = awaySlots(eventType, context, { rangeStart, rangeEnd, now: rangeStart - 30 * DAY });
  const oooDates = ooo.get(hosts[0]!.userId) ?? [];
  const onOooDate = (start: number) => oooDates.some((o) => o.from <= utcDate(start) && utcDate(start) <= o.to);
  const expectedAway = type === null ? withoutOoo.filter((slot) => onOooDate(slot.start)) : [];
  expect(
    away.map((slot) => slot.start),
    label,
  ).toEqual(expectedAway.map((slot) => slot.start));
  for (const slot of away) expect(slot.away?.toUser, label).toEqual({ id: 7, username: "cover", displayName: "Cover" });
  return { type, slots: got.length, removed: withoutOoo.length - got.length };
}

describe("out-of-office days carry no slot", () => {
  it(`${CASES} random event types (personal, collective, round robin) against a minute-by-minute oracle`, () => {
    const outcomes = Array.from({ length: CASES }, (_, i) => checkCase(0x00f1 + i * 7_919));
    // Not vacuous: each kind has cases with slots where OOO removed some.
    for (const type of [null, "COLLECTIVE", "ROUND_ROBIN"]) {
      expect(outcomes.filter((o) => o.type === type && o.slots > 0 && o.removed > 0).length, String(type)).toBeGreaterThan(5);
    }
  }, 120_000);
});
