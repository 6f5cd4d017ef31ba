import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createTeam, createTeamEventTypeRow, type TeamFixture, withDb } from "../../helpers/fixtures";
import { DAY, mondayAhead } from "../slots/helpers";
import { createMember, halfHours, type TeamMember, weekdays } from "./helpers";

// The atoms' Booker for a team event: GET /v2/atoms/event-types/{slug}/public?isTeamEvent=true&teamId=…, then
// the legacy slots call with the event type's id.

let a: TeamMember;
let b: TeamMember;
let team: TeamFixture;
let roundRobin: { id: number; slug: string };

const publicEvent = (slug: string, query: string) => api(`/v2/atoms/event-types/${slug}/public?${query}`);

beforeAll(async () => {
  [a, b] = await Promise.all([createMember({ availability: weekdays("09:00", "11:00") }), createMember({ availability: weekdays("10:00", "12:00") })]);
  team = await createTeam({ members: [a, b], name: "Support Crew" });
  await withDb((db) => db.team.update({ where: { id: team.teamId }, data: { brandColor: "#112233", logoUrl: "https://example.com/logo.png" } }));
  // b is the fixed host: listed first.
  roundRobin = await createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: a.userId }, { userId: b.userId, isFixed: true }], { title: "Support call" });
});

describe("GET /v2/atoms/event-types/{eventSlug}/public for a team event", () => {
  it("answers the team's event: scheduling type, team, its hosts as users, the team as profile and entity", async () => {
    const res = await publicEvent(roundRobin.slug, `isTeamEvent=true&teamId=${team.teamId}`);
    expect(res.status, res.text).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({
      id: roundRobin.id,
      slug: roundRobin.slug,
      title: "Support call",
      length: 30,
      schedulingType: "ROUND_ROBIN",
      teamId: team.teamId,
      owner: null,
      isDynamic: false,
      team: { id: team.teamId, slug: team.slug, name: "Support Crew", parentId: null, brandColor: "#112233", logoUrl: "https://example.com/logo.png" },
      profile: { username: team.slug, name: "Support Crew", image: "https://example.com/logo.png", brandColor: "#112233" },
      entity: { teamSlug: team.slug, name: "Support Crew", orgSlug: null, considerUnpublished: false },
    });
    expect(data.subsetOfUsers.map((u: { username: string }) => u.username)).toEqual([b.username, a.username]);
    expect(data.subsetOfHosts.map((h: { isFixed: boolean; user: { username: string } }) => [h.user.username, h.isFixed])).toEqual([
      [b.username, true],
      [a.username, false],
    ]);
    expect(data.bookingFields.map((f: { name: string }) => f.name)).toContain("email");
  });

  it("the Booker's next call, the legacy slots by the event's id, offers the team's slots", async () => {
    const event = (await publicEvent(roundRobin.slug, `isTeamEvent=true&teamId=${team.teamId}`)).body.data;
    const monday = mondayAhead(70);
    const res = await api(
      `/v2/slots/available?eventTypeId=${event.id}&startTime=${new Date(monday).toISOString()}&endTime=${new Date(monday + DAY - 1).toISOString()}&teamId=${team.teamId}`,
    );
    expect(res.status, res.text).toBe(200);
    const times = Object.values(res.body.data.slots as Record<string, Array<{ time: string }>>)
      .flat()
      .map((s) => new Date(s.time).toISOString().slice(11, 16));
    // b is fixed (10:00-12:00), a rotates (09:00-11:00): 10:00-11:00.
    expect(times).toEqual(halfHours("10:00", "11:00"));
  });

  it("errors: an unknown slug in the team, an unknown team, no teamId", async () => {
    const noEvent = await publicEvent("nothing-here", `isTeamEvent=true&teamId=${team.teamId}`);
    expect(noEvent.status).toBe(404);
    expect(noEvent.body.error.message).toBe("Event type with slug nothing-here not found");
    const noTeam = await publicEvent(roundRobin.slug, "isTeamEvent=true&teamId=2147480000");
    expect(noTeam.status).toBe(404);
    expect(noTeam.body.error.message).toBe("Team with id 2147480000 not found");
    const noTeamId = await publicEvent(roundRobin.slug, "isTeamEvent=true");
    expect(noTeamId.status).toBe(400);
    // Another team's event type is not found through this team.
    const other = await createTeam({ members: [a] });
    const elsewhere = await publicEvent(roundRobin.slug, `isTeamEvent=true&teamId=${other.teamId}`);
    expect(elsewhere.status).toBe(404);
  });
});
