// A booking whose organizer has a Google credential and whose BookingReference points at an event on the local
// Google fake (test/support/google-fake.ts), as the booking-events writer leaves it.
import { createTenant, insertBookingRow, insertEventTypeRow, type Tenant, unique, withDb } from "../../helpers/fixtures";
import { connectGoogleDirect, createGoogleAccount, putGoogleEvent } from "../../helpers/google";

export interface GoogleBooking {
  host: Tenant;
  account: string;
  calendarId: string;
  credentialId: number;
  bookingId: number;
  eventTypeId: number;
  eventId: string;
  referenceId: number;
}

/** A Google event as Google answers events.get, with a Meet link, a phone entry point and four attendees. */
export function googleEvent(id: string, organizerEmail: string, overrides: Record<string, unknown> = {}): Record<string, unknown> & { id: string } {
  return {
    id,
    status: "confirmed",
    summary: "Intro call",
    description: "Agenda",
    start: { dateTime: "2030-04-01T10:00:00Z", timeZone: "UTC" },
    end: { dateTime: "2030-04-01T10:30:00Z", timeZone: "UTC" },
    organizer: { email: organizerEmail, displayName: "Host", self: true },
    attendees: [
      { email: organizerEmail, displayName: "Host", organizer: true, self: true, responseStatus: "accepted" },
      { email: "a@example.com", displayName: "A", responseStatus: "tentative" },
      { email: "b@example.com", responseStatus: "declined", optional: true },
      { email: "c@example.com", responseStatus: "needsAction" },
    ],
    conferenceData: {
      conferenceId: "abc-defg-hij",
      entryPoints: [
        { entryPointType: "video", uri: "https://meet.google.com/abc-defg-hij", label: "meet.google.com/abc-defg-hij" },
        { entryPointType: "phone", uri: "tel:+1-555-0100", label: "+1 555-0100", pin: "123456", regionCode: "US" },
      ],
    },
    ...overrides,
  };
}

export async function createGoogleBooking(
  options: { teamId?: number; host?: Tenant; event?: (id: string, email: string) => Record<string, unknown> & { id: string } } = {},
): Promise<GoogleBooking> {
  const host = options.host ?? (await createTenant());
  const { account, calendarId } = await createGoogleAccount();
  const credentialId = await connectGoogleDirect(host.userId, account, calendarId);
  const eventType = await insertEventTypeRow(options.teamId ? { teamId: options.teamId } : { userId: host.userId });
  const booking = await insertBookingRow({ userId: host.userId, eventTypeId: eventType.id, start: new Date("2030-04-01T10:00:00Z") });
  const eventId = unique("evt")
    .toLowerCase()
    .replace(/[^a-v0-9]/g, "");
  const event = (options.event ?? googleEvent)(eventId, calendarId);
  if (Object.keys(event).length > 1) await putGoogleEvent(account, calendarId, event);
  const reference = await withDb((db) =>
    db.bookingReference.create({
      data: { type: "google_calendar", uid: eventId, externalCalendarId: calendarId, credentialId, bookingId: booking.id },
      select: { id: true },
    }),
  );
  return { host, account, calendarId, credentialId, bookingId: booking.id, eventTypeId: eventType.id, eventId, referenceId: reference.id };
}

export const eventPath = (eventId: string, calendar = "google") => `/v2/calendars/${calendar}/event/${eventId}`;
export const eventsPath = (eventId: string, calendar = "google") => `/v2/calendars/${calendar}/events/${eventId}`;
