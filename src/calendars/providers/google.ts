// Google Calendar (Cal.com's google_calendar, packages/app-store/googlecalendar/lib/CalendarService.ts) over the
// Calendar v3 REST API with plain fetch (`googleapis` is Node-bound). Base URLs come from env (GOOGLE_API_URL,
// GOOGLE_OAUTH_URL) so tests use a local fake; the OAuth client is the google-calendar App's `keys`
// ({client_id, client_secret}, as Cal.com v2 reads it), else GOOGLE_API_CREDENTIALS (Cal.com's JSON
// `{"web":{"client_id","client_secret","redirect_uris"}}`). The key is Cal.com's token JSON, refreshed through
// ./oauth.ts (serialised per credential; invalid_grant marks the credential invalid).
//
// Requests: a 401 refreshes the token once and retries; a 429 (or a 403 rateLimitExceeded) is retried at most
// twice after a short bounded wait (Retry-After, capped at 2 s); a 5xx, timeout or network error fails with kind
// "unavailable", which the slot engine answers by offering none of the host's slots (fail closed).
import type { StoredCredential } from "../../credentials/store";
import type { Deps } from "../../services";
import {
  type BusyInterval,
  type CalendarEventInput,
  type CalendarEventRef,
  type CalendarProvider,
  CalendarProviderError,
  type CalendarWatch,
  type ProviderCalendar,
} from "../provider";
import { type OAuthTokenSource, oauthTokenSource, providerFailure as failure, type RefreshResult } from "./oauth";

export const GOOGLE_SCOPES = ["https://www.googleapis.com/auth/calendar.readonly", "https://www.googleapis.com/auth/calendar.events"];

const REQUEST_TIMEOUT_MS = 15_000;
const RATE_LIMIT_RETRIES = 2;
const MAX_BACKOFF_MS = 2_000;
/** Google's freeBusy answers at most ~90 days per query (Cal.com splits the same way). */
const FREEBUSY_CHUNK_MS = 90 * 86_400_000;

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

/** The OAuth client of an app: App.keys {client_id, client_secret}, else the env fallback; null when neither is set. */
export async function appOAuthClient(deps: Deps, slug: string, fallback: () => OAuthClient | null): Promise<OAuthClient | null> {
  const app = await deps.db.app.findUnique({ where: { slug }, select: { keys: true } });
  const keys = app?.keys as { client_id?: unknown; client_secret?: unknown } | null | undefined;
  if (keys && typeof keys.client_id === "string" && typeof keys.client_secret === "string" && keys.client_id && keys.client_secret) {
    return { clientId: keys.client_id, clientSecret: keys.client_secret };
  }
  return fallback();
}

/** GOOGLE_API_CREDENTIALS as Cal.com reads it: `{web: {client_id, client_secret}}` (or the fields at the top level). */
function googleEnvClient(deps: Deps): OAuthClient | null {
  const raw = deps.env.GOOGLE_API_CREDENTIALS;
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const web = (parsed.web ?? parsed.installed ?? parsed) as { client_id?: unknown; client_secret?: unknown };
    if (typeof web.client_id === "string" && typeof web.client_secret === "string") return { clientId: web.client_id, clientSecret: web.client_secret };
  } catch {
    // An unreadable setting is the same as none.
  }
  return null;
}

export const googleOAuthClient = (deps: Deps) => appOAuthClient(deps, "google-calendar", () => googleEnvClient(deps));

/** POSTs a form to an OAuth token endpoint; answers the JSON or the OAuth error. */
export async function postTokenForm(url: string, form: Record<string, string>): Promise<RefreshResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, invalidGrant: false, status: 0 };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok && typeof body.access_token === "string") return { ok: true, token: body };
  return { ok: false, invalidGrant: body.error === "invalid_grant", status: response.status };
}

export const googleTokenUrl = (deps: Deps) => `${deps.env.GOOGLE_OAUTH_URL.replace(/\/$/, "")}/token`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait before retrying a 429: Retry-After (seconds) when given, else 250 ms doubling; never above 2 s. */
function backoffMs(response: Response, attempt: number): number {
  const header = Number(response.headers.get("retry-after"));
  const wanted = Number.isFinite(header) && header >= 0 ? header * 1000 : 250 * 2 ** attempt;
  return Math.min(wanted, MAX_BACKOFF_MS);
}

async function isRateLimited(response: Response): Promise<boolean> {
  if (response.status === 429) return true;
  if (response.status !== 403) return false;
  const text = await response.clone().text();
  return /rateLimitExceeded|userRateLimitExceeded/.test(text);
}

/**
 * An authorised JSON client for one credential: `base` + path with the Bearer token; 401 refreshes once and
 * retries, 429 (or a 403 rateLimitExceeded) waits a bounded backoff (at most twice), 5xx and network errors fail
 * "unavailable". Other answers are returned to the caller. Shared by the Google and Microsoft providers.
 */
export function authorisedJsonClient(tokens: OAuthTokenSource, base: string, label: string) {
  return async function request(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Response> {
    let token = await tokens.accessToken();
    let refreshed = false;
    for (let rateAttempt = 0; ; ) {
      let response: Response;
      try {
        response = await fetch(path.startsWith("https://") || path.startsWith("http://") ? path : `${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
            ...extraHeaders,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch {
        throw new CalendarProviderError(`${label} did not answer`, "unavailable");
      }
      if (response.status === 401 && !refreshed) {
        await response.body?.cancel();
        token = await tokens.refreshAfterRejection(token);
        refreshed = true;
        continue;
      }
      if (response.status === 401) throw new CalendarProviderError(`${label} refused the refreshed token`, "invalid_credentials");
      if (await isRateLimited(response)) {
        if (rateAttempt >= RATE_LIMIT_RETRIES) throw new CalendarProviderError(`${label} rate limit`, "unavailable");
        await response.body?.cancel();
        await sleep(backoffMs(response, rateAttempt));
        rateAttempt += 1;
        continue;
      }
      if (response.status >= 500) {
        await response.body?.cancel();
        throw new CalendarProviderError(`${label} answered ${response.status}`, "unavailable");
      }
      return response;
    }
  };
}

/** The Google Calendar v3 client for one credential (exported for the OAuth callback). */
export const googleApiClient = (deps: Deps, tokens: OAuthTokenSource) =>
  authorisedJsonClient(tokens, `${deps.env.GOOGLE_API_URL.replace(/\/$/, "")}/calendar/v3`, "Google Calendar");

interface GoogleEvent {
  id?: string;
  hangoutLink?: string;
  conferenceData?: { conferenceId?: string; entryPoints?: { entryPointType?: string; uri?: string }[] };
}

function eventBody(event: CalendarEventInput, eventId?: string): Record<string, unknown> {
  const timeZone = event.organizer.timeZone || event.timeZone;
  return {
    ...(eventId ? { id: eventId } : {}),
    summary: event.title,
    description: event.description ?? "",
    start: { dateTime: event.start.toISOString(), timeZone },
    end: { dateTime: event.end.toISOString(), timeZone },
    // Cal.com lists the organizer as an accepted attendee, then the attendees (sendUpdates=none: no mail from Google).
    attendees: [
      { displayName: event.organizer.name, email: event.organizer.email, organizer: true, responseStatus: "accepted" },
      ...event.attendees.map((attendee) => ({ displayName: attendee.name, email: attendee.email, responseStatus: "accepted" })),
    ],
    reminders: { useDefault: true },
    guestsCanSeeOtherGuests: true,
    ...(event.location ? { location: event.location } : {}),
    ...(event.conference === "google-meet"
      ? { conferenceData: { createRequest: { requestId: eventId ?? event.uid, conferenceSolutionKey: { type: "hangoutsMeet" } } } }
      : {}),
  };
}

function refOf(externalCalendarId: string, event: GoogleEvent, fallbackId: string): CalendarEventRef {
  const video = event.conferenceData?.entryPoints?.find((entry) => entry.entryPointType === "video")?.uri;
  return {
    uid: event.id ?? fallbackId,
    externalCalendarId,
    meetingUrl: event.hangoutLink ?? video ?? null,
    meetingId: event.conferenceData?.conferenceId ?? null,
    meetingPassword: null,
  };
}

/** Google event ids are base32hex (a–v, 0–9), 5–1024 characters: a UUID without dashes qualifies. */
const googleEventId = (id: string) => id.toLowerCase().replace(/[^a-v0-9]/g, "");

const calendarPath = (externalId: string) => `/calendars/${encodeURIComponent(externalId)}`;
const writeQuery = "conferenceDataVersion=1&sendUpdates=none";

/** The token source of a google_calendar credential: refreshed with the google-calendar OAuth client. */
function googleTokenSource(deps: Deps, credential: StoredCredential): OAuthTokenSource {
  return oauthTokenSource(deps, credential, async (refreshToken) => {
    const client = await googleOAuthClient(deps);
    if (!client) throw new CalendarProviderError("Google OAuth client is not configured", "unavailable");
    return postTokenForm(googleTokenUrl(deps), {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
  });
}

/**
 * Raw events.get / events.patch of one credential's calendar (Cal Unified Calendars): the Google event JSON, or
 * null when Google answers 404/410 or another 4xx (the caller words it). Token refresh, 429 and 5xx as above.
 */
export function googleEventsApi(deps: Deps, credential: StoredCredential) {
  const request = googleApiClient(deps, googleTokenSource(deps, credential));
  const eventPath = (calendarId: string, eventId: string) => `${calendarPath(calendarId || "primary")}/events/${encodeURIComponent(eventId)}`;
  const read = async (response: Response): Promise<Record<string, unknown> | null> => {
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    return (await response.json()) as Record<string, unknown>;
  };
  return {
    getEvent: async (calendarId: string, eventId: string) => read(await request("GET", eventPath(calendarId, eventId))),
    patchEvent: async (calendarId: string, eventId: string, body: Record<string, unknown>) =>
      read(await request("PATCH", `${eventPath(calendarId, eventId)}?sendUpdates=none`, body)),
  };
}

export function createGoogleCalendarProvider(deps: Deps, credential: StoredCredential): CalendarProvider {
  const request = googleApiClient(deps, googleTokenSource(deps, credential));

  const provider: CalendarProvider = {
    type: credential.type,

    async listCalendars(): Promise<ProviderCalendar[]> {
      const calendars: ProviderCalendar[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < 20; page++) {
        const response = await request("GET", `/users/me/calendarList${pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : ""}`);
        if (!response.ok) await failure(response, "Could not list calendars");
        const body = (await response.json()) as {
          items?: { id: string; summary?: string; summaryOverride?: string; primary?: boolean; accessRole?: string }[];
          nextPageToken?: string;
        };
        for (const item of body.items ?? []) {
          calendars.push({
            externalId: item.id,
            name: item.summaryOverride ?? item.summary ?? "",
            primary: item.primary === true,
            readOnly: !(item.accessRole === "writer" || item.accessRole === "owner"),
            email: item.id,
          });
        }
        pageToken = body.nextPageToken;
        if (!pageToken) break;
      }
      return calendars;
    },

    async getBusy(externalIds: readonly string[], from: Date, to: Date): Promise<BusyInterval[]> {
      if (externalIds.length === 0) return [];
      const busy: BusyInterval[] = [];
      for (let start = from.getTime(); start < to.getTime(); start += FREEBUSY_CHUNK_MS) {
        const end = Math.min(start + FREEBUSY_CHUNK_MS, to.getTime());
        const response = await request("POST", "/freeBusy", {
          timeMin: new Date(start).toISOString(),
          timeMax: new Date(end).toISOString(),
          items: externalIds.map((id) => ({ id })),
        });
        if (!response.ok) await failure(response, "Could not read busy times");
        const body = (await response.json()) as {
          calendars?: Record<string, { busy?: { start: string; end: string }[]; errors?: { reason?: string }[] }>;
        };
        for (const [id, calendar] of Object.entries(body.calendars ?? {})) {
          // A calendar that no longer exists blocks nothing (Cal.com ignores it); any other error fails closed.
          if (calendar.errors?.some((error) => error.reason !== "notFound")) {
            throw new CalendarProviderError(`Google Calendar could not read calendar ${id}`, "unavailable");
          }
          for (const interval of calendar.busy ?? []) busy.push({ start: new Date(interval.start), end: new Date(interval.end) });
        }
      }
      return busy.sort((a, b) => a.start.getTime() - b.start.getTime());
    },

    async createEvent(externalId, event, options): Promise<CalendarEventRef> {
      const eventId = options?.eventId ? googleEventId(options.eventId) : undefined;
      const calendarId = externalId || "primary";
      const response = await request("POST", `${calendarPath(calendarId)}/events?${writeQuery}`, eventBody(event, eventId));
      // 409: an earlier attempt with this id wrote the event; finish by updating it to the current booking.
      if (response.status === 409 && eventId) {
        await response.body?.cancel();
        return provider.updateEvent({ uid: eventId, externalCalendarId: calendarId }, event);
      }
      if (!response.ok) await failure(response, "Error creating event");
      return refOf(calendarId, (await response.json()) as GoogleEvent, eventId ?? "");
    },

    async updateEvent(ref, event): Promise<CalendarEventRef> {
      const calendarId = ref.externalCalendarId || "primary";
      const { id: _id, ...body } = eventBody(event, ref.uid);
      const response = await request("PATCH", `${calendarPath(calendarId)}/events/${encodeURIComponent(ref.uid)}?${writeQuery}`, body);
      if (!response.ok) await failure(response, "Error updating event");
      return refOf(calendarId, (await response.json()) as GoogleEvent, ref.uid);
    },

    async deleteEvent(ref): Promise<void> {
      const calendarId = ref.externalCalendarId || "primary";
      const response = await request("DELETE", `${calendarPath(calendarId)}/events/${encodeURIComponent(ref.uid)}?sendUpdates=none`);
      await response.body?.cancel();
      if (!response.ok && response.status !== 404 && response.status !== 410) await failure(response, "Error deleting event");
    },

    // Push notifications (events.watch): Google posts to `address` with X-Goog-Channel-ID and our token.
    async watch(externalId, channel): Promise<CalendarWatch> {
      const response = await request("POST", `${calendarPath(externalId)}/events/watch`, {
        id: channel.id,
        type: "web_hook",
        address: channel.address,
        token: channel.secret,
        expiration: String(channel.expiresAt),
      });
      if (!response.ok) await failure(response, "Could not watch calendar");
      const body = (await response.json()) as { id?: string; resourceId?: string; resourceUri?: string; expiration?: string };
      const expiresAt = Number(body.expiration);
      return {
        id: body.id ?? channel.id,
        resourceId: body.resourceId ?? null,
        resourceUri: body.resourceUri ?? null,
        expiresAt: Number.isFinite(expiresAt) && expiresAt > 0 ? expiresAt : channel.expiresAt,
      };
    },

    async unwatch(watch): Promise<void> {
      const response = await request("POST", "/channels/stop", { id: watch.id, resourceId: watch.resourceId ?? undefined });
      await response.body?.cancel();
      if (!response.ok && response.status !== 404 && response.status !== 410) await failure(response, "Could not stop channel");
    },
  };
  return provider;
}

/** A token source for a key not yet stored (the OAuth callback's first calls): never refreshes. */
export function staticTokenSource(accessToken: string): OAuthTokenSource {
  return {
    accessToken: async () => accessToken,
    refreshAfterRejection: async () => {
      throw new CalendarProviderError("Google refused the new token", "invalid_credentials");
    },
  };
}
