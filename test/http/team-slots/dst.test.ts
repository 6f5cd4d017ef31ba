import { beforeAll, describe, expect, it } from "vitest";
import { contractProblems } from "../../helpers/contract";
import { createTeam, createTeamEventTypeRow } from "../../helpers/fixtures";
import { DAY, getSlots, isoDate, nextOffsetChange, offsetMinutes } from "../slots/helpers";
import { createMember, HOUR, type TeamMember, weekdays } from "./helpers";

// Hosts in different zones, each schedule read in its own zone, on weekdays around the next offset change of
// each zone: the team's slots move with each host's clock separately (the hosts' offsets differ by one hour
// more or less between the two changes).

const OP = "SlotsController_2024_09_04_getAvailableSlots";
const NEW_YORK = "America/New_York";
const LONDON = "Europe/London";
// New York 09:00-17:00 local, London 13:00-18:00 local.
const NY_HOURS = [9 * 60, 17 * 60] as const;
const LONDON_HOURS = [13 * 60, 18 * 60] as const;

let ny: TeamMember;
let london: TeamMember;
let collectiveId: number;
let roundRobinId: number;

/** The UTC minutes of a day a host works, from the zone's offset that day (read with Intl). */
function workingUtc(day: number, zone: string, [from, to]: readonly [number, number]): [number, number] {
  const offset = offsetMinutes(day + 12 * HOUR, zone);
  return [from - offset, to - offset];
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const halfHoursIn = (ranges: Array<[number, number]>) => {
  const out = new Set<number>();
  for (const [from, to] of ranges) for (let m = from; m + 30 <= to; m += 30) out.add(m);
  return [...out].sort((x, y) => x - y).map(hhmm);
};

/** Weekdays a few days before and after the next offset change of each zone. */
function daysAroundChanges(): number[] {
  const days = new Set<number>();
  for (const zone of [NEW_YORK, LONDON]) {
    const change = nextOffsetChange(zone);
    for (const delta of [-4, -3, -2, 2, 3, 4]) {
      const day = change + delta * DAY;
      const weekday = new Date(day).getUTCDay();
      if (weekday >= 1 && weekday <= 5) days.add(day);
    }
  }
  return [...days].sort();
}

beforeAll(async () => {
  [ny, london] = await Promise.all([
    createMember({ timeZone: NEW_YORK, availability: weekdays("09:00", "17:00") }),
    createMember({ timeZone: LONDON, availability: weekdays("13:00", "18:00") }),
  ]);
  const team = await createTeam({ members: [ny, london] });
  collectiveId = (await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: ny.userId }, { userId: london.userId }])).id;
  roundRobinId = (await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: ny.userId }, { userId: london.userId }])).id;
});

const utcStarts = (data: Record<string, Array<{ start: string }>>) =>
  Object.values(data)
    .flat()
    .map((slot) => new Date(slot.start).toISOString().slice(11, 16));

describe("hosts in different zones across DST changes", () => {
  it("collective: each day's slots are the overlap of both hosts' hours at that day's offsets", async () => {
    const days = daysAroundChanges();
    expect(days.length).toBeGreaterThanOrEqual(4);
    const overlaps = new Set<number>();
    for (const day of days) {
      const [nyFrom, nyTo] = workingUtc(day, NEW_YORK, NY_HOURS);
      const [ldFrom, ldTo] = workingUtc(day, LONDON, LONDON_HOURS);
      overlaps.add(Math.min(nyTo, ldTo) - Math.max(nyFrom, ldFrom));
      const res = await getSlots({ eventTypeId: collectiveId, start: isoDate(day), end: isoDate(day), timeZone: LONDON });
      expect(res.status, res.text).toBe(200);
      expect(contractProblems(OP, 200, res.body)).toEqual([]);
      expect(utcStarts(res.body.data), isoDate(day)).toEqual(halfHoursIn([[Math.max(nyFrom, ldFrom), Math.min(nyTo, ldTo)]]));
    }
    // The chosen days do see the overlap change with the clocks.
    expect(overlaps.size).toBeGreaterThan(1);
  });

  it("round robin: each day's slots are the union of both hosts' hours at that day's offsets", async () => {
    for (const day of daysAroundChanges()) {
      const res = await getSlots({ eventTypeId: roundRobinId, start: isoDate(day), end: isoDate(day) });
      expect(res.status, res.text).toBe(200);
      expect(utcStarts(res.body.data), isoDate(day)).toEqual(halfHoursIn([workingUtc(day, NEW_YORK, NY_HOURS), workingUtc(day, LONDON, LONDON_HOURS)]));
    }
  });
});
