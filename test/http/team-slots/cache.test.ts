import { beforeAll, describe, expect, it } from "vitest";
import { createTeam, createTeamEventTypeRow, type TeamFixture, withDb } from "../../helpers/fixtures";
import { getSlots, isoDate, mondayAhead, seenWithinRecheck } from "../slots/helpers";
import { createMember, HOUR, halfHours, insertHostBooking, type TeamMember, utcTimes, weekdays } from "./helpers";

// Team answers are cached (src/availability/answer-cache.ts) under the versions of every host and of every
// owner of a schedule in force: a change to ANY of them, made by any writer, is seen within the recheck bound.

const monday = mondayAhead(49);
const day = { start: isoDate(monday), end: isoDate(monday) };
let a: TeamMember;
let b: TeamMember;
let c: TeamMember;
let outsider: TeamMember;
let team: TeamFixture;

beforeAll(async () => {
  [a, b, c, outsider] = await Promise.all([
    createMember({ availability: weekdays("09:00", "12:00") }),
    createMember({ availability: weekdays("10:00", "13:00") }),
    createMember({ availability: weekdays("15:00", "16:00") }),
    createMember({ availability: weekdays("09:00", "17:00") }),
  ]);
  team = await createTeam({ members: [a, b, c] });
});

const times = async (eventTypeId: number) => {
  const res = await getSlots({ eventTypeId, ...day });
  expect(res.status, res.text).toBe(200);
  return utcTimes(res.body.data);
};

describe("cached team answers follow every host", () => {
  it("the second host's booking, written by another writer, removes the slot", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: a.userId }, { userId: b.userId }]);
    expect(await times(et.id)).toEqual(halfHours("10:00", "12:00"));
    expect(await times(et.id)).toEqual(halfHours("10:00", "12:00")); // served from memory
    await insertHostBooking(b.userId, monday + 11 * HOUR, 60);
    await seenWithinRecheck(
      () => times(et.id),
      (got) => expect(got).toEqual(halfHours("10:00", "11:00")),
    );
  });

  it("a change to the last host's schedule shows", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: a.userId }, { userId: c.userId }]);
    const before = await times(et.id);
    expect(before).toContain("15:00");
    await withDb((db) => db.availability.updateMany({ where: { scheduleId: c.scheduleId }, data: { startMinute: 18 * 60, endMinute: 19 * 60 } }));
    await seenWithinRecheck(
      () => times(et.id),
      (got) => expect(got).toEqual([...before.filter((t) => t < "15:00"), "18:00", "18:30"]),
    );
  });

  it("a host added to or removed from the event type shows", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: a.userId }]);
    expect(await times(et.id)).toEqual(halfHours("09:00", "12:00"));
    await withDb((db) => db.host.create({ data: { eventTypeId: et.id, userId: outsider.userId, isFixed: false } }));
    await seenWithinRecheck(
      () => times(et.id),
      (got) => expect(got).toEqual(halfHours("09:00", "17:00")),
    );
    await withDb((db) => db.host.deleteMany({ where: { eventTypeId: et.id, userId: outsider.userId } }));
    await seenWithinRecheck(
      () => times(et.id),
      (got) => expect(got).toEqual(halfHours("09:00", "12:00")),
    );
  });

  it("a change to the event type's own schedule, owned by someone who is not a host, shows", async () => {
    // Every host uses the event type's schedule (outsider's, 09:00-17:00); b is booked 11:00-12:00 (above).
    const et = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: a.userId }, { userId: b.userId }], { scheduleId: outsider.scheduleId });
    expect(await times(et.id)).toEqual([...halfHours("09:00", "11:00"), ...halfHours("12:00", "17:00")]);
    await withDb((db) => db.availability.updateMany({ where: { scheduleId: outsider.scheduleId }, data: { startMinute: 8 * 60, endMinute: 9 * 60 } }));
    await seenWithinRecheck(
      () => times(et.id),
      (got) => expect(got).toEqual(halfHours("08:00", "09:00")),
    );
  });
});
