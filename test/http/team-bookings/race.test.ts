import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, type Host } from "../../helpers/bookings";
import { createTeam, createTeamEventTypeRow, sql } from "../../helpers/fixtures";
import { createEventTypeForAllHosts, createTeamWithHosts, overlappingHostRows, type TeamWithHosts } from "../../helpers/team-bookings";

// Bookings that share hosts, made at once: every host's lock is taken (in user id order) before any check, and
// the BookingHost no-overlap constraint backs it up, so no host is ever double-booked.

const monday = futureMonday(6);

describe("round robin under concurrency", () => {
  let rr: TeamWithHosts;
  let rrType: { id: number };

  beforeAll(async () => {
    rr = await createTeamWithHosts(3);
    rrType = await createEventTypeForAllHosts(rr, "ROUND_ROBIN");
  });

  it("20 concurrent bookings for two slots over 3 hosts: 3 per slot succeed, one per host, the rest 409", async () => {
    const starts = [at(monday, 0, 10), at(monday, 0, 10, 30)];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => book({ start: starts[i % 2]!, eventTypeId: rrType.id, attendee: attendee(`Racer ${i}`) })),
    );
    const created = results.filter((r) => r.status === 201);
    expect(
      results.filter((r) => r.status !== 201).map((r) => r.status),
      results.map((r) => r.text).join("\n"),
    ).toEqual(Array(14).fill(409));
    expect(created).toHaveLength(6);

    const hostIds = rr.hosts.map((h) => h.userId);
    expect(await overlappingHostRows(hostIds)).toEqual([]);
    const perSlot = await sql<{ startTime: Date; hosts: number[] }>`
      SELECT b."startTime", array_agg(bh."userId" ORDER BY bh."userId") AS hosts
      FROM "Booking" b JOIN "BookingHost" bh ON bh."bookingId" = b."id"
      WHERE b."eventTypeId" = ${rrType.id} AND b."status" = 'accepted'
      GROUP BY b."startTime" ORDER BY b."startTime"`;
    expect(perSlot.map((row) => row.hosts)).toEqual([hostIds, hostIds]);
  });
});

describe("collective bookings under concurrency", () => {
  let shared: Host;
  let typeA: { id: number };
  let typeB: { id: number };
  let personal: { id: number };

  beforeAll(async () => {
    const [a, b] = await Promise.all([createTeamWithHosts(2), createHost()]);
    shared = a.hosts[1]!;
    // Two teams' collective event types share one host; that host also has a personal event type.
    const second = await createTeam({ owners: [{ userId: b.userId }], members: [{ userId: shared.userId }] });
    typeA = await createEventTypeForAllHosts(a, "COLLECTIVE");
    typeB = await createTeamEventTypeRow(second.teamId, "COLLECTIVE", [{ userId: b.userId }, { userId: shared.userId }]);
    personal = await createBookableEventType(shared);
  });

  it("two collectives sharing a host and a personal booking of that host, at once, for one slot: exactly one wins", async () => {
    for (const hour of [9, 11, 14]) {
      const start = at(monday, 1, hour);
      const results = await Promise.all([
        book({ start, eventTypeId: typeA.id, attendee: attendee("A 1") }),
        book({ start, eventTypeId: typeB.id, attendee: attendee("B 1") }),
        book({ start, eventTypeId: personal.id, attendee: attendee("P 1") }),
        book({ start, eventTypeId: typeA.id, attendee: attendee("A 2") }),
        book({ start, eventTypeId: typeB.id, attendee: attendee("B 2") }),
        book({ start, eventTypeId: personal.id, attendee: attendee("P 2") }),
      ]);
      expect(results.map((r) => r.status).sort(), results.map((r) => r.text).join("\n")).toEqual([201, 409, 409, 409, 409, 409]);
      const rows = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM "BookingHost" WHERE "userId" = ${shared.userId} AND "startTime" = ${new Date(start)} AND "status" = 'accepted'`;
      expect(rows[0]!.n).toBe(1);
    }
    expect(await overlappingHostRows([shared.userId])).toEqual([]);
  });
});
