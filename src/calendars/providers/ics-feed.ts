// ICS feeds (Cal.com's ics-feed_calendar, packages/app-store/ics-feedcalendar/lib/CalendarService.ts): read-only
// calendars fetched from the URLs stored in the credential on every call; each URL is one calendar
// (externalId = the URL, name = X-WR-CALNAME). Recurring events are expanded here with their exceptions and
// without Cal.com's 365-iteration / no-sub-daily limits (src/calendars/icalendar.ts). Feed URLs are user input,
// so they pass the same SSRF checks as webhook subscriber URLs, with a timeout and a size cap.
import ICAL from "ical.js";
import { readCredentialKey, type StoredCredential } from "../../credentials/store";
import type { Deps } from "../../services";
import { checkSubscriberUrl } from "../../webhooks/ssrf";
import { busyIntervalsFromIcs } from "../icalendar";
import { type BusyInterval, type CalendarProvider, CalendarProviderError, type ProviderCalendar } from "../provider";

export interface IcsFeedKey {
  urls: string[];
  skipWriting: boolean;
}

const FEED_TIMEOUT_MS = 10_000;
const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;

/** Whether a feed URL may be fetched from here (no internal addresses; loopback only where webhooks allow it). */
export function isFetchableFeedUrl(deps: Deps, url: string): boolean {
  return checkSubscriberUrl(url, { allowLoopback: deps.env.WEBHOOK_ALLOW_LOOPBACK }).ok;
}

/** One feed's text; throws when it cannot be fetched or is not iCalendar. */
export async function fetchIcsFeed(deps: Deps, url: string): Promise<string> {
  const signal = AbortSignal.timeout(FEED_TIMEOUT_MS);
  let current = url;
  let response: Response | undefined;
  // Redirects are followed by hand (at most 3), each target checked like the URL itself.
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!isFetchableFeedUrl(deps, current)) throw new CalendarProviderError("ICS feed URL is not allowed", "unavailable");
    response = await fetch(current, { redirect: "manual", signal, headers: { accept: "text/calendar" } });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) break;
    await response.body?.cancel();
    current = new URL(location, current).href;
    response = undefined;
  }
  if (!response) throw new CalendarProviderError("ICS feed redirects too often", "unavailable");
  if (!response.ok) throw new CalendarProviderError(`ICS feed answered ${response.status}`, "unavailable");
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_FEED_BYTES) throw new CalendarProviderError("ICS feed is too large", "unavailable");
  const text = await response.text();
  if (text.length > MAX_FEED_BYTES) throw new CalendarProviderError("ICS feed is too large", "unavailable");
  if (!text.includes("BEGIN:VCALENDAR")) throw new CalendarProviderError("ICS feed is not an iCalendar file", "unavailable");
  return text;
}

function calendarName(ics: string): string {
  try {
    const value = new ICAL.Component(ICAL.parse(ics) as any).getFirstPropertyValue("x-wr-calname");
    return typeof value === "string" ? value : "";
  } catch {
    return "";
  }
}

/** The feeds as calendars: every URL must answer iCalendar (Cal.com's save refuses a mismatch). */
export async function listIcsFeedCalendars(deps: Deps, urls: readonly string[]): Promise<ProviderCalendar[]> {
  const texts = await Promise.all(urls.map((url) => fetchIcsFeed(deps, url)));
  return urls.map((url, index) => ({ externalId: url, name: calendarName(texts[index]!), primary: false, readOnly: true, email: null }));
}

const readOnly = () => Promise.reject(new CalendarProviderError("Event creation is disabled for this calendar.", "unsupported"));

export function createIcsFeedCalendarProvider(deps: Deps, credential: StoredCredential): CalendarProvider {
  const key = () => readCredentialKey<IcsFeedKey>(deps, credential);
  const wrap = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CalendarProviderError) throw error;
      throw new CalendarProviderError(error instanceof Error ? error.message : "ICS feed failed", "unavailable");
    }
  };
  return {
    type: credential.type,
    listCalendars: () => wrap(async () => listIcsFeedCalendars(deps, (await key()).urls)),
    getBusy: (externalIds, from, to) =>
      wrap(async () => {
        // Only the credential's own feeds are fetched, whatever externalIds a SelectedCalendar row holds.
        const urls = (await key()).urls.filter((url) => externalIds.includes(url));
        const busy: BusyInterval[] = [];
        for (const url of urls) busy.push(...busyIntervalsFromIcs(await fetchIcsFeed(deps, url), from, to));
        return busy.sort((a, b) => a.start.getTime() - b.start.getTime());
      }),
    createEvent: readOnly,
    updateEvent: readOnly,
    deleteEvent: readOnly,
  };
}
