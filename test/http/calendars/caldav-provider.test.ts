// The CalDAV provider's event writes (what bookings call; no HTTP operation of their own) against Radicale:
// create, update and delete an event through calendarProviderFor, checked on the server itself.
import { beforeAll, describe, expect, it } from "vitest";
import { busyTimesOfUser } from "../../../src/calendars/busy";
import { calendarProviderFor } from "../../../src/calendars/providers";
import type { CalendarEventInput } from "../../../src/calendars/provider";
import { symmetricEncrypt } from "../../../src/credentials/encryption";
import { api, dataOf, type LooseBody } from "../../helpers/api";
import {
  connectApple,
  createDavCalendar,
  createDavUser,
  type DavUser,
  getDavObject,
  putDavEvent,
  radicaleUrl,
  testDeps,
  vevent,
} from "../../helpers/calendars";
import { createTenant, type Tenant, withDb } from "../../helpers/fixtures";

// vitest.config.ts's test-only CALENDSO_ENCRYPTION_KEY.
const ENCRYPTION_KEY = "test-encryption-key-0123456789ab";

let tenant: Tenant;
let dav: DavUser;
let calendarUrl: string;

beforeAll(async () => {
  tenant = await createTenant();
  dav = await createDavUser();
  calendarUrl = await createDavCalendar(dav, "bookings", "Bookings");
  await connectApple(tenant.apiKey, dav);
});

const event = (overrides: Partial<CalendarEventInput> = {}): CalendarEventInput => ({
  uid: "booking-uid-1",
  title: "Intro call",
  description: "Agenda: hello",
  start: new Date("2030-03-04T15:00:00Z"),
  end: new Date("2030-03-04T15:30:00Z"),
  timeZone: "Europe/Paris",
  location: "https://meet.example.com/abc",
  organizer: { name: "Org Anizer", email: "organizer@example.com", timeZone: "Europe/Paris" },
  attendees: [{ name: "Guest", email: "guest@example.com", timeZone: "UTC" }],
  ...overrides,
});

const provider = async () => {
  const credential = await withDb((db) => db.credential.findFirstOrThrow({ where: { userId: tenant.userId, type: "apple_calendar" } }));
  return calendarProviderFor(testDeps(), credential);
};

describe("CalDAV provider event writes", () => {
  it("creates <uuid>.ics in the calendar, updates it in place, deletes it (and a second delete succeeds)", async () => {
    const calendar = await provider();
    const ref = await calendar.createEvent(calendarUrl, event());
    expect(ref.externalCalendarId).toBe(calendarUrl);
    expect(ref.uid).toMatch(/^[0-9a-f-]{36}$/);
    const url = `${calendarUrl}${ref.uid}.ics`;
    const created = await getDavObject(dav, url);
    expect(created).toContain("SUMMARY:Intro call");
    expect(created).toContain("DTSTART:20300304T150000Z");
    expect(created).toContain("DTEND:20300304T153000Z");
    expect(created).toContain("LOCATION:https://meet.example.com/abc");
    expect(created).toMatch(/ORGANIZER;CN=Org Anizer:mailto:organizer@example.com/);
    // Attendees are listed with SCHEDULE-AGENT=CLIENT, so the server (iCloud) sends no invitations of its own.
    const attendeeLines = created!
      .replace(/\r\n /g, "")
      .split("\r\n")
      .filter((line) => line.startsWith("ATTENDEE"));
    expect(attendeeLines).toHaveLength(1);
    expect(attendeeLines[0]).toMatch(/SCHEDULE-AGENT=CLIENT/);
    expect(attendeeLines[0]).toMatch(/CN=Guest/);
    expect(attendeeLines[0]).toMatch(/:mailto:guest@example.com$/);

    // The event blocks its time in busy times.
    expect(await calendar.getBusy([calendarUrl], new Date("2030-03-04T00:00:00Z"), new Date("2030-03-05T00:00:00Z"))).toEqual([
      { start: new Date("2030-03-04T15:00:00Z"), end: new Date("2030-03-04T15:30:00Z") },
    ]);

    const updated = await calendar.updateEvent(
      ref,
      event({ title: "Rescheduled call", start: new Date("2030-03-05T09:00:00Z"), end: new Date("2030-03-05T10:00:00Z") }),
    );
    expect(updated).toMatchObject({ uid: ref.uid, externalCalendarId: calendarUrl });
    const after = await getDavObject(dav, url);
    expect(after).toContain("SUMMARY:Rescheduled call");
    expect(after).toContain("DTSTART:20300305T090000Z");
    expect(after).toContain(`UID:${ref.uid}`);

    await calendar.deleteEvent(ref);
    expect(await getDavObject(dav, url)).toBeNull();
    await expect(calendar.deleteEvent(ref)).resolves.toBeUndefined();
  });

  it("refuses to write to a calendar the account does not list (the password goes to no other URL)", async () => {
    const calendar = await provider();
    await expect(calendar.createEvent("http://169.254.169.254/latest/", event())).rejects.toMatchObject({ kind: "not_found" });
    await expect(calendar.deleteEvent({ uid: "x", externalCalendarId: "http://example.invalid/cal/" })).rejects.toMatchObject({ kind: "not_found" });
  });

  it("lists the account's calendars with the username as email", async () => {
    expect(await (await provider()).listCalendars()).toEqual([
      { externalId: calendarUrl, name: "Bookings", primary: false, readOnly: false, email: dav.username },
    ]);
  });
});

describe("generic CalDAV credentials (Cal.com's caldav_calendar, migrated rows)", () => {
  it("a caldav_calendar credential is listed from its own server URL; one pointing at an internal address is an error entry", async () => {
    const user = await createTenant();
    const insert = async (url: string) => {
      const key = await symmetricEncrypt(JSON.stringify({ username: dav.username, password: dav.password, url }), ENCRYPTION_KEY);
      return withDb((db) => db.credential.create({ data: { type: "caldav_calendar", key, userId: user.userId, appId: "caldav-calendar" } }));
    };
    const good = await insert(radicaleUrl());
    const internal = await insert("http://10.0.0.5/dav/");
    const { connectedCalendars } = dataOf<{ connectedCalendars: LooseBody[] }>(await api("/v2/calendars", { key: user.apiKey }));
    expect(connectedCalendars).toHaveLength(2);
    const byId = new Map(connectedCalendars.map((c) => [c.credentialId, c]));
    expect(byId.get(good.id).calendars.map((c: LooseBody) => c.externalId)).toEqual([calendarUrl]);
    expect(byId.get(good.id).integration.type).toBe("caldav_calendar");
    expect(byId.get(internal.id).error).toEqual({ message: "Could not get calendar instance" });
  });
});

describe("busyTimesOfUser (what availability calls)", () => {
  it("only selected calendars block time; an unselected one, another user's selection and an invalid credential do not", async () => {
    const user = await createTenant();
    const account = await createDavUser();
    const selectedUrl = await createDavCalendar(account, "selected", "Selected");
    const otherUrl = await createDavCalendar(account, "other", "Other");
    await putDavEvent(account, selectedUrl, "a", vevent("a", "2030-05-06T10:00:00Z", "2030-05-06T11:00:00Z"));
    await putDavEvent(account, otherUrl, "b", vevent("b", "2030-05-06T12:00:00Z", "2030-05-06T13:00:00Z"));
    await connectApple(user.apiKey, account);
    const from = new Date("2030-05-06T00:00:00Z");
    const to = new Date("2030-05-07T00:00:00Z");
    // Nothing selected yet: nothing blocks (Cal.com skips a credential without selected calendars).
    expect(await busyTimesOfUser(testDeps(), user.userId, from, to)).toEqual([]);
    const credential = await withDb((db) => db.credential.findFirstOrThrow({ where: { userId: user.userId } }));
    await api("/v2/selected-calendars", {
      method: "POST",
      key: user.apiKey,
      body: { integration: "apple_calendar", externalId: selectedUrl, credentialId: credential.id },
    });
    expect(await busyTimesOfUser(testDeps(), user.userId, from, to)).toEqual([
      { start: new Date("2030-05-06T10:00:00Z"), end: new Date("2030-05-06T11:00:00Z"), source: "apple-calendar" },
    ]);
    // The event type's own selection (none) is separate from the user's.
    const eventType = await withDb((db) => db.eventType.create({ data: { title: "Call", slug: `call-${credential.id}`, length: 30, userId: user.userId } }));
    expect(await busyTimesOfUser(testDeps(), user.userId, from, to, { eventTypeId: eventType.id })).toEqual([]);
    await withDb((db) => db.credential.update({ where: { id: credential.id }, data: { invalid: true } }));
    expect(await busyTimesOfUser(testDeps(), user.userId, from, to)).toEqual([]);
  });
});

describe("GET /v2/calendars cache (Cal.com's 10 s per user)", () => {
  it("a calendar created on the server shows once a write clears the cache", async () => {
    const user = await createTenant();
    const account = await createDavUser();
    await createDavCalendar(account, "first", "First");
    await connectApple(user.apiKey, account);
    const names = async () =>
      dataOf<{ connectedCalendars: LooseBody[] }>(await api("/v2/calendars", { key: user.apiKey })).connectedCalendars[0].calendars.map(
        (c: LooseBody) => c.name,
      );
    expect(await names()).toEqual(["First"]);
    await createDavCalendar(account, "second", "Second");
    // Within the 10 s the cached answer is served.
    expect(await names()).toEqual(["First"]);
    const credential = await withDb((db) => db.credential.findFirstOrThrow({ where: { userId: user.userId } }));
    await api("/v2/selected-calendars", {
      method: "POST",
      key: user.apiKey,
      body: { integration: "apple_calendar", externalId: "x", credentialId: credential.id },
    });
    expect((await names()).sort()).toEqual(["First", "Second"]);
  });
});
