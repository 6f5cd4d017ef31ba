// GET /v2/organizations/{orgId}/bookings over 10 000 bookings in 50 teams: one page costs the guards' query and
// one statement for the page and its total, whatever the filters.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../src/auth/principal";
import { listBookings } from "../../../src/bookings/list";
import { listOrganizationBookings } from "../../../src/bookings/organization-lists";
import type { Deps } from "../../../src/services";
import { api } from "../../helpers/api";
import { countingDb } from "../../helpers/counting";
import { createOrganization, type OrganizationFixture, testDb, unique, withDb } from "../../helpers/fixtures";

const TEAMS = 50;
const PER_TEAM = 200;
let org: OrganizationFixture;

beforeAll(async () => {
  org = await createOrganization();
  const tag = unique("rt");
  await withDb(async (db) => {
    // One member per team (users, org and team memberships), one team event type each, 200 bookings each with
    // one attendee: written set-wise, a statement per table.
    await db.$executeRaw`
      WITH teams AS (
        INSERT INTO "Team" ("name", "slug", "parentId")
        SELECT 'RT team ' || g, ${tag} || '-t' || g, ${org.organizationId}::int FROM generate_series(1, ${TEAMS}::int) g
        RETURNING "id", "slug"),
      users AS (
        INSERT INTO "users" ("email", "username", "name", "organizationId")
        SELECT t."slug" || '@example.com', t."slug", 'Host ' || t."slug", ${org.organizationId}::int FROM teams t
        RETURNING "id", "username"),
      pairs AS (SELECT t."id" AS "teamId", u."id" AS "userId" FROM teams t JOIN users u ON u."username" = t."slug"),
      org_members AS (
        INSERT INTO "Membership" ("teamId", "userId", "role", "accepted") SELECT ${org.organizationId}::int, p."userId", 'MEMBER', true FROM pairs p),
      team_members AS (
        INSERT INTO "Membership" ("teamId", "userId", "role", "accepted") SELECT p."teamId", p."userId", 'MEMBER', true FROM pairs p)
      INSERT INTO "EventType" ("teamId", "title", "slug", "length", "schedulingType")
      SELECT p."teamId", 'RT call', 'rt-call', 30, 'collective' FROM pairs p`;
    await db.$executeRaw`
      INSERT INTO "Booking" ("uid", "userId", "eventTypeId", "title", "startTime", "endTime", "status", "updatedAt")
      SELECT ${tag} || '-' || et."id" || '-' || g, m."userId", et."id", 'RT booking',
             timestamp '2032-01-01' + g * interval '1 hour', timestamp '2032-01-01' + g * interval '1 hour' + interval '30 minutes',
             (CASE WHEN g % 10 = 0 THEN 'cancelled' ELSE 'accepted' END)::"BookingStatus", now()
      FROM "EventType" et
      JOIN "Team" t ON t."id" = et."teamId" AND t."parentId" = ${org.organizationId}
      JOIN "Membership" m ON m."teamId" = t."id"
      CROSS JOIN generate_series(1, ${PER_TEAM}::int) g`;
    await db.$executeRaw`
      INSERT INTO "Attendee" ("email", "name", "timeZone", "bookingId")
      SELECT 'guest-' || b."id" || '@example.com', 'Guest', 'UTC', b."id" FROM "Booking" b WHERE b."uid" LIKE ${`${tag}-%`}`;
  });
}, 120_000);

describe("GET /v2/organizations/{orgId}/bookings, 10 000 bookings in 50 teams", () => {
  it("one page costs two database round trips: the guards' query and one statement for the page and its total", async () => {
    const { proxy, calls } = countingDb(testDb());
    const deps = { db: proxy, now: () => Date.now() } as unknown as Deps;
    const actor: Actor = { strategy: "API_KEY", userId: org.owner.userId, organizationId: org.organizationId };
    try {
      for (const filters of [
        { take: 100, skip: 0 },
        { take: 250, skip: 9_900, status: ["upcoming" as const], sort: { start: "desc" as const } },
        { take: 10, skip: 0, attendeeName: "Guest", afterStart: new Date("2032-01-03T00:00:00Z") },
      ]) {
        calls.length = 0;
        const page = await listOrganizationBookings(deps, actor, { orgId: org.organizationId, filters });
        expect(calls).toEqual(["team", "$queryRaw"]);
        expect(page.bookings.length).toBe(Math.max(0, Math.min(filters.take, page.totalItems - filters.skip)));
      }
      const all = await listOrganizationBookings(deps, actor, { orgId: org.organizationId, filters: { take: 100, skip: 0 } });
      expect(all.totalItems).toBe(TEAMS * PER_TEAM);
      const upcoming = await listOrganizationBookings(deps, actor, { orgId: org.organizationId, filters: { take: 5, skip: 0, status: ["upcoming"] } });
      expect(upcoming.totalItems).toBe((TEAMS * PER_TEAM * 9) / 10);
      // GET /v2/bookings reads the caller's email in the same statement: one round trip in all.
      calls.length = 0;
      await listBookings(deps, actor, { take: 100, skip: 0 });
      expect(calls).toEqual(["$queryRaw"]);
    } finally {
      await proxy.$disconnect();
    }
  });

  it("over HTTP: the first page and the total, in the list's order", async () => {
    // The first request of the file also compiles Prisma's wasm; the second is the one that counts.
    await api(`/v2/organizations/${org.organizationId}/bookings?take=1`, { key: org.owner.apiKey });
    const res = await api(`/v2/organizations/${org.organizationId}/bookings?take=250&sortStart=asc`, { key: org.owner.apiKey });
    expect(res.status, res.text).toBe(200);
    expect(res.body.pagination).toMatchObject({ totalItems: TEAMS * PER_TEAM, returnedItems: 250, totalPages: 40 });
    const starts = res.body.data.map((b: { start: string }) => b.start);
    expect([...starts].sort()).toEqual(starts);
  });
});
