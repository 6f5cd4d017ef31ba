// Seeds what `GET /v2/slots` reads for the bench: a host in America/New_York with a Mon-Fri 09:00-17:00 default
// schedule, a 30-minute event type, and ~200 accepted bookings spread over a 30-day window that crosses New
// York's next DST change. Returns the query path to load.
import pg from "pg";

const DAY = 86_400_000;
const ZONE = "America/New_York";

function offsetMinutes(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(epochMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Math.round((Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute")) - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}

/** Midnight UTC of the first day (at least two weeks ahead) on which the zone's offset changes. */
function nextOffsetChange(timeZone: string): number {
  const today = Math.floor(Date.now() / DAY) * DAY;
  for (let day = today + 14 * DAY; day < today + 330 * DAY; day += DAY) {
    if (offsetMinutes(day + DAY + 12 * 3_600_000, timeZone) !== offsetMinutes(day + 12 * 3_600_000, timeZone)) return day + DAY;
  }
  throw new Error(`no offset change in ${timeZone} within a year`);
}

export interface SlotsBenchFixture {
  path: string;
  bookings: number;
  windowStart: string;
  windowEnd: string;
}

export async function seedSlotsFixture(connectionString: string, userId: number, bookingCount = 200): Promise<SlotsBenchFixture> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const change = nextOffsetChange(ZONE);
    const windowStart = change - 15 * DAY;
    const windowEnd = windowStart + 29 * DAY;
    await client.query(`UPDATE "users" SET "timeZone" = $1 WHERE id = $2`, [ZONE, userId]);
    const schedule = await client.query<{ id: number }>(`INSERT INTO "Schedule" ("userId", name, "timeZone") VALUES ($1, 'Bench', $2) RETURNING id`, [
      userId,
      ZONE,
    ]);
    const scheduleId = schedule.rows[0]!.id;
    await client.query(`INSERT INTO "Availability" ("scheduleId", days, "startMinute", "endMinute") VALUES ($1, '{1,2,3,4,5}', 540, 1020)`, [scheduleId]);
    await client.query(`UPDATE "users" SET "defaultScheduleId" = $1 WHERE id = $2`, [scheduleId, userId]);
    const slug = `bench-${Date.now().toString(36)}`;
    const eventType = await client.query<{ id: number }>(
      `INSERT INTO "EventType" ("userId", title, slug, length, "minimumBookingNotice") VALUES ($1, 'Bench chat', $2, 30, 0) RETURNING id`,
      [userId, slug],
    );
    const eventTypeId = eventType.rows[0]!.id;

    // Every 30-minute slot of the window's working days (09:00-17:00 New York), then a deterministic pick of them.
    const candidates: number[] = [];
    for (let day = windowStart; day < windowEnd; day += DAY) {
      const localNoon = day + 12 * 3_600_000;
      const weekday = new Date(localNoon + offsetMinutes(localNoon, ZONE) * 60_000).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const localMidnight = day - offsetMinutes(localNoon, ZONE) * 60_000;
      for (let minute = 540; minute < 1020; minute += 30) candidates.push(localMidnight + minute * 60_000);
    }
    let state = 0x51075;
    const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
    const picked = candidates.slice(0, Math.min(bookingCount, candidates.length));
    for (const start of picked) {
      await client.query(
        `INSERT INTO "Booking" (uid, "userId", "eventTypeId", title, "startTime", "endTime", status, "updatedAt")
         VALUES (gen_random_uuid()::text, $1, $2, 'Booked', $3, $4, 'accepted', now())`,
        [userId, eventTypeId, new Date(start).toISOString().replace("Z", ""), new Date(start + 30 * 60_000).toISOString().replace("Z", "")],
      );
    }
    const query = new URLSearchParams({
      eventTypeId: String(eventTypeId),
      start: new Date(windowStart).toISOString().slice(0, 10),
      end: new Date(windowEnd).toISOString().slice(0, 10),
      timeZone: "Europe/Paris",
    });
    return {
      path: `/v2/slots?${query}`,
      bookings: picked.length,
      windowStart: new Date(windowStart).toISOString(),
      windowEnd: new Date(windowEnd).toISOString(),
    };
  } finally {
    await client.end();
  }
}
