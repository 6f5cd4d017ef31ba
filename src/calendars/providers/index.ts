// The provider registry: one CalendarProvider per credential, chosen by Cal.com's credential type, so the
// Calendars routes, availability and bookings never branch on the integration.
import type { StoredCredential } from "../../credentials/store";
import type { Deps } from "../../services";
import { type CalendarProvider, CalendarProviderError } from "../provider";
import { createAppleCalendarProvider, createCalDavCalendarProvider } from "./caldav";
import { createGoogleCalendarProvider } from "./google";
import { createIcsFeedCalendarProvider } from "./ics-feed";
import { createMicrosoftCalendarProvider } from "./microsoft";

export type CalendarProviderFactory = (deps: Deps, credential: StoredCredential) => CalendarProvider;

const PROVIDERS: Record<string, CalendarProviderFactory> = {
  apple_calendar: createAppleCalendarProvider,
  caldav_calendar: createCalDavCalendarProvider,
  "ics-feed_calendar": createIcsFeedCalendarProvider,
  // OAuth providers (tokens refreshed through ./oauth.ts):
  google_calendar: createGoogleCalendarProvider,
  office365_calendar: createMicrosoftCalendarProvider,
  // office365_calendar: createMicrosoftCalendarProvider,
};

/** Whether a credential type has a calendar provider here. */
export const hasCalendarProvider = (type: string): boolean => type in PROVIDERS;

/** The provider for a credential; a type without one is "unsupported" (Cal.com: "Could not get calendar instance"). */
export function calendarProviderFor(deps: Deps, credential: StoredCredential): CalendarProvider {
  const factory = PROVIDERS[credential.type];
  if (!factory) throw new CalendarProviderError("Could not get calendar instance", "unsupported");
  return factory(deps, credential);
}
