// Connected calendars in availability (src/calendars/availability.ts): hosts whose Apple (CalDAV) calendar on the
// real Radicale is selected, or whose ICS feed is served by the test proxy, slot lookups and bookings over HTTP.
import { expect } from "vitest";
import { symmetricEncrypt } from "../../../src/credentials/encryption";
import { api, type LooseBody } from "../../helpers/api";
import { connectApple, createDavCalendar, createDavUser, type DavUser, putDavEvent, radicaleUrl, vevent } from "../../helpers/calendars";
import { unique, withDb } from "../../helpers/fixtures";
import { createHost, type Host, mondayAhead, slotStarts } from "../slots/helpers";

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

// vitest.config.ts's test-only CALENDSO_ENCRYPTION_KEY.
const ENCRYPTION_KEY = "test-encryption-key-0123456789ab";

export interface CalendarHost extends Host {
  dav: DavUser;
  calendarUrl: string;
  credentialId: number;
}

/** A host in UTC, weekdays 09:00–17:00, a 60-minute event type, with no calendar. */
export const createUtcHost = (eventType: Record<string, unknown> = {}) => createHost({ timeZone: "UTC", eventType });

/** Connects a Radicale account with one calendar to `host` (POST /v2/calendars/apple/credentials) and selects it. */
export async function connectDavCalendar(host: Host): Promise<Omit<CalendarHost, keyof Host>> {
  const dav = await createDavUser();
  const calendarUrl = await createDavCalendar(dav, "work", "Work");
  await connectApple(host.apiKey, dav);
  const credential = await withDb((db) => db.credential.findFirstOrThrow({ where: { userId: host.userId, type: "apple_calendar" } }));
  const res = await api("/v2/selected-calendars", {
    method: "POST",
    key: host.apiKey,
    body: { integration: "apple_calendar", externalId: calendarUrl, credentialId: credential.id },
  });
  expect(res.status, res.text).toBe(201);
  return { dav, calendarUrl, credentialId: credential.id };
}

export async function createCalendarHost(eventType: Record<string, unknown> = {}): Promise<CalendarHost> {
  const host = await createUtcHost(eventType);
  return { ...host, ...(await connectDavCalendar(host)) };
}

/** A calendar event on the host's Radicale calendar, [start, start + minutes). */
export async function addCalendarEvent(host: CalendarHost, start: number, minutes = 60, extra: string[] = []): Promise<void> {
  const uid = unique("evt");
  await putDavEvent(host.dav, host.calendarUrl, uid, vevent(uid, new Date(start).toISOString(), new Date(start + minutes * 60_000).toISOString(), extra));
}

/**
 * Gives `host` an ICS-feed credential (as Cal.com stores it: the key encrypted) whose one feed answers `status`
 * (503: the provider is down), and selects that feed.
 */
export async function connectFailingFeed(host: Host, status = 503): Promise<void> {
  const url = `${radicaleUrl()}/__test/feeds/${unique("down")}.ics?status=${status}`;
  const key = await symmetricEncrypt(JSON.stringify({ urls: [url], skipWriting: true }), ENCRYPTION_KEY);
  await withDb(async (db) => {
    const credential = await db.credential.create({ data: { type: "ics-feed_calendar", key, userId: host.userId, appId: "ics-feed" } });
    await db.selectedCalendar.create({ data: { userId: host.userId, integration: "ics-feed_calendar", externalId: url, credentialId: credential.id } });
  });
}

/** A Monday at least three weeks ahead (midnight UTC), so minimum notice and "now" never interfere. */
export const testMonday = () => mondayAhead(21);

/** Slot starts (epoch ms) of GET /v2/slots (2024-09-04) for an event type over [from, from + days). */
export async function slotsOf(query: string, from: number, days = 1): Promise<number[]> {
  const start = new Date(from).toISOString();
  const end = new Date(from + days * DAY - 1000).toISOString();
  const res = await api<{ data: Record<string, Array<{ start: string }>> }>(`/v2/slots?${query}&start=${start}&end=${end}`, { version: "2024-09-04" });
  expect(res.status, res.text).toBe(200);
  return slotStarts(res.body.data);
}

/** Slot starts of the legacy GET /v2/slots/available (no version header: 2024-04-15). */
export async function legacySlotsOf(eventTypeId: number, from: number): Promise<number[]> {
  const res = await api<{ data: { slots: Record<string, Array<{ time: string }>> } }>(
    `/v2/slots/available?eventTypeId=${eventTypeId}&startTime=${new Date(from).toISOString()}&endTime=${new Date(from + DAY - 1000).toISOString()}`,
  );
  expect(res.status, res.text).toBe(200);
  return Object.values(res.body.data.slots)
    .flat()
    .map((slot) => Date.parse(slot.time));
}

/** POST /v2/bookings (2024-08-13) as an anonymous booker. */
export function book(eventTypeId: number, start: number) {
  return api<{ data: LooseBody }>("/v2/bookings", {
    method: "POST",
    version: "2024-08-13",
    body: { start: new Date(start).toISOString(), eventTypeId, attendee: { name: "Booker", email: `${unique("booker")}@example.com`, timeZone: "UTC" } },
  });
}

/** POST /v2/bookings/{uid}/reschedule (2024-08-13). */
export function reschedule(uid: string, start: number) {
  return api<{ data: LooseBody }>(`/v2/bookings/${uid}/reschedule`, {
    method: "POST",
    version: "2024-08-13",
    body: { start: new Date(start).toISOString() },
  });
}
