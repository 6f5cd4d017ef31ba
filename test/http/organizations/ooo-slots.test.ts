import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf } from "../../helpers/api";
import { attendee, book } from "../../helpers/bookings";
import { createEventType, createOrganization, createSchedule, createTeamEventTypeRow, type OrganizationFixture, type OrgMember } from "../../helpers/fixtures";
import { DAY, getSlots, mondayAhead } from "../slots/helpers";

// Out-of-office entries made through the org API take the host's days away from GET /v2/slots and the legacy
// /v2/slots/available at once (the cached answer goes stale with the host's SlotsVersion), and a booking on such
// a day is Cal.com's 400. Individual events lose whole UTC days, team events whole local days in the host's zone;
// round robin falls back to the other hosts and the redirect target never becomes a host.

const monday = mondayAhead(35);
const date = (dayOffset: number) => new Date(monday + dayOffset * DAY).toISOString().slice(0, 10);
const window = { start: date(0), end: date(4) };
const OVERLAP = "User either already has booking at this time or is not available";

let org: OrganizationFixture;
let a: OrgMember;
let b: OrgMember;
let cover: OrgMember;
let kiri: OrgMember;

/** The UTC dates with slots in a 2024-09-04 answer (keys are UTC dates without timeZone). */
const datesOf = (data: Record<string, unknown[]>) => Object.keys(data).filter((key) => data[key]!.length > 0);
const slotDates = async (eventTypeId: number) => datesOf(dataOf<Record<string, unknown[]>>(await getSlots({ eventTypeId, ...window })));
const userOoo = (userId: number) => `/v2/organizations/${org.organizationId}/users/${userId}/ooo`;
const createOoo = async (userId: number, body: Record<string, unknown>) =>
  dataOf<{ id: number }>(await api(userOoo(userId), { key: org.owner.apiKey, body }), 201);

beforeAll(async () => {
  org = await createOrganization();
  [a, b, cover, kiri] = await Promise.all([org.addMember("MEMBER"), org.addMember("MEMBER"), org.addMember("MEMBER"), org.addMember("MEMBER")]);
  await Promise.all([
    createSchedule(a),
    createSchedule(b),
    // Kiritimati is UTC+14: local 09:00-12:00 is 19:00-22:00 UTC of the day before.
    createSchedule(kiri, {
      timeZone: "Pacific/Kiritimati",
      availability: [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime: "09:00", endTime: "12:00" }],
    }),
  ]);
}, 120_000);

describe("an individual event: whole UTC days", () => {
  let eventTypeId: number;

  beforeAll(async () => {
    eventTypeId = (await createEventType(a, { minimumBookingNotice: 0 })).id;
  });

  it("create, move, delete an entry: the day leaves and comes back in GET /v2/slots (cached answers follow) and the legacy lookup", async () => {
    expect(await slotDates(eventTypeId)).toEqual([date(0), date(1), date(2), date(3), date(4)]);
    const ooo = await createOoo(a.userId, { start: `${date(2)}T12:00:00Z`, end: `${date(2)}T12:00:00Z`, toUserId: cover.userId, reason: "sick" });
    expect(await slotDates(eventTypeId)).toEqual([date(0), date(1), date(3), date(4)]);

    await api(`${userOoo(a.userId)}/${ooo.id}`, {
      method: "PATCH",
      key: org.owner.apiKey,
      body: { start: `${date(3)}T00:00:00Z`, end: `${date(3)}T00:00:00Z` },
    });
    expect(await slotDates(eventTypeId)).toEqual([date(0), date(1), date(2), date(4)]);
    const legacy = await api(`/v2/slots/available?eventTypeId=${eventTypeId}&startTime=${date(0)}T00:00:00.000Z&endTime=${date(4)}T23:59:59.000Z`);
    expect(legacy.status, legacy.text).toBe(200);
    // Cal.com's legacy answer keeps the away day as `away` slots naming who covers (the Booker's redirect);
    // none of them is bookable. GET /v2/slots drops them.
    const byDate = legacy.body.data.slots as Record<string, Array<Record<string, unknown>>>;
    expect(Object.keys(byDate).sort()).toEqual([date(0), date(1), date(2), date(3), date(4)]);
    expect(byDate[date(2)]!.every((slot) => slot.away === undefined)).toBe(true);
    expect(byDate[date(3)]).toHaveLength(16);
    for (const slot of byDate[date(3)]!) {
      expect(slot).toMatchObject({
        away: true,
        fromUser: { id: a.userId },
        toUser: { id: cover.userId, username: cover.username },
        reason: "ooo_reasons_sick_leave",
        emoji: "🤒",
      });
      expect(slot.notes).toBeUndefined();
    }

    const refused = await book({ start: `${date(3)}T10:00:00.000Z`, eventTypeId, attendee: attendee() });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error.message).toBe(OVERLAP);
    expect((await book({ start: `${date(4)}T10:00:00.000Z`, eventTypeId, attendee: attendee() })).status).toBe(201);

    await api(`${userOoo(a.userId)}/${ooo.id}`, { method: "DELETE", key: org.owner.apiKey });
    expect(await slotDates(eventTypeId)).toEqual([date(0), date(1), date(2), date(3), date(4)]);
  });
});

describe("team events: whole local days in the host's zone", () => {
  let collective: { id: number };
  let roundRobin: { id: number };
  let kiriPersonal: number;
  let kiriTeam: { id: number };

  beforeAll(async () => {
    const team = await org.addTeam([{ userId: a.userId }, { userId: b.userId }, { userId: kiri.userId }]);
    [collective, roundRobin, kiriTeam] = await Promise.all([
      createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: a.userId }, { userId: b.userId }]),
      createTeamEventTypeRow(team.teamId, "ROUND_ROBIN", [{ userId: a.userId }, { userId: b.userId }]),
      createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: kiri.userId }]),
    ]);
    kiriPersonal = (await createEventType(kiri, { minimumBookingNotice: 0 })).id;
    // a is away on day 1, redirecting to `cover`, who is no host.
    await createOoo(a.userId, { start: `${date(1)}T00:00:00Z`, end: `${date(1)}T00:00:00Z`, toUserId: cover.userId });
    // kiri is away on the date of day 2.
    await createOoo(kiri.userId, { start: `${date(2)}T00:00:00Z`, end: `${date(2)}T00:00:00Z` });
  }, 120_000);

  it("collective loses the day; round robin keeps it with the other host, and books that host, never the redirect target", async () => {
    expect(await slotDates(collective.id)).toEqual([date(0), date(2), date(3), date(4)]);
    expect(await slotDates(roundRobin.id)).toEqual([date(0), date(1), date(2), date(3), date(4)]);
    const rr = await book({ start: `${date(1)}T10:00:00.000Z`, eventTypeId: roundRobin.id, attendee: attendee() });
    expect(rr.status, rr.text).toBe(201);
    expect(rr.body.data.hosts.map((h: { id: number }) => h.id)).toEqual([b.userId]);
    const refused = await book({ start: `${date(1)}T11:00:00.000Z`, eventTypeId: collective.id, attendee: attendee() });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error.message).toBe("One of the hosts either already has booking at this time or is not available");
  });

  it("a host in UTC+14: the personal event loses the UTC date, the team event the local date", async () => {
    // Local weekdays 09:00-12:00 in Kiritimati are 19:00-22:00 UTC of the previous date: the slots of window day
    // N (UTC) are local day N+1; Monday's local morning is Sunday UTC, outside the window.
    expect(await slotDates(kiriPersonal)).toEqual([date(0), date(1), date(3)]);
    expect(await slotDates(kiriTeam.id)).toEqual([date(0), date(2), date(3)]);
  });
});
