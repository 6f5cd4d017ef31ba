import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createTeam, createTeamEventTypeRow, type TeamFixture } from "../../helpers/fixtures";
import { DAY, mondayAhead } from "../slots/helpers";
import { createMember, halfHours, type TeamMember, weekdays } from "./helpers";

// The legacy GET /v2/slots/available (the atoms' call, no cal-api-version) for team event types: by
// eventTypeId, or by the team's slug in usernameList[] with isTeamEvent=true and eventTypeSlug.

const monday = mondayAhead(56);
const startTime = new Date(monday).toISOString();
const endTime = new Date(monday + DAY - 1).toISOString();
let a: TeamMember;
let b: TeamMember;
let team: TeamFixture;
let collective: { id: number; slug: string };

beforeAll(async () => {
  [a, b] = await Promise.all([createMember({ availability: weekdays("09:00", "12:00") }), createMember({ availability: weekdays("11:00", "14:00") })]);
  team = await createTeam({ members: [a, b] });
  collective = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: a.userId }, { userId: b.userId }]);
});

const available = (query: string) => api(`/v2/slots/available?${query}&startTime=${startTime}&endTime=${endTime}`);
const utcTimes = (body: any): string[] =>
  Object.values(body.data.slots as Record<string, Array<{ time: string }>>)
    .flat()
    .map((slot) => new Date(slot.time).toISOString().slice(11, 16));

describe("GET /v2/slots/available for team event types", () => {
  it("by eventTypeId: the collective overlap", async () => {
    const res = await available(`eventTypeId=${collective.id}`);
    expect(res.status, res.text).toBe(200);
    expect(utcTimes(res.body)).toEqual(halfHours("11:00", "12:00"));
  });

  it("by team slug (usernameList[] + isTeamEvent=true) and eventTypeSlug, as the atoms send it", async () => {
    const res = await available(`usernameList[]=${team.slug}&isTeamEvent=true&eventTypeSlug=${collective.slug}&teamId=${team.teamId}`);
    expect(res.status, res.text).toBe(200);
    expect(utcTimes(res.body)).toEqual(halfHours("11:00", "12:00"));
  });

  it("round robin: the union; slotFormat=range gives each slot's end", async () => {
    const rr = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: a.userId }, { userId: b.userId }]);
    const res = await available(`usernameList[]=${team.slug}&isTeamEvent=true&eventTypeSlug=${rr.slug}&slotFormat=range`);
    expect(res.status, res.text).toBe(200);
    const slots = Object.values(res.body.data.slots as Record<string, Array<{ startTime: string; endTime: string }>>).flat();
    expect(slots.map((s) => new Date(s.startTime).toISOString().slice(11, 16))).toEqual(halfHours("09:00", "14:00"));
    expect(slots.every((s) => Date.parse(s.endTime) - Date.parse(s.startTime) === 30 * 60_000)).toBe(true);
  });

  it("404s: an unknown team, an unknown event type of a known team", async () => {
    const noTeam = await available(`usernameList[]=no-such-team-xyz&isTeamEvent=true&eventTypeSlug=${collective.slug}`);
    expect(noTeam.status).toBe(404);
    expect(noTeam.body.error.message).toBe("Team with slug no-such-team-xyz not found");
    const noEventType = await available(`usernameList[]=${team.slug}&isTeamEvent=true&eventTypeSlug=nothing-here`);
    expect(noEventType.status).toBe(404);
    expect(noEventType.body.error.message).toBe("Event Type not found");
  });

  it("without isTeamEvent the team slug is read as a username", async () => {
    const res = await available(`usernameList[]=${team.slug}&eventTypeSlug=${collective.slug}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`User with username ${team.slug} not found`);
  });
});
