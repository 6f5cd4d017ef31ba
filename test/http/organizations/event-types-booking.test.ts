// An org team's event types, made through /v2/organizations/{orgId}/teams/{teamId}/event-types, are booked through
// the same slots and bookings code as any team event type: by id, or by organization + team + event type slugs.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { api, dataOf, type LooseBody } from "../../helpers/api";
import { at, attendee, book, futureMonday } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, createSchedule, type OrganizationFixture, type OrgMember, type TeamFixture, unique } from "../../helpers/fixtures";
import { bookingHostRows } from "../../helpers/team-bookings";
import { getSlots, isoDate } from "../slots/helpers";

vi.setConfig({ testTimeout: 60_000 });

let org: OrganizationFixture;
let hosts: OrgMember[];
let team: TeamFixture;
let roundRobin: LooseBody;
const monday = futureMonday(5);

beforeAll(async () => {
  org = await createOrganization();
  hosts = (await Promise.all([org.addMember("MEMBER"), org.addMember("MEMBER")])).sort((a, b) => a.userId - b.userId);
  // Each host's default schedule: Monday to Friday, 09:00-17:00 UTC.
  await Promise.all(hosts.map((host) => createSchedule(host)));
  team = await org.addTeam(hosts.map((host) => ({ userId: host.userId })));
  const res = await api(`/v2/organizations/${org.organizationId}/teams/${team.teamId}/event-types`, {
    method: "POST",
    key: org.owner.apiKey,
    body: { lengthInMinutes: 30, title: "Org RR", slug: unique("org-rr"), schedulingType: "roundRobin", assignAllTeamMembers: true, minimumBookingNotice: 0 },
  });
  roundRobin = dataOf<LooseBody>(res, 201);
}, 120_000);

describe("an org team's round-robin event type", () => {
  it("offers the hosts' slots, by id and by organization and team slugs", async () => {
    const day = { start: isoDate(monday), end: isoDate(monday) };
    const byId = await getSlots({ eventTypeId: roundRobin.id, ...day });
    expect(byId.status, byId.text).toBe(200);
    const starts = Object.values(byId.body.data as Record<string, Array<{ start: string }>>).flat();
    expect(starts[0]?.start).toBe(at(monday, 0, 9));
    const bySlug = await getSlots({ organizationSlug: org.slug, teamSlug: team.slug, eventTypeSlug: roundRobin.slug, ...day });
    expect(bySlug.status, bySlug.text).toBe(200);
    expect(bySlug.body.data).toEqual(byId.body.data);
  });

  it("is booked through POST /v2/bookings: one rotating host, then the other for the same slot", async () => {
    const start = at(monday, 0, 10);
    const first = await book({ start, eventTypeId: roundRobin.id, attendee: attendee() });
    expect(first.status, first.text).toBe(201);
    expect(contractProblems("BookingsController_2024_08_13_createBooking", 201, first.body)).toEqual([]);
    expect(first.body.data.eventTypeId).toBe(roundRobin.id);
    const firstHost = first.body.data.hosts[0].id;
    expect(hosts.map((h) => h.userId)).toContain(firstHost);
    expect(await bookingHostRows(first.body.data.uid)).toEqual([{ userId: firstHost, isOrganizer: true, status: "accepted" }]);

    const second = await book({
      start,
      eventTypeSlug: roundRobin.slug,
      teamSlug: team.slug,
      organizationSlug: org.slug,
      attendee: attendee("Bo Booker"),
    });
    expect(second.status, second.text).toBe(201);
    const secondHost = second.body.data.hosts[0].id;
    expect(secondHost).not.toBe(firstHost);

    const third = await book({ start, eventTypeId: roundRobin.id, attendee: attendee("Cy Booker") });
    expect(third.status, third.text).toBe(409);
  });
});
