// Calendars test helpers: accounts, calendars and events on the local Radicale (test/support/radicale.ts), ICS
// feeds served by its proxy, and connecting them through the API.
import { env } from "cloudflare:workers";
import { createDeps, type Deps } from "../../src/services";
import { readEnv } from "../../src/env";
import { api } from "./api";
import { unique } from "./fixtures";

const bindings = env as unknown as Record<string, unknown> & { TEST_RADICALE_URL: string };
export const radicaleUrl = () => bindings.TEST_RADICALE_URL;

export interface DavUser {
  username: string;
  password: string;
}

const basic = (user: DavUser) => `Basic ${btoa(`${user.username}:${user.password}`)}`;

/** A new Radicale account. */
export async function createDavUser(): Promise<DavUser> {
  const user = { username: unique("dav").toLowerCase(), password: `pw-${unique()}` };
  const res = await fetch(`${radicaleUrl()}/__test/users`, { method: "POST", body: JSON.stringify(user) });
  if (res.status !== 201) throw new Error(`could not add radicale user: ${res.status}`);
  return user;
}

/** A calendar collection `/<user>/<slug>/` holding events (MKCALENDAR, sent by the proxy for us). Returns its URL. */
export async function createDavCalendar(user: DavUser, slug: string, displayName: string, components = "VEVENT"): Promise<string> {
  const url = `${radicaleUrl()}/${user.username}/${slug}/`;
  const body = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>
<D:displayname>${displayName}</D:displayname>
<C:supported-calendar-component-set>${components
    .split(",")
    .map((c) => `<C:comp name="${c}"/>`)
    .join("")}</C:supported-calendar-component-set>
</D:prop></D:set></C:mkcalendar>`;
  // Radicale creates the principal collection on the first authenticated PROPFIND.
  await fetch(`${radicaleUrl()}/${user.username}/`, { method: "PROPFIND", headers: { authorization: basic(user), depth: "0" } });
  const res = await fetch(url, {
    method: "POST",
    headers: { "x-test-method": "MKCALENDAR", authorization: basic(user), "content-type": "application/xml" },
    body,
  });
  if (res.status !== 201) throw new Error(`MKCALENDAR ${url}: ${res.status} ${await res.text()}`);
  return url;
}

export async function putDavEvent(user: DavUser, calendarUrl: string, uid: string, ics: string): Promise<void> {
  const res = await fetch(`${calendarUrl}${uid}.ics`, { method: "PUT", headers: { authorization: basic(user), "content-type": "text/calendar" }, body: ics });
  if (res.status !== 201 && res.status !== 204) throw new Error(`PUT event: ${res.status}`);
}

/** The object's iCalendar text, or null when it does not exist. */
export async function getDavObject(user: DavUser, url: string): Promise<string | null> {
  const res = await fetch(url, { headers: { authorization: basic(user) } });
  if (res.status === 404) return null;
  return res.text();
}

/** A one-event VCALENDAR (UTC times; extra VEVENT lines such as RRULE appended). */
export function vevent(uid: string, start: string, end: string, extra: string[] = [], summary = "Busy"): string {
  const stamp = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//test//EN",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${stamp(start)}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${summary}`,
    ...extra,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

/** Serves `ics` at `<proxy>/__test/feeds/<name>.ics`; returns that URL. */
export async function serveIcsFeed(ics: string, name = unique("feed")): Promise<string> {
  const url = `${radicaleUrl()}/__test/feeds/${name}.ics`;
  const res = await fetch(url, { method: "PUT", body: ics });
  if (res.status !== 201) throw new Error(`feed: ${res.status}`);
  return url;
}

/** Connects an Apple (CalDAV) account for the API key's user through the API. */
export async function connectApple(apiKey: string, user: DavUser): Promise<void> {
  const res = await api("/v2/calendars/apple/credentials", { method: "POST", key: apiKey, body: user });
  if (res.status !== 201) throw new Error(`connect apple: ${res.status} ${res.text}`);
}

/** The request deps the Worker builds, for calling providers directly from a test. */
export function testDeps(): Deps {
  const parsed = readEnv(env as unknown as Record<string, unknown>);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return createDeps(parsed.env, "test-calendars");
}

/** The calendar objects of a collection (PROPFIND depth 1): each object's URL and iCalendar text. */
export async function listDavObjects(user: DavUser, calendarUrl: string): Promise<{ url: string; ics: string }[]> {
  const res = await fetch(calendarUrl, {
    method: "PROPFIND",
    headers: { authorization: basic(user), depth: "1", "content-type": "application/xml" },
    body: `<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>`,
  });
  if (res.status !== 207) throw new Error(`PROPFIND ${calendarUrl}: ${res.status}`);
  const hrefs = [...(await res.text()).matchAll(/<(?:\w+:)?href>([^<]+\.ics)<\/(?:\w+:)?href>/g)].map((m) => new URL(m[1]!, calendarUrl).href);
  return Promise.all(hrefs.map(async (url) => ({ url, ics: (await getDavObject(user, url)) ?? "" })));
}

/** Makes the CalDAV server unreachable (connections dropped) for one account, or reachable again. */
export async function setDavOutage(user: DavUser, down: boolean): Promise<void> {
  const res = await fetch(`${radicaleUrl()}/__test/outage`, { method: "POST", body: JSON.stringify({ username: user.username, down }) });
  if (res.status !== 204) throw new Error(`outage: ${res.status}`);
}
