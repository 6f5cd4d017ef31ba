// Office 365 / Outlook calendars (Cal.com's office365_calendar, packages/app-store/office365calendar/lib/
// CalendarService.ts) over Microsoft Graph v1.0 with plain fetch. Base URLs from env (MICROSOFT_GRAPH_URL,
// MICROSOFT_LOGIN_URL); the OAuth client is the office365-calendar App's `keys`, else MS_GRAPH_CLIENT_ID/SECRET.
// Tokens are refreshed through ./oauth.ts (Microsoft rotates refresh tokens, so the serialised refresh matters:
// a refresh token used twice may be refused). Busy time reads each selected calendar's calendarView in UTC
// (`Prefer: outlook.timezone="UTC"`), follows @odata.nextLink, drops `free`/`workingElsewhere` events and reads
// Graph's offset-less times as UTC, as Cal.com does. Events: POST /me/calendars/{id}/events with a
// `transactionId` (Graph's idempotency key) so a retried create does not write a second event; Teams meetings
// with `isOnlineMeeting`; PATCH/DELETE /me/events/{id}.
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
import { appOAuthClient, authorisedJsonClient, type OAuthClient, postTokenForm } from "./google";
import { oauthTokenSource, providerFailure as failure } from "./oauth";

export const OFFICE_SCOPES = ["User.Read", "Calendars.Read", "Calendars.ReadWrite", "offline_access"];
const MAX_PAGES = 50;

function officeEnvClient(deps: Deps): OAuthClient | null {
  const { MS_GRAPH_CLIENT_ID: clientId, MS_GRAPH_CLIENT_SECRET: clientSecret } = deps.env;
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}
export const officeOAuthClient = (deps: Deps) => appOAuthClient(deps, "office365-calendar", () => officeEnvClient(deps));
export const officeOAuthBase = (deps: Deps) => `${deps.env.MICROSOFT_LOGIN_URL.replace(/\/$/, "")}/common/oauth2/v2.0`;
const graphBase = (deps: Deps) => `${deps.env.MICROSOFT_GRAPH_URL.replace(/\/$/, "")}/v1.0`;

/** Graph's offset-less `dateTime` (UTC under the Prefer header) as a Date. */
function graphTime(value: { dateTime?: string } | undefined): Date {
  const text = value?.dateTime ?? "";
  return new Date(/(Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`);
}

function eventBody(event: CalendarEventInput, transactionId?: string): Record<string, unknown> {
  return {
    ...(transactionId ? { transactionId } : {}),
    subject: event.title,
    body: { contentType: "text", content: event.description ?? "" },
    start: { dateTime: event.start.toISOString(), timeZone: "UTC" },
    end: { dateTime: event.end.toISOString(), timeZone: "UTC" },
    attendees: event.attendees.map((attendee) => ({ emailAddress: { address: attendee.email, name: attendee.name }, type: "required" })),
    ...(event.location ? { location: { displayName: event.location } } : {}),
    ...(event.conference === "msteams" ? { isOnlineMeeting: true, onlineMeetingProvider: "teamsForBusiness" } : {}),
  };
}

interface GraphEvent {
  id?: string;
  onlineMeeting?: { joinUrl?: string } | null;
}

const refOf = (externalCalendarId: string, event: GraphEvent, fallback: string): CalendarEventRef => ({
  uid: event.id ?? fallback,
  externalCalendarId,
  meetingUrl: event.onlineMeeting?.joinUrl ?? null,
  meetingId: null,
  meetingPassword: null,
});

interface GraphSubscription {
  id?: string;
  resource?: string;
  expirationDateTime?: string;
}

function subscriptionOf(subscription: GraphSubscription, asked: number): CalendarWatch {
  if (!subscription.id) throw new CalendarProviderError("Graph answered a subscription without id", "unavailable");
  const expiresAt = Date.parse(subscription.expirationDateTime ?? "");
  return { id: subscription.id, resourceId: null, resourceUri: subscription.resource ?? null, expiresAt: Number.isFinite(expiresAt) ? expiresAt : asked };
}

export function createMicrosoftCalendarProvider(deps: Deps, credential: StoredCredential): CalendarProvider {
  const tokens = oauthTokenSource(deps, credential, async (refreshToken) => {
    const client = await officeOAuthClient(deps);
    if (!client) throw new CalendarProviderError("Office 365 OAuth client is not configured", "unavailable");
    return postTokenForm(`${officeOAuthBase(deps)}/token`, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      scope: "User.Read Calendars.Read Calendars.ReadWrite",
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
  });
  const base = graphBase(deps);
  const request = authorisedJsonClient(tokens, base, "Microsoft Graph");

  /** Every page of a Graph collection; nextLinks are followed only on the Graph host. */
  async function collect<T>(path: string, what: string, headers: Record<string, string> = {}): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const response = await request("GET", next, undefined, headers);
      if (!response.ok) await failure(response, what);
      const body = (await response.json()) as { value?: T[]; "@odata.nextLink"?: string };
      items.push(...(body.value ?? []));
      const link = body["@odata.nextLink"];
      next = link && link.startsWith(`${base}/`) ? link : undefined;
    }
    return items;
  }

  const provider: CalendarProvider = {
    type: credential.type,

    async listCalendars(): Promise<ProviderCalendar[]> {
      const calendars = await collect<{ id: string; name?: string; isDefaultCalendar?: boolean; canEdit?: boolean; owner?: { address?: string } }>(
        "/me/calendars?$select=id,name,isDefaultCalendar,canEdit,owner",
        "Could not list calendars",
      );
      return calendars.map((calendar) => ({
        externalId: calendar.id,
        name: calendar.name ?? "",
        primary: calendar.isDefaultCalendar === true,
        readOnly: calendar.canEdit === false,
        email: calendar.owner?.address ?? null,
      }));
    },

    async getBusy(externalIds, from, to): Promise<BusyInterval[]> {
      const busy: BusyInterval[] = [];
      for (const id of externalIds) {
        const query = `startDateTime=${encodeURIComponent(from.toISOString())}&endDateTime=${encodeURIComponent(to.toISOString())}&$select=showAs,start,end&$top=999`;
        const events = await collect<{ showAs?: string; start?: { dateTime?: string }; end?: { dateTime?: string } }>(
          `/me/calendars/${encodeURIComponent(id)}/calendarView?${query}`,
          "Could not read busy times",
          { prefer: 'outlook.timezone="UTC"' },
        );
        for (const event of events) {
          if (event.showAs === "free" || event.showAs === "workingElsewhere") continue;
          busy.push({ start: graphTime(event.start), end: graphTime(event.end) });
        }
      }
      return busy.sort((a, b) => a.start.getTime() - b.start.getTime());
    },

    async createEvent(externalId, event, options): Promise<CalendarEventRef> {
      const path = externalId ? `/me/calendars/${encodeURIComponent(externalId)}/events` : "/me/events";
      const response = await request("POST", path, eventBody(event, options?.eventId));
      if (!response.ok) await failure(response, "Error creating event");
      return refOf(externalId, (await response.json()) as GraphEvent, "");
    },

    async updateEvent(ref, event): Promise<CalendarEventRef> {
      const response = await request("PATCH", `/me/events/${encodeURIComponent(ref.uid)}`, eventBody(event));
      if (!response.ok) await failure(response, "Error updating event");
      return refOf(ref.externalCalendarId, (await response.json()) as GraphEvent, ref.uid);
    },

    async deleteEvent(ref): Promise<void> {
      const response = await request("DELETE", `/me/events/${encodeURIComponent(ref.uid)}`);
      await response.body?.cancel();
      if (!response.ok && response.status !== 404 && response.status !== 410) await failure(response, "Error deleting event");
    },

    // Graph subscriptions on the calendar's events: Graph first posts ?validationToken= to the address (answered by
    // the receiver), then one notification per change with our clientState.
    async watch(externalId, channel): Promise<CalendarWatch> {
      const response = await request("POST", "/subscriptions", {
        changeType: "created,updated,deleted",
        notificationUrl: channel.address,
        resource: `me/calendars/${externalId}/events`,
        expirationDateTime: new Date(channel.expiresAt).toISOString(),
        clientState: channel.secret,
      });
      if (!response.ok) await failure(response, "Could not subscribe to calendar");
      return subscriptionOf((await response.json()) as GraphSubscription, channel.expiresAt);
    },

    async renewWatch(watch, expiresAt): Promise<CalendarWatch> {
      const response = await request("PATCH", `/subscriptions/${encodeURIComponent(watch.id)}`, {
        expirationDateTime: new Date(expiresAt).toISOString(),
      });
      if (!response.ok) await failure(response, "Could not renew subscription");
      return subscriptionOf((await response.json()) as GraphSubscription, expiresAt);
    },

    async unwatch(watch): Promise<void> {
      const response = await request("DELETE", `/subscriptions/${encodeURIComponent(watch.id)}`);
      await response.body?.cancel();
      if (!response.ok && response.status !== 404 && response.status !== 410) await failure(response, "Could not delete subscription");
    },
  };
  return provider;
}
