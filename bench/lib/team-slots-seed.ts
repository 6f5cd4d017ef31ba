// Seeds what `GET /v2/slots` reads for a 10-host round-robin team event type: ten users in four zones, each
// with a Mon-Fri default schedule (hours that overlap in UTC), one fixed host and nine rotating ones, and 20
// accepted bookings per host over a 30-day window. Returns the query path to load.
import pg from "pg";

const DAY = 86_400_000;
const HOSTS = 10;
const BOOKINGS_PER_HOST = 20;
const ZONES = ["America/New_York", "Europe/London", "Europe/Berlin", "America/Chicago"];

export interface TeamSlotsBenchFixture {
  path: string;
  hosts: number;
  bookings: number;
}

export async function seedTeamSlotsFixture(connectionString: string): Promise<TeamSlotsBenchFixture> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const tag = Date.now().toString(36);
    const windowStart = Math.floor(Date.now() / DAY) * DAY + 7 * DAY;
    const windowEnd = windowStart + 29 * DAY;
    const team = await client.query<{ id: number }>(`INSERT INTO "Team" (name, slug) VALUES ($1, $1) RETURNING id`, [`bench-team-${tag}`]);
    const teamId = team.rows[0]!.id;
    const eventType = await client.query<{ id: number }>(
      `INSERT INTO "EventType" ("teamId", "schedulingType", title, slug, length, "minimumBookingNotice")
       VALUES ($1, 'roundRobin', 'Bench team call', $2, 30, 0) RETURNING id`,
      [teamId, `bench-rr-${tag}`],
    );
    const eventTypeId = eventType.rows[0]!.id;
    let state = 0x7ea45;
    const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
    let bookings = 0;
    for (let i = 0; i < HOSTS; i++) {
      const zone = ZONES[i % ZONES.length]!;
      const user = await client.query<{ id: number }>(`INSERT INTO "users" (email, username, name, "timeZone") VALUES ($1, $2, $2, $3) RETURNING id`, [
        `bench-host-${tag}-${i}@example.com`,
        `bench-host-${tag}-${i}`,
        zone,
      ]);
      const userId = user.rows[0]!.id;
      const schedule = await client.query<{ id: number }>(`INSERT INTO "Schedule" ("userId", name, "timeZone") VALUES ($1, 'Bench', $2) RETURNING id`, [
        userId,
        zone,
      ]);
      const start = (8 + (i % 3)) * 60;
      await client.query(`INSERT INTO "Availability" ("scheduleId", days, "startMinute", "endMinute") VALUES ($1, '{1,2,3,4,5}', $2, $3)`, [
        schedule.rows[0]!.id,
        start,
        start + 8 * 60,
      ]);
      await client.query(`UPDATE "users" SET "defaultScheduleId" = $1 WHERE id = $2`, [schedule.rows[0]!.id, userId]);
      await client.query(`INSERT INTO "Membership" ("teamId", "userId", role, accepted) VALUES ($1, $2, 'MEMBER', true)`, [teamId, userId]);
      await client.query(`INSERT INTO "Host" ("eventTypeId", "userId", "isFixed") VALUES ($1, $2, $3)`, [eventTypeId, userId, i === 0]);
      for (let b = 0; b < BOOKINGS_PER_HOST; b++) {
        const startAt = windowStart + (next() % (29 * 24 * 2)) * 30 * 60_000;
        await client.query(
          `INSERT INTO "Booking" (uid, "userId", "eventTypeId", title, "startTime", "endTime", status, "updatedAt")
           VALUES (gen_random_uuid()::text, $1, NULL, 'Busy', $2, $3, 'accepted', now())
           ON CONFLICT DO NOTHING`,
          [userId, new Date(startAt).toISOString().replace("Z", ""), new Date(startAt + 30 * 60_000).toISOString().replace("Z", "")],
        );
        bookings++;
      }
    }
    const query = new URLSearchParams({
      teamSlug: `bench-team-${tag}`,
      eventTypeSlug: `bench-rr-${tag}`,
      start: new Date(windowStart).toISOString().slice(0, 10),
      end: new Date(windowEnd).toISOString().slice(0, 10),
      timeZone: "Europe/Paris",
    });
    return { path: `/v2/slots?${query}`, hosts: HOSTS, bookings };
  } finally {
    await client.end();
  }
}
