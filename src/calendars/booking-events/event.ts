// The calendar event of a booking (Cal.com's CalendarEvent as the calendar services write it) and its digest.
import type { CalendarEventInput } from "../provider";
import type { EventBooking } from "./store";

/** Cal.com's getLocation: the meeting URL when there is one, else the location unless it names an app. */
function eventLocation(booking: EventBooking): string | null {
  const metadata = booking.metadata as Record<string, unknown> | null;
  if (typeof metadata?.videoCallUrl === "string" && metadata.videoCallUrl) return metadata.videoCallUrl;
  if (!booking.location || booking.location.startsWith("integrations:")) return null;
  return booking.location;
}

/** Booking locations that ask the calendar provider for a meeting (Google Meet on Google, Teams on Graph). */
const CONFERENCE_LOCATIONS: Record<string, CalendarEventInput["conference"]> = {
  "integrations:google:meet": "google-meet",
  "integrations:office365_video": "msteams",
};

/** Whether the booking's meeting comes from its calendar event (Google Meet, Teams). */
export const conferenceFromCalendar = (booking: EventBooking): boolean => Boolean(booking.location && CONFERENCE_LOCATIONS[booking.location]);

export function bookingEventInput(booking: EventBooking): CalendarEventInput {
  const organizer = booking.user ?? { name: null, email: "", timeZone: "UTC" };
  return {
    uid: booking.uid,
    title: booking.title,
    description: booking.description ?? booking.eventType?.description ?? null,
    start: booking.startTime,
    end: booking.endTime,
    timeZone: organizer.timeZone,
    location: eventLocation(booking),
    organizer: { name: organizer.name ?? "Nameless", email: organizer.email, timeZone: organizer.timeZone },
    attendees: booking.attendees.map((a) => ({ name: a.name, email: a.email, timeZone: a.timeZone })),
    ...(booking.location && CONFERENCE_LOCATIONS[booking.location] ? { conference: CONFERENCE_LOCATIONS[booking.location] } : {}),
  };
}

/** SHA-256 of what the event shows: equal digests mean the written event is current. */
export async function eventFingerprint(event: CalendarEventInput): Promise<string> {
  const text = JSON.stringify([event.title, event.description, event.start.toISOString(), event.end.toISOString(), event.location, event.attendees]);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
