// The one interface every calendar integration implements (Google Calendar v3, Microsoft Graph, CalDAV/Apple,
// ICS feeds), so availability, bookings and the Calendars routes never branch on the provider. A provider is
// built per credential (src/calendars/providers/index.ts) with the deps it needs (fetch base URLs from env, the
// credential store for token refresh); every base URL is configurable so tests use local servers.

/** A calendar as the provider lists it (Cal.com's IntegrationCalendar). */
export interface ProviderCalendar {
  externalId: string;
  name: string;
  /** The account's primary calendar (Cal.com: `primary`, else the first). */
  primary: boolean;
  readOnly: boolean;
  /** The account's email (the calendar owner's), when the provider tells it. */
  email: string | null;
}

/** A busy interval in UTC, half-open [start, end). */
export interface BusyInterval {
  start: Date;
  end: Date;
}

/** The event written for a booking (Cal.com's CalendarEvent, reduced to what providers use). */
export interface CalendarEventInput {
  /** The booking uid: CalDAV/ICS UID and Google iCalUID are derived from it. */
  uid: string;
  title: string;
  description: string | null;
  start: Date;
  end: Date;
  timeZone: string;
  location: string | null;
  organizer: { name: string; email: string; timeZone: string };
  attendees: readonly { name: string; email: string; timeZone: string }[];
  /** Ask the provider for a meeting link (Google Meet, Teams) when it makes them. */
  conference?: "google-meet" | "msteams";
}

/** What a provider answers for a written event: the BookingReference fields it fills. */
export interface CalendarEventRef {
  /** BookingReference.uid: the provider's event id (Google/Graph) or the object uuid (CalDAV). */
  uid: string;
  externalCalendarId: string;
  meetingUrl?: string | null;
  meetingId?: string | null;
  meetingPassword?: string | null;
}

/** A change-notification channel on one calendar: a Google push channel or a Microsoft Graph subscription. */
export interface CalendarWatch {
  /** Google: the channel id we chose; Graph: the subscription id Graph assigned. */
  id: string;
  /** Google's resourceId (channels.stop needs it); null for Graph. */
  resourceId: string | null;
  resourceUri: string | null;
  /** Epoch ms when the provider stops notifying. */
  expiresAt: number;
}

export interface CalendarWatchRequest {
  /** Google: the channel id to use (Graph chooses its own). */
  id: string;
  /** The public URL the provider posts notifications to. */
  address: string;
  /** Google's channel `token`, Graph's `clientState`: sent back with every notification. */
  secret: string;
  expiresAt: number;
}

export interface CalendarProvider {
  /** Cal.com's credential type, e.g. "google_calendar", "office365_calendar", "apple_calendar", "ics-feed_calendar". */
  readonly type: string;
  listCalendars(): Promise<ProviderCalendar[]>;
  /** Busy intervals of the given calendars (externalIds) overlapping [from, to). */
  getBusy(externalIds: readonly string[], from: Date, to: Date): Promise<BusyInterval[]>;
  /**
   * `eventId`: the id to give the event where the provider lets the caller choose it (CalDAV object name and UID),
   * so a retried create of the same event overwrites it instead of writing a second one.
   */
  createEvent(externalId: string, event: CalendarEventInput, options?: { eventId?: string }): Promise<CalendarEventRef>;
  updateEvent(ref: CalendarEventRef, event: CalendarEventInput): Promise<CalendarEventRef>;
  /** Deleting an event that is already gone (404/410) succeeds. */
  deleteEvent(ref: CalendarEventRef): Promise<void>;
  /** Change notifications (Google, Microsoft only): starts a channel on one calendar's events. */
  watch?(externalId: string, request: CalendarWatchRequest): Promise<CalendarWatch>;
  /** Extends a channel in place where the provider allows it (Graph); Google's are replaced by a new watch. */
  renewWatch?(watch: CalendarWatch, expiresAt: number): Promise<CalendarWatch>;
  /** Stops a channel; one that is already gone (404/410) counts as stopped. */
  unwatch?(watch: CalendarWatch): Promise<void>;
}

/**
 * A provider failure the caller can act on: `invalid` = the credential can no longer be used (invalid_grant,
 * wrong password) and has been marked `Credential.invalid`; otherwise a transient failure (network, 5xx, 429).
 */
export class CalendarProviderError extends Error {
  constructor(
    message: string,
    readonly kind: "invalid_credentials" | "unavailable" | "not_found" | "unsupported",
  ) {
    super(message);
  }
}
