// Seeds what `GET /v2/organizations/{orgId}/bookings` reads for the bench: an organization with the admin API
// enabled, its owner (API key), 50 teams with one member each, one team event type per team and 200 bookings
// per team (10 000, one attendee each), written set-wise with SQL. Returns the path to load and the owner's key.
import pg from "pg";
import { seedUserWithApiKey } from "../../scripts/lib/seed.ts";

export interface OrgBookingsBenchFixture {
  path: string;
  apiKey: string;
  bookings: number;
  teams: number;
}

export async function seedOrgBookingsFixture(connectionString: string, teams = 50, perTeam = 200): Promise<OrgBookingsBenchFixture> {
  const tag = `bench-org-${Date.now().toString(36)}`;
  const owner = await seedUserWithApiKey(connectionString, { email: `${tag}-owner@example.com`, username: `${tag}-owner` });
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const org = await client.query<{ id: number }>(`INSERT INTO "Team" (name, slug, "isOrganization") VALUES ($1, $1, true) RETURNING id`, [tag]);
    const orgId = org.rows[0]!.id;
    await client.query(`INSERT INTO "OrganizationSettings" ("organizationId", "isAdminAPIEnabled") VALUES ($1, true)`, [orgId]);
    await client.query(`INSERT INTO "Membership" ("teamId", "userId", role, accepted) VALUES ($1, $2, 'OWNER', true)`, [orgId, owner.userId]);
    await client.query(`INSERT INTO "Profile" (uid, "userId", "organizationId", username) VALUES ($1, $2, $3, $1)`, [`${tag}-owner`, owner.userId, orgId]);
    await client.query(
      `WITH teams AS (
         INSERT INTO "Team" (name, slug, "parentId") SELECT 'Team ' || g, $1 || '-t' || g, $2::int FROM generate_series(1, $3::int) g RETURNING id, slug),
       users AS (
         INSERT INTO "users" (email, username, name, "organizationId") SELECT t.slug || '@example.com', t.slug, t.slug, $2::int FROM teams t RETURNING id, username),
       pairs AS (SELECT t.id AS "teamId", u.id AS "userId" FROM teams t JOIN users u ON u.username = t.slug),
       org_members AS (INSERT INTO "Membership" ("teamId", "userId", role, accepted) SELECT $2::int, p."userId", 'MEMBER', true FROM pairs p),
       team_members AS (INSERT INTO "Membership" ("teamId", "userId", role, accepted) SELECT p."teamId", p."userId", 'MEMBER', true FROM pairs p)
       INSERT INTO "EventType" ("teamId", title, slug, length, "schedulingType") SELECT p."teamId", 'Team call', 'team-call', 30, 'collective' FROM pairs p`,
      [tag, orgId, teams],
    );
    await client.query(
      `INSERT INTO "Booking" (uid, "userId", "eventTypeId", title, "startTime", "endTime", status, "updatedAt")
       SELECT $1 || '-' || et.id || '-' || g, m."userId", et.id, 'Team call',
              date_trunc('hour', now()) + interval '1 day' + g * interval '1 hour',
              date_trunc('hour', now()) + interval '1 day' + g * interval '1 hour' + interval '30 minutes', 'accepted', now()
       FROM "EventType" et JOIN "Team" t ON t.id = et."teamId" AND t."parentId" = $2 JOIN "Membership" m ON m."teamId" = t.id
       CROSS JOIN generate_series(1, $3::int) g`,
      [tag, orgId, perTeam],
    );
    await client.query(
      `INSERT INTO "Attendee" (email, name, "timeZone", "bookingId") SELECT 'guest-' || b.id || '@example.com', 'Guest', 'UTC', b.id FROM "Booking" b WHERE b.uid LIKE $1`,
      [`${tag}-%`],
    );
    await client.query(`ANALYZE`);
    return { path: `/v2/organizations/${orgId}/bookings`, apiKey: owner.apiKey, bookings: teams * perTeam, teams };
  } finally {
    await client.end();
  }
}
