// slots-output.ts writes each instant from a cached day prefix and arithmetic instead of a Date per instant; it must
// write exactly what toISOString (UTC) and the zone's offset would.
import { describe, expect, it } from "vitest";
import { slotsOutput_2024_09_04 } from "../../src/availability/slots-output";
import type { Slot } from "../../src/slots/types";

const DAY = 86_400_000;

// A deterministic spread of instants: whole minutes, odd seconds and milliseconds, days apart and within a day,
// before 1970 and far ahead.
function instants(): number[] {
  const out: number[] = [];
  let seed = 20261207;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  for (const base of [Date.UTC(1969, 11, 31, 23), Date.UTC(2027, 2, 27), Date.UTC(2199, 11, 30)]) {
    let at = base;
    for (let i = 0; i < 300; i++) {
      at += (next() % 3 === 0 ? DAY : 0) + (next() % 7_200_000) + (i % 5 === 0 ? next() % 1000 : 0);
      out.push(at);
    }
  }
  return out;
}

const slotsAt = (starts: number[]): Slot[] => starts.map((start) => ({ start, end: start + 1_800_001 }) as Slot);
const options = (timeZone: string | undefined) => ({ timeZone, onlyFirstPerDate: false, seatsTotal: null });

describe("slot instants as written by slotsOutput_2024_09_04", () => {
  it("in UTC: exactly toISOString, grouped under its date", () => {
    const starts = instants();
    const grouped = slotsOutput_2024_09_04(slotsAt(starts), "range", options(undefined)) as Record<string, { start: string; end: string }[]>;
    const written = Object.values(grouped).flat();
    expect(written.map((slot) => slot.start)).toEqual(starts.map((start) => new Date(start).toISOString()));
    expect(written.map((slot) => slot.end)).toEqual(starts.map((start) => new Date(start + 1_800_001).toISOString()));
    for (const [date, slots] of Object.entries(grouped)) for (const slot of slots) expect(slot.start.startsWith(date)).toBe(true);
  });

  it("in a zone with DST: the local wall clock (toISOString of instant + offset) and the offset", () => {
    const starts = instants().filter((start) => start > Date.UTC(2000, 0, 1) && start < Date.UTC(2100, 0, 1));
    const written = Object.values(slotsOutput_2024_09_04(slotsAt(starts), "time", options("Europe/Paris"))).flat() as { start: string }[];
    const expected = starts.map((start) => {
      // Intl's wall clock in Paris, to the second, read back as if UTC: the offset.
      const wallClock = Date.parse(`${new Date(start).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).replace(" ", "T")}Z`);
      const offsetMinutes = (wallClock - Math.floor(start / 1000) * 1000) / 60_000;
      const local = new Date(start + offsetMinutes * 60_000).toISOString().slice(0, 23);
      return `${local}+0${offsetMinutes / 60}:00`;
    });
    expect(written.map((slot) => slot.start)).toEqual(expected);
  });
});
