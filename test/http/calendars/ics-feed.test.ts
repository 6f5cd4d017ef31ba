// ICS feeds: save (URLs checked and fetched), check, list, busy times with recurrences, against feeds served
// over real HTTP by the test proxy (test/support/radicale.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { radicaleUrl, serveIcsFeed } from "../../helpers/calendars";
import { contractProblems } from "../../helpers/contract";
import { createTenant, type Tenant, withDb } from "../../helpers/fixtures";

// A daily 08:00–08:15 UTC series from 2030-04-01 with 2030-04-03 excluded and 2030-04-04 moved to 12:00–13:00,
// a single event, a cancelled one (free), and a weekly 09:00 New York series on Sundays from 2030-01-06 whose TZID
// has no VTIMEZONE.
const FEED = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//test//EN",
  "X-WR-CALNAME:Team holidays",
  "BEGIN:VEVENT",
  "UID:daily",
  "DTSTAMP:20300101T000000Z",
  "DTSTART:20300401T080000Z",
  "DTEND:20300401T081500Z",
  "RRULE:FREQ=DAILY;COUNT=5",
  "EXDATE:20300403T080000Z",
  "SUMMARY:Standup",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:daily",
  "DTSTAMP:20300101T000000Z",
  "RECURRENCE-ID:20300404T080000Z",
  "DTSTART:20300404T120000Z",
  "DTEND:20300404T130000Z",
  "SUMMARY:Standup (moved)",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:single",
  "DTSTAMP:20300101T000000Z",
  "DTSTART:20300402T140000Z",
  "DTEND:20300402T150000Z",
  "SUMMARY:Dentist",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:new-york",
  "DTSTAMP:20300101T000000Z",
  "DTSTART;TZID=America/New_York:20300106T090000",
  "DTEND;TZID=America/New_York:20300106T100000",
  "RRULE:FREQ=WEEKLY;COUNT=30",
  "SUMMARY:Weekly in New York (no VTIMEZONE)",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:cancelled",
  "DTSTAMP:20300101T000000Z",
  "DTSTART:20300402T160000Z",
  "DTEND:20300402T170000Z",
  "STATUS:CANCELLED",
  "SUMMARY:Cancelled",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

let tenant: Tenant;
let feedUrl: string;

beforeAll(async () => {
  tenant = await createTenant();
  feedUrl = await serveIcsFeed(FEED);
});

const save = (body: unknown, key = tenant.apiKey) => api("/v2/calendars/ics-feed/save", { method: "POST", key, body });

describe("POST /v2/calendars/ics-feed/save", () => {
  it("400 for URLs that are not http, or https without .ics", async () => {
    for (const url of ["https://example.com/feed", "ftp://example.com/a.ics", "not a url"]) {
      expect(expectError(await save({ urls: [url] }), 400).error.message).toBe("The URL must be a valid ICS URL (ending with .ics)");
    }
  });

  it("400 when a feed cannot be read, is not iCalendar, or points at an internal address", async () => {
    const notIcs = `${radicaleUrl()}/__test/feeds/none.ics`;
    const failing = `${feedUrl}?status=500`;
    for (const urls of [[notIcs], [feedUrl, failing], ["http://169.254.169.254/latest/meta-data.ics"], ["http://10.0.0.1/a.ics"]]) {
      expect(expectError(await save({ urls }), 400).error.message).toBe("Could not add ICS feeds, try using private ics feed.");
    }
    // A redirect is followed only to an address that passes the same checks.
    const toInternal = `${feedUrl}?redirect=${encodeURIComponent("http://169.254.169.254/latest/meta-data.ics")}`;
    expect(expectError(await save({ urls: [toInternal] }), 400).error.message).toBe("Could not add ICS feeds, try using private ics feed.");
    expect(await withDb((db) => db.credential.count({ where: { userId: tenant.userId } }))).toBe(0);
  });

  it("a feed behind a redirect is read from its target", async () => {
    const other = await createTenant();
    const redirected = `${radicaleUrl()}/__test/feeds/moved.ics?redirect=${encodeURIComponent(feedUrl)}`;
    dataOf(await save({ urls: [redirected] }, other.apiKey), 201);
    const { connectedCalendars } = dataOf<{ connectedCalendars: LooseBody[] }>(await api("/v2/calendars", { key: other.apiKey }));
    expect(connectedCalendars[0].calendars[0]).toMatchObject({ externalId: redirected, name: "Team holidays" });
  });

  it("201 with the credential (key encrypted, read-only by default); saving again updates the same credential", async () => {
    const res = await save({ urls: [feedUrl] });
    const data = dataOf<{ id: number }>(res, 201);
    expect(data).toEqual({ id: expect.any(Number), type: "ics-feed_calendar", userId: tenant.userId, teamId: null, appId: "ics-feed", invalid: false });
    expect(contractProblems("CalendarsController_createIcsFeed", 201, res.body)).toEqual([]);
    const row = await withDb((db) => db.credential.findUniqueOrThrow({ where: { id: data.id } }));
    expect(row.key).toMatch(/^[0-9a-f]{32}:[0-9a-f]+$/);
    const again = dataOf<{ id: number }>(await save({ urls: [feedUrl], read_only: true }), 201);
    expect(again.id).toBe(data.id);
    expect(await withDb((db) => db.credential.count({ where: { userId: tenant.userId } }))).toBe(1);
  });
});

describe("ICS feed as a connected calendar", () => {
  it("GET /v2/calendars lists the feed read-only, named by X-WR-CALNAME; it cannot be the destination", async () => {
    const { connectedCalendars, destinationCalendar } = dataOf<{ connectedCalendars: LooseBody[]; destinationCalendar: LooseBody }>(
      await api("/v2/calendars", { key: tenant.apiKey }),
    );
    expect(connectedCalendars).toHaveLength(1);
    expect(connectedCalendars[0].integration.type).toBe("ics-feed_calendar");
    expect(connectedCalendars[0].calendars).toEqual([
      expect.objectContaining({ externalId: feedUrl, name: "Team holidays", readOnly: true, integration: "ics-feed_calendar", isSelected: false }),
    ]);
    expect(destinationCalendar).toMatchObject({ integration: "ics-feed_calendar", externalId: feedUrl });
  });

  it("GET /v2/calendars/ics-feed/check: 200; for another user Cal.com's 400", async () => {
    const ok = await api("/v2/calendars/ics-feed/check", { key: tenant.apiKey });
    expect(ok.body).toEqual({ status: "success" });
    expect(contractProblems("CalendarsController_checkIcsFeed", 200, ok.body)).toEqual([]);
    const stranger = await createTenant();
    expect(expectError(await api("/v2/calendars/ics-feed/check", { key: stranger.apiKey }), 400).error.message).toBe(
      "Credentials for Ics Feed calendar not found.",
    );
  });

  it("busy times expand the daily series with its exclusion and its moved occurrence; cancelled events are free", async () => {
    const { connectedCalendars } = dataOf<{ connectedCalendars: LooseBody[] }>(await api("/v2/calendars", { key: tenant.apiKey }));
    const credentialId = connectedCalendars[0].credentialId;
    const res = await api(
      `/v2/calendars/busy-times?timeZone=UTC&dateFrom=2030-04-01T12:00:00Z&dateTo=2030-04-05&calendarsToLoad[0][credentialId]=${credentialId}&calendarsToLoad[0][externalId]=${encodeURIComponent(feedUrl)}`,
      { key: tenant.apiKey },
    );
    expect(contractProblems("CalendarsController_getBusyTimes", 200, res.body)).toEqual([]);
    const source = "ics-feed";
    expect(dataOf(res)).toEqual([
      { start: "2030-04-01T08:00:00.000Z", end: "2030-04-01T08:15:00.000Z", source },
      { start: "2030-04-02T08:00:00.000Z", end: "2030-04-02T08:15:00.000Z", source },
      { start: "2030-04-02T14:00:00.000Z", end: "2030-04-02T15:00:00.000Z", source },
      { start: "2030-04-04T12:00:00.000Z", end: "2030-04-04T13:00:00.000Z", source },
      { start: "2030-04-05T08:00:00.000Z", end: "2030-04-05T08:15:00.000Z", source },
    ]);
  });

  it("a TZID without its VTIMEZONE is resolved as that IANA zone, across DST (EST in January, EDT in July)", async () => {
    const { connectedCalendars } = dataOf<{ connectedCalendars: LooseBody[] }>(await api("/v2/calendars", { key: tenant.apiKey }));
    const load = `calendarsToLoad[0][credentialId]=${connectedCalendars[0].credentialId}&calendarsToLoad[0][externalId]=${encodeURIComponent(feedUrl)}`;
    const busy = async (dateFrom: string, dateTo: string) =>
      dataOf<{ start: string; end: string }[]>(
        await api(`/v2/calendars/busy-times?timeZone=UTC&dateFrom=${dateFrom}&dateTo=${dateTo}&${load}`, { key: tenant.apiKey }),
      );
    expect(await busy("2030-01-06T12:00:00Z", "2030-01-06T12:00:00Z")).toEqual([
      { start: "2030-01-06T14:00:00.000Z", end: "2030-01-06T15:00:00.000Z", source: "ics-feed" },
    ]);
    expect(await busy("2030-07-07T12:00:00Z", "2030-07-07T12:00:00Z")).toEqual([
      { start: "2030-07-07T13:00:00.000Z", end: "2030-07-07T14:00:00.000Z", source: "ics-feed" },
    ]);
  });

  it("a feed that stops answering: busy times 500 with Cal.com's message, check 401", async () => {
    const other = await createTenant();
    const url = await serveIcsFeed(FEED);
    const { id } = dataOf<{ id: number }>(await save({ urls: [url] }, other.apiKey), 201);
    // The feed now fails: serve an empty body under the same name (no VCALENDAR).
    await serveIcsFeed(
      "gone",
      url
        .split("/")
        .pop()!
        .replace(/\.ics$/, ""),
    );
    const res = await api(
      `/v2/calendars/busy-times?timeZone=UTC&dateFrom=2030-04-01&dateTo=2030-04-02&calendarsToLoad[0][credentialId]=${id}&calendarsToLoad[0][externalId]=${encodeURIComponent(url)}`,
      { key: other.apiKey },
    );
    expect(expectError(res, 500).error.message).toBe("Unable to fetch connected calendars events. Please try again later.");
    expect(expectError(await api("/v2/calendars/ics-feed/check", { key: other.apiKey }), 401).error.message).toBe("Could not get connected calendars");
  });
});
