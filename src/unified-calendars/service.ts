// Cal Unified Calendars (Cal.com's CalUnifiedCalendarsController + GoogleCalendarService): a booking's Google
// Calendar event read and edited through the credential that wrote it, found by the event id its
// BookingReference stores. Cal.com never checks the caller (any API key reads or rewrites any booking's event
// by its id: an IDOR, its google-calendar.idor.poc.spec.ts); here only someone who may manage the booking
// (src/bookings/access.ts canManageBooking) gets past the lookup, everyone else gets the same 404 as for an
// unknown id.
import type { Actor } from "../auth/principal";
import { canManageBooking } from "../bookings/access";
import { CalendarProviderError } from "../calendars/provider";
import { googleEventsApi } from "../calendars/providers/google";
import type { ApiError } from "../errors";
import type { Deps } from "../services";
import {
  bookingReferenceNotFound,
  eventUpdatesOnlyGoogle,
  googleUnavailable,
  meetingDetailsNotRetrieved,
  meetingDetailsNotUpdated,
  meetingDetailsOnlyGoogle,
  noValidGoogleCredentials,
} from "./errors";
import { type GoogleEventJson, toUnifiedCalendarEvent, type UnifiedCalendarEvent } from "./output";
import type { UpdateUnifiedCalendarEventInput } from "./schemas";
import { findGoogleEventReferences, type GoogleEventReference } from "./store";

export interface UnifiedEventIds {
  calendar: string;
  eventUid: string;
}

/** The newest live reference with this event id whose booking the caller may manage. */
async function referenceFor(deps: Deps, actor: Actor, eventUid: string): Promise<GoogleEventReference> {
  for (const reference of await findGoogleEventReferences(deps, eventUid)) {
    if (reference.booking && (await canManageBooking(deps, actor, reference.booking))) return reference;
  }
  throw bookingReferenceNotFound();
}

/** The reference's Google credential (a removed, invalid or non-Google one: Cal.com's 401). */
function credentialOf(reference: GoogleEventReference) {
  const credential = reference.credential;
  if (!credential || credential.invalid || credential.type !== "google_calendar") throw noValidGoogleCredentials();
  return credential;
}

/** Google's answer, or Cal.com's error: a refused credential 401, Google down 503, any other failure `notFound`. */
async function callGoogle(call: () => Promise<Record<string, unknown> | null>, notFound: () => ApiError, message: string): Promise<UnifiedCalendarEvent> {
  let event: Record<string, unknown> | null;
  try {
    event = await call();
  } catch (error) {
    if (!(error instanceof CalendarProviderError)) throw error;
    if (error.kind === "invalid_credentials") throw noValidGoogleCredentials();
    throw googleUnavailable(message);
  }
  if (!event) throw notFound();
  return toUnifiedCalendarEvent(event as GoogleEventJson);
}

export async function getUnifiedCalendarEvent(deps: Deps, actor: Actor, { calendar, eventUid }: UnifiedEventIds): Promise<UnifiedCalendarEvent> {
  if (calendar !== "google") throw meetingDetailsOnlyGoogle();
  const reference = await referenceFor(deps, actor, eventUid);
  const api = googleEventsApi(deps, credentialOf(reference));
  return callGoogle(
    () => api.getEvent(reference.externalCalendarId ?? "primary", reference.uid),
    meetingDetailsNotRetrieved,
    "Failed to retrieve meeting details",
  );
}

const RESPONSE_TO_GOOGLE = { accepted: "accepted", pending: "tentative", declined: "declined", needsAction: "needsAction" } as const;
const STATUS_TO_GOOGLE = { accepted: "confirmed", pending: "tentative", declined: "cancelled", cancelled: "cancelled" } as const;

/** Cal.com's GoogleCalendarEventInputPipe (the contract's version: `attendees` replaces the list). */
export function googlePatchOf(input: UpdateUnifiedCalendarEventInput): Record<string, unknown> {
  const dateTime = (value: { time: string; timeZone?: string }) => ({ dateTime: value.time, ...(value.timeZone ? { timeZone: value.timeZone } : {}) });
  return {
    ...(input.title !== undefined ? { summary: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.start ? { start: dateTime(input.start) } : {}),
    ...(input.end ? { end: dateTime(input.end) } : {}),
    ...(input.attendees
      ? {
          attendees: input.attendees.map((attendee) => ({
            email: attendee.email,
            ...(attendee.name !== undefined ? { displayName: attendee.name } : {}),
            responseStatus: attendee.responseStatus ? RESPONSE_TO_GOOGLE[attendee.responseStatus] : "needsAction",
            ...(attendee.optional != null ? { optional: attendee.optional } : {}),
            ...(attendee.host ? { organizer: true } : {}),
          })),
        }
      : {}),
    ...(input.status ? { status: STATUS_TO_GOOGLE[input.status] } : {}),
  };
}

export async function updateUnifiedCalendarEvent(
  deps: Deps,
  actor: Actor,
  { calendar, eventUid, body }: UnifiedEventIds & { body: UpdateUnifiedCalendarEventInput },
): Promise<UnifiedCalendarEvent> {
  if (calendar !== "google") throw eventUpdatesOnlyGoogle();
  const reference = await referenceFor(deps, actor, eventUid);
  const api = googleEventsApi(deps, credentialOf(reference));
  return callGoogle(
    () => api.patchEvent(reference.externalCalendarId ?? "primary", reference.uid, googlePatchOf(body)),
    meetingDetailsNotUpdated,
    "Failed to update meeting details",
  );
}
