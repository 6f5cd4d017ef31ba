import { beforeAll, describe, expect, it } from "vitest";
import { contractProblems } from "../../helpers/contract";
import { createOrganizationTeam, createTeam, createTeamEventTypeRow, type TeamFixture } from "../../helpers/fixtures";
import { getSlots, isoDate, mondayAhead } from "../slots/helpers";
import { createMember, HOUR, halfHours, insertHostBooking, type TeamMember, utcTimes, weekdays } from "./helpers";

// GET /v2/slots (2024-09-04) for team event types: how each host's slots combine (src/event-types/scheduling.ts).

const OP = "SlotsController_2024_09_04_getAvailableSlots";
const monday = mondayAhead(28);
const day = { start: isoDate(monday), end: isoDate(monday) };

let early: TeamMember; // 09:00-17:00 UTC
let late: TeamMember; // 13:00-20:00 UTC
let morning: TeamMember; // 08:00-11:00 UTC
let team: TeamFixture;

beforeAll(async () => {
  [early, late, morning] = await Promise.all([
    createMember({ availability: weekdays("09:00", "17:00") }),
    createMember({ availability: weekdays("13:00", "20:00") }),
    createMember({ availability: weekdays("08:00", "11:00") }),
  ]);
  team = await createTeam({ owners: [early], members: [late, morning] });
});

const bySlug = async (slug: string, extra: Record<string, string> = {}) => {
  const res = await getSlots({ teamSlug: team.slug, eventTypeSlug: slug, ...day, ...extra });
  expect(res.status, res.text).toBe(200);
  expect(contractProblems(OP, 200, res.body)).toEqual([]);
  return utcTimes(res.body.data);
};

describe("COLLECTIVE: every host must be free", () => {
  it("offers the intersection of the hosts' hours, by team slug and by id alike", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: early.userId }, { userId: late.userId }]);
    expect(await bySlug(et.slug)).toEqual(halfHours("13:00", "17:00"));
    const byId = await getSlots({ eventTypeId: et.id, ...day });
    expect(utcTimes(byId.body.data)).toEqual(halfHours("13:00", "17:00"));
  });

  it("one host's booking (of any event type) removes the slot for the team", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: early.userId }, { userId: late.userId }]);
    await insertHostBooking(late.userId, monday + 14 * HOUR, 60);
    expect(await bySlug(et.slug)).toEqual([...halfHours("13:00", "14:00"), ...halfHours("15:00", "17:00")]);
  });

  it("a host without any schedule leaves no slot", async () => {
    const lonely = await createMember();
    await createTeam({ members: [lonely] });
    const { withDb } = await import("../../helpers/fixtures");
    await withDb((db) => db.user.update({ where: { id: lonely.userId }, data: { defaultScheduleId: null } }));
    await withDb((db) => db.schedule.deleteMany({ where: { userId: lonely.userId } }));
    const et = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: early.userId }, { userId: lonely.userId }]);
    expect(await bySlug(et.slug)).toEqual([]);
  });
});

describe("ROUND_ROBIN: any rotating host, every fixed host", () => {
  it("without fixed hosts offers the union of the hosts' hours", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: early.userId }, { userId: late.userId }]);
    expect(await bySlug(et.slug)).toEqual(halfHours("09:00", "20:00"));
  });

  it("a slot stays while one rotating host is free, and goes when none is", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: early.userId }, { userId: late.userId }]);
    await insertHostBooking(early.userId, monday + 10 * HOUR, 60); // late is not working then: 10:00, 10:30 go
    await insertHostBooking(early.userId, monday + 15 * HOUR, 60); // late is free: 15:00, 15:30 stay
    expect(await bySlug(et.slug)).toEqual([...halfHours("09:00", "10:00"), ...halfHours("11:00", "20:00")]);
  });

  it("fixed hosts are always required: (fixed ∩ …) ∩ (any rotating host)", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [
      { userId: early.userId, isFixed: true },
      { userId: late.userId },
      { userId: morning.userId },
    ]);
    // early 09-17 ∩ (late 13-20 ∪ morning 08-11) = 09-11 and 13-17, less the bookings made above: early's at
    // 10:00 and 15:00 (the fixed host is busy), late's at 14:00 (no rotating host is free).
    const expected = [...halfHours("09:00", "11:00"), ...halfHours("13:00", "17:00")];
    const busy = ["10:00", "10:30", "14:00", "14:30", "15:00", "15:30"];
    expect(await bySlug(et.slug)).toEqual(expected.filter((t) => !busy.includes(t)));
  });

  it("when the fixed hosts share no time there are no slots (Cal.com falls back to the rotating hosts' slots)", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [
      { userId: morning.userId, isFixed: true },
      { userId: late.userId, isFixed: true },
      { userId: early.userId },
    ]);
    expect(await bySlug(et.slug)).toEqual([]);
  });
});

describe("MANAGED", () => {
  it("the team's template offers no slots (its children are booked)", async () => {
    const et = await createTeamEventTypeRow(team.teamId, "MANAGED", [{ userId: early.userId }, { userId: late.userId }]);
    expect(await bySlug(et.slug)).toEqual([]);
  });
});

describe("lookups by team slug", () => {
  it("finds a team inside an organization with organizationSlug, and only with it", async () => {
    const org = await createOrganizationTeam();
    const et = await createTeamEventTypeRow(org.teamId, "COLLECTIVE", [{ userId: morning.userId }]);
    const found = await getSlots({ teamSlug: org.slug, eventTypeSlug: et.slug, organizationSlug: org.organizationSlug, ...day });
    expect(found.status, found.text).toBe(200);
    expect(utcTimes(found.body.data)).toEqual(halfHours("08:00", "11:00"));
    const outside = await getSlots({ teamSlug: org.slug, eventTypeSlug: et.slug, ...day });
    expect(outside.status).toBe(404);
    expect(outside.body.error.message).toBe(`Team with slug ${org.slug} not found`);
  });

  it("404s name what is missing: the team, the event type, the organization", async () => {
    const noTeam = await getSlots({ teamSlug: "no-such-team-xyz", eventTypeSlug: "call", ...day });
    expect(noTeam.status).toBe(404);
    expect(noTeam.body.error.message).toBe("Team with slug no-such-team-xyz not found");
    const noEventType = await getSlots({ teamSlug: team.slug, eventTypeSlug: "no-such-event", ...day });
    expect(noEventType.status).toBe(404);
    expect(noEventType.body.error.message).toBe("Event Type not found");
    const noOrg = await getSlots({ teamSlug: team.slug, eventTypeSlug: "call", organizationSlug: "no-such-org-xyz", ...day });
    expect(noOrg.status).toBe(404);
    expect(noOrg.body.error.message).toBe("slots-input.service.ts: Organization with slug no-such-org-xyz not found");
  });

  it("a personal event type's slug is not found through a team slug", async () => {
    const other = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: early.userId }]);
    const otherTeam = await createTeam({ members: [early] });
    const res = await getSlots({ teamSlug: otherTeam.slug, eventTypeSlug: other.slug, ...day });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe("Event Type not found");
  });
});
