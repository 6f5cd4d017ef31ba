// CalDAV calendars (Cal.com's caldav_calendar) and Apple iCloud (apple_calendar: CalDAV at APPLE_CALDAV_URL,
// https://caldav.icloud.com by default), with tsdav over fetch. Mirrors packages/app-store/_utils/
// CalendarService.ts: calendars are the account's VEVENT collections (externalId = collection URL), events are
// `<uuid>.ics` objects PUT into the destination collection. Unlike Cal.com, busy times expand recurring events
// client-side (src/calendars/icalendar.ts), so they block time on servers that ignore `expand`.
import {
  createAccount,
  createCalendarObject,
  type DAVAccount,
  type DAVCalendar,
  deleteCalendarObject,
  fetchCalendarObjects,
  fetchCalendars,
  updateCalendarObject,
} from "tsdav";
import { markCredentialInvalid, readCredentialKey, type StoredCredential } from "../../credentials/store";
import type { Deps } from "../../services";
import { checkSubscriberUrl } from "../../webhooks/ssrf";
import { busyIntervalsFromIcs, eventToIcs } from "../icalendar";
import {
  type BusyInterval,
  type CalendarEventInput,
  type CalendarEventRef,
  type CalendarProvider,
  CalendarProviderError,
  type ProviderCalendar,
} from "../provider";

export interface CalDavAccountKey {
  username: string;
  password: string;
  /** caldav_calendar only: the server URL the user gave. */
  url?: string;
}

function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

const CALDAV_TIMEOUT_MS = 15_000;

const isUnauthorized = (error: unknown) => error instanceof Error && /Invalid credentials|401|Unauthorized/i.test(error.message);

/**
 * A CalDAV client for one account, without a stored credential: used to verify a username/password before it is
 * saved (POST /v2/calendars/apple/credentials) and by the providers below.
 */
export function createCalDavClient(serverUrl: string, key: CalDavAccountKey) {
  const headers = { authorization: basicAuthorization(key.username, key.password) };
  // Every CalDAV request is bounded: a server that stops answering must not hold the API request open.
  const fetchOptions = () => ({ signal: AbortSignal.timeout(CALDAV_TIMEOUT_MS) });
  let account: Promise<DAVAccount> | undefined;
  const discover = () =>
    (account ??= createAccount({
      account: { serverUrl, accountType: "caldav", credentials: { username: key.username, password: key.password } },
      headers,
      fetchOptions: fetchOptions(),
    }));

  async function davCalendars(): Promise<DAVCalendar[]> {
    const calendars = await fetchCalendars({ account: await discover(), headers, fetchOptions: fetchOptions() });
    // Cal.com lists only collections that hold events (VTODO-only lists are not calendars to book into).
    return calendars.filter((calendar) => calendar.components?.includes("VEVENT"));
  }

  /** The account's calendar with this URL: the only URLs this client sends the password to. */
  async function ownCalendar(externalId: string): Promise<DAVCalendar> {
    const calendar = (await davCalendars()).find((candidate) => candidate.url === externalId);
    if (!calendar) throw new CalendarProviderError(`Calendar ${externalId} not found`, "not_found");
    return calendar;
  }

  const objectUrl = (calendar: DAVCalendar, uid: string) =>
    new URL(`${encodeURIComponent(uid)}.ics`, calendar.url.endsWith("/") ? calendar.url : `${calendar.url}/`).href;

  return {
    async listCalendars(): Promise<ProviderCalendar[]> {
      return (await davCalendars()).map((calendar) => ({
        externalId: calendar.url,
        name: typeof calendar.displayName === "string" ? calendar.displayName : "",
        // CalDAV has no primary calendar: Cal.com marks none, and the connection's primary is then the first.
        primary: false,
        readOnly: false,
        email: key.username,
      }));
    },

    async getBusy(externalIds: readonly string[], from: Date, to: Date): Promise<BusyInterval[]> {
      const wanted = new Set(externalIds);
      // Only the account's own collections are queried, whatever externalIds a SelectedCalendar row holds.
      const calendars = (await davCalendars()).filter((calendar) => wanted.has(calendar.url));
      const busy: BusyInterval[] = [];
      for (const calendar of calendars) {
        const objects = await fetchCalendarObjects({
          calendar,
          timeRange: { start: from.toISOString(), end: to.toISOString() },
          headers,
          fetchOptions: fetchOptions(),
        });
        for (const object of objects) {
          if (typeof object.data === "string" && object.data.includes("BEGIN:VCALENDAR")) busy.push(...busyIntervalsFromIcs(object.data, from, to));
        }
      }
      return busy.sort((a, b) => a.start.getTime() - b.start.getTime());
    },

    async createEvent(externalId: string, event: CalendarEventInput, now: Date, eventId?: string): Promise<CalendarEventRef> {
      const calendar = await ownCalendar(externalId);
      const uid = eventId ?? crypto.randomUUID();
      const response = await createCalendarObject({
        calendar,
        filename: `${encodeURIComponent(uid)}.ics`,
        iCalString: eventToIcs(uid, event, now),
        headers,
        fetchOptions: fetchOptions(),
      });
      const ref = { uid, externalCalendarId: calendar.url, meetingUrl: null, meetingId: null, meetingPassword: null };
      // PUT with If-None-Match: * answers 412 when the object exists: an earlier attempt with this id wrote it, so
      // the create is finished by overwriting it with the current event.
      if (response.status === 412 && eventId) return this.updateEvent(ref, event, now);
      if (!response.ok) throw new CalendarProviderError(`Error creating event: ${response.status} ${response.statusText}`, "unavailable");
      return ref;
    },

    async updateEvent(ref: CalendarEventRef, event: CalendarEventInput, now: Date): Promise<CalendarEventRef> {
      const calendar = await ownCalendar(ref.externalCalendarId);
      const url = objectUrl(calendar, ref.uid);
      const [current] = await fetchCalendarObjects({ calendar, objectUrls: [url], headers, useMultiGet: true, fetchOptions: fetchOptions() });
      const response = await updateCalendarObject({
        calendarObject: { url, etag: current?.etag, data: eventToIcs(ref.uid, event, now) },
        headers,
        fetchOptions: fetchOptions(),
      });
      if (!response.ok) throw new CalendarProviderError(`Error updating event: ${response.status} ${response.statusText}`, "unavailable");
      return { ...ref, externalCalendarId: calendar.url };
    },

    async deleteEvent(ref: CalendarEventRef): Promise<void> {
      const calendar = await ownCalendar(ref.externalCalendarId);
      const response = await deleteCalendarObject({
        calendarObject: { url: objectUrl(calendar, ref.uid), etag: "" },
        headers,
        headersToExclude: ["If-Match"],
        fetchOptions: fetchOptions(),
      });
      // Already gone is success (the provider contract).
      if (!response.ok && response.status !== 404 && response.status !== 410) {
        throw new CalendarProviderError(`Error deleting event: ${response.status} ${response.statusText}`, "unavailable");
      }
    },
  };
}

function createProvider(deps: Deps, credential: StoredCredential, serverUrl: (key: CalDavAccountKey) => string): CalendarProvider {
  let client: Promise<ReturnType<typeof createCalDavClient>> | undefined;
  const clientFor = () => (client ??= readCredentialKey<CalDavAccountKey>(deps, credential).then((key) => createCalDavClient(serverUrl(key), key)));

  // A refused password marks the credential invalid, as Cal.com does; other failures are transient.
  async function call<T>(work: (davClient: ReturnType<typeof createCalDavClient>) => Promise<T>): Promise<T> {
    try {
      return await work(await clientFor());
    } catch (error) {
      if (error instanceof CalendarProviderError) throw error;
      if (isUnauthorized(error)) {
        await markCredentialInvalid(deps, credential.id);
        throw new CalendarProviderError("Invalid credentials", "invalid_credentials");
      }
      deps.logger.warn("caldav request failed", { credentialId: credential.id, error: error instanceof Error ? error.message : String(error) });
      throw new CalendarProviderError(error instanceof Error ? error.message : "CalDAV request failed", "unavailable");
    }
  }

  const now = () => new Date(deps.now());
  return {
    type: credential.type,
    listCalendars: () => call((davClient) => davClient.listCalendars()),
    getBusy: (externalIds, from, to) => call((davClient) => davClient.getBusy(externalIds, from, to)),
    createEvent: (externalId, event, options) => call((davClient) => davClient.createEvent(externalId, event, now(), options?.eventId)),
    updateEvent: (ref, event) => call((davClient) => davClient.updateEvent(ref, event, now())),
    deleteEvent: (ref) => call((davClient) => davClient.deleteEvent(ref)),
  };
}

export const createAppleCalendarProvider = (deps: Deps, credential: StoredCredential): CalendarProvider =>
  createProvider(deps, credential, () => deps.env.APPLE_CALDAV_URL);

export const createCalDavCalendarProvider = (deps: Deps, credential: StoredCredential): CalendarProvider =>
  createProvider(deps, credential, (key) => {
    if (!key.url) throw new CalendarProviderError("Could not get calendar instance", "unsupported");
    // The server URL is the user's input (Cal.com's CalDAV app): internal addresses are refused like ICS feeds.
    if (!checkSubscriberUrl(key.url, { allowLoopback: deps.env.WEBHOOK_ALLOW_LOOPBACK }).ok) {
      throw new CalendarProviderError("CalDAV server URL is not allowed", "unsupported");
    }
    return key.url;
  });
