import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, createBookableEventType, futureMonday, type Host } from "../../helpers/bookings";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createManagedChildRow, createTeamEventTypeRow, sql } from "../../helpers/fixtures";
import { bookingHostRows, createEventTypeForAllHosts, createTeamWithHosts, type TeamWithHosts } from "../../helpers/team-bookings";

let collective: TeamWithHosts;
let collectiveType: { id: number; slug: string };
const monday = futureMonday(5);
const CREATE = "BookingsController_2024_08_13_createBooking";

beforeAll(async () => {
  collective = await createTeamWithHosts(3);
  collectiveType = await createEventTypeForAllHosts(collective, "COLLECTIVE");
});

describe("collective team event types", () => {
  it("a booking holds every host: the first host organizes, the others are co-hosts (BookingHost)", async () => {
    const res = await book({ start: at(monday, 0, 10), eventTypeId: collectiveType.id, attendee: attendee() });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems(CREATE, 201, res.body)).toEqual([]);
    const [first, ...others] = collective.hosts;
    expect(res.body.data.hosts.map((h: { id: number }) => h.id)).toEqual([first!.userId]);
    expect(res.body.data.eventTypeId).toBe(collectiveType.id);
    expect(await bookingHostRows(res.body.data.uid)).toEqual([
      { userId: first!.userId, isOrganizer: true, status: "accepted" },
      ...others.map((h) => ({ userId: h.userId, isOrganizer: false, status: "accepted" })),
    ]);
  });

  it("by team slug and event type slug", async () => {
    const res = await book({
      start: at(monday, 0, 11),
      eventTypeSlug: collectiveType.slug,
      teamSlug: collective.team.slug,
      attendee: attendee(),
    });
    expect(res.status, res.text).toBe(201);
    expect((await bookingHostRows(res.body.data.uid)).map((r) => r.userId)).toEqual(collective.hosts.map((h) => h.userId));
  });

  it("an unknown team slug is 404; an unknown slug of a known team is 404 naming the team", async () => {
    const unknownTeam = await book({ start: at(monday, 0, 12), eventTypeSlug: collectiveType.slug, teamSlug: "no-such-team-xyz", attendee: attendee() });
    expect(unknownTeam.status).toBe(404);
    const unknownSlug = await book({ start: at(monday, 0, 12), eventTypeSlug: "nope", teamSlug: collective.team.slug, attendee: attendee() });
    expect(unknownSlug.status).toBe(404);
    expect(unknownSlug.body.error.message).toContain(`team ${collective.team.slug}`);
  });

  it("one busy host (a personal booking) makes the slot unavailable: 409, nothing written (Cal.com: 500)", async () => {
    const busy = collective.hosts[1]!;
    const personal = await createBookableEventType(busy);
    const start = at(monday, 0, 13);
    expect((await book({ start, eventTypeId: personal.id, attendee: attendee() })).status).toBe(201);
    const res = await book({ start, eventTypeId: collectiveType.id, attendee: attendee() });
    expect(res.status, res.text).toBe(409);
    const rows = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM "Booking" WHERE "eventTypeId" = ${collectiveType.id} AND "startTime" = ${new Date(start)}`;
    expect(rows[0]!.n).toBe(0);
  });

  it("a co-host's personal event type is blocked by the collective booking", async () => {
    const start = at(monday, 1, 9);
    expect((await book({ start, eventTypeId: collectiveType.id, attendee: attendee() })).status).toBe(201);
    const personal = await createBookableEventType(collective.hosts[2]!);
    const res = await book({ start, eventTypeId: personal.id, attendee: attendee() });
    expect(res.status, res.text).toBe(409);
  });
});

describe("round-robin team event types", () => {
  let rr: TeamWithHosts;
  let rrType: { id: number };

  beforeAll(async () => {
    rr = await createTeamWithHosts(3);
    rrType = await createEventTypeForAllHosts(rr, "ROUND_ROBIN");
  });

  it("one round-robin host per booking, rotating: three bookings go to three different hosts", async () => {
    const organizers: number[] = [];
    for (const hour of [9, 10, 11]) {
      const res = await book({ start: at(monday, 2, hour), eventTypeId: rrType.id, attendee: attendee() });
      expect(res.status, res.text).toBe(201);
      expect(contractProblems(CREATE, 201, res.body)).toEqual([]);
      const rows = await bookingHostRows(res.body.data.uid);
      expect(rows).toHaveLength(1);
      expect(res.body.data.hosts[0].id).toBe(rows[0]!.userId);
      organizers.push(rows[0]!.userId);
    }
    // Never booked hosts first, lowest id on ties: the first three bookings meet every host once, in id order.
    expect(organizers).toEqual(rr.hosts.map((h) => h.userId));
  });

  it("a busy host is skipped: the booking goes to a free one", async () => {
    const start = at(monday, 3, 10);
    const personal = await createBookableEventType(rr.hosts[0]!);
    const personal2 = await createBookableEventType(rr.hosts[1]!);
    expect((await book({ start, eventTypeId: personal.id, attendee: attendee() })).status).toBe(201);
    expect((await book({ start, eventTypeId: personal2.id, attendee: attendee() })).status).toBe(201);
    const res = await book({ start, eventTypeId: rrType.id, attendee: attendee() });
    expect(res.status, res.text).toBe(201);
    expect((await bookingHostRows(res.body.data.uid)).map((r) => r.userId)).toEqual([rr.hosts[2]!.userId]);
    // Now every host is busy at that time.
    const again = await book({ start, eventTypeId: rrType.id, attendee: attendee() });
    expect(again.status, again.text).toBe(409);
  });

  it("a host held by someone else's reservation is skipped: the booking goes to a free host; all held is 409", async () => {
    const start = at(monday, 4, 14);
    const slotStart = new Date(start).toISOString();
    // Two of the three hosts are held through their personal event types (another booker's reservations).
    for (const host of rr.hosts.slice(0, 2)) {
      const personal = await createBookableEventType(host);
      const hold = await api("/v2/slots/reservations", { method: "POST", version: "2024-09-04", body: { eventTypeId: personal.id, slotStart } });
      expect(hold.status, hold.text).toBe(201);
    }
    const res = await book({ start, eventTypeId: rrType.id, attendee: attendee() });
    expect(res.status, res.text).toBe(201);
    expect((await bookingHostRows(res.body.data.uid)).map((r) => r.userId)).toEqual([rr.hosts[2]!.userId]);
    // The third host is now booked and the other two are held: the slot is gone, with the hold's 409.
    const again = await book({ start, eventTypeId: rrType.id, attendee: attendee() });
    expect(again.status, again.text).toBe(409);
  });

  it("fixed hosts join every booking and organize it; one round-robin host is added", async () => {
    const [fixed, a, b] = rr.hosts as [Host, Host, Host];
    const type = await createTeamEventTypeRow(rr.team.teamId, "ROUND_ROBIN", [
      { userId: fixed.userId, isFixed: true },
      { userId: a.userId },
      { userId: b.userId },
    ]);
    const res = await book({ start: at(monday, 4, 9), eventTypeId: type.id, attendee: attendee() });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data.hosts[0].id).toBe(fixed.userId);
    const rows = await bookingHostRows(res.body.data.uid);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ userId: fixed.userId, isOrganizer: true, status: "accepted" });
    expect([a.userId, b.userId]).toContain(rows[1]!.userId);
  });

  it("a higher-priority host is picked first", async () => {
    const type = await createTeamEventTypeRow(rr.team.teamId, "ROUND_ROBIN", [
      { userId: rr.hosts[0]!.userId, priority: 1 },
      { userId: rr.hosts[1]!.userId, priority: 1 },
      { userId: rr.hosts[2]!.userId, priority: 4 },
    ]);
    const res = await book({ start: at(monday, 4, 11), eventTypeId: type.id, attendee: attendee() });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data.hosts[0].id).toBe(rr.hosts[2]!.userId);
  });
});

describe("managed event types and host-less team event types", () => {
  it("a managed child books like a personal event type; the parent template cannot be booked (400)", async () => {
    const { team, hosts } = await createTeamWithHosts(1);
    const parent = await createTeamEventTypeRow(team.teamId, "MANAGED", []);
    const child = await createManagedChildRow(parent, hosts[0]!.userId);
    const res = await book({ start: at(monday, 1, 14), eventTypeId: child.id, attendee: attendee() });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data.hosts[0].id).toBe(hosts[0]!.userId);
    const byParent = await book({ start: at(monday, 1, 15), eventTypeId: parent.id, attendee: attendee() });
    expect(byParent.status).toBe(400);
    expect(byParent.body.error.message).toBe(
      `Event type with id=${parent.id} is the parent managed event type that can't be booked. You have to provide the child event type id aka id of event type that has been assigned to one of the users.`,
    );
  });

  it("a team event type without hosts: 400 naming it", async () => {
    const type = await createTeamEventTypeRow(collective.team.teamId, "ROUND_ROBIN", []);
    const res = await book({ start: at(monday, 1, 14), eventTypeId: type.id, attendee: attendee() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`Event type with id=${type.id} has no hosts to book.`);
  });
});

describe("team event types that require an authenticated booker", () => {
  it("a host (not the organizer) may book; an outsider is refused (403)", async () => {
    const type = await createEventTypeForAllHosts(collective, "COLLECTIVE", { bookingRequiresAuthentication: true });
    const byHost = await book({ start: at(monday, 2, 14), eventTypeId: type.id, attendee: attendee() }, { key: collective.hosts[2]!.apiKey });
    expect(byHost.status, byHost.text).toBe(201);
    const outsider = await createTeamWithHosts(1);
    const byOutsider = await book({ start: at(monday, 2, 15), eventTypeId: type.id, attendee: attendee() }, { key: outsider.hosts[0]!.apiKey });
    expect(byOutsider.status).toBe(403);
  });
});
