// GET /v2/slots of a host with a connected calendar: the slots fixture (New York host, 30-minute event type,
// 200 bookings over 30 days across a DST change) for a new user, plus an ICS feed credential (encrypted as
// Cal.com stores it) whose feed is selected. The feed is served by a local fake with a fixed latency
// (startIcsFeedServer): one request per provider call, so its count shows how often the provider is asked.
import { createServer, type Server } from "node:http";
import pg from "pg";
import { seedUserWithApiKey } from "../../scripts/lib/seed.ts";
import { symmetricEncrypt } from "../../src/credentials/encryption.ts";
import { seedSlotsFixture, type SlotsBenchFixture } from "./slots-seed.ts";

const DAY = 86_400_000;

export interface IcsFeedServer {
  url: string;
  /** Requests served so far (one per provider call). */
  requests(): number;
  close(): Promise<void>;
}

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** An ICS feed: one 45-minute event every weekday at 11:00 UTC for 400 days from now, and a weekly series. */
function feedText(): string {
  const today = Math.floor(Date.now() / DAY) * DAY;
  const events: string[] = [];
  for (let day = today; day < today + 400 * DAY; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const start = day + 16 * 3_600_000;
    events.push(
      "BEGIN:VEVENT",
      `UID:bench-${day}`,
      `DTSTAMP:${stamp(today)}`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(start + 45 * 60_000)}`,
      "SUMMARY:Busy",
      "END:VEVENT",
    );
  }
  const weekly = today + 19 * 3_600_000;
  events.push(
    "BEGIN:VEVENT",
    "UID:bench-weekly",
    `DTSTAMP:${stamp(today)}`,
    `DTSTART:${stamp(weekly)}`,
    `DTEND:${stamp(weekly + 3_600_000)}`,
    "RRULE:FREQ=WEEKLY;COUNT=60",
    "SUMMARY:Weekly",
    "END:VEVENT",
  );
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN", "X-WR-CALNAME:Bench", ...events, "END:VCALENDAR", ""].join("\r\n");
}

/** A local ICS feed answering after `latencyMs` (a calendar provider's round trip). */
export async function startIcsFeedServer(latencyMs = 100): Promise<IcsFeedServer> {
  const body = feedText();
  let served = 0;
  const server: Server = createServer((_request, response) => {
    served++;
    setTimeout(() => response.writeHead(200, { "content-type": "text/calendar; charset=utf-8" }).end(body), latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("ics feed server did not bind");
  return {
    url: `http://127.0.0.1:${address.port}/bench.ics`,
    requests: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function seedCalendarSlotsFixture(
  connectionString: string,
  feedUrl: string,
  encryptionKey: string,
): Promise<SlotsBenchFixture & { userId: number }> {
  const user = await seedUserWithApiKey(connectionString, { email: `bench-calendar-${Date.now()}@example.com`, username: `bench-calendar-${Date.now()}` });
  const fixture = await seedSlotsFixture(connectionString, user.userId);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const key = await symmetricEncrypt(JSON.stringify({ urls: [feedUrl], skipWriting: true }), encryptionKey);
    const credential = await client.query<{ id: number }>(
      `INSERT INTO "Credential" (type, key, "userId", "appId") VALUES ('ics-feed_calendar', to_jsonb($1::text), $2, 'ics-feed') RETURNING id`,
      [key, user.userId],
    );
    await client.query(
      `INSERT INTO "SelectedCalendar" (id, "userId", integration, "externalId", "credentialId") VALUES (gen_random_uuid()::text, $1, 'ics-feed_calendar', $2, $3)`,
      [user.userId, feedUrl, credential.rows[0]!.id],
    );
  } finally {
    await client.end();
  }
  return { ...fixture, userId: user.userId };
}
