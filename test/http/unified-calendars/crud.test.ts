// GET /v2/calendars/{calendar}/event/{eventUid} and PATCH /v2/calendars/{calendar}/events/{eventUid} against the
// local Google fake: Cal.com's mapping of a Google event (attendee and event statuses, conference entry points,
// hosts), the events.patch body built from the input, and Cal.com's errors.
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { withDb } from "../../helpers/fixtures";
import { googleState } from "../../helpers/google";
import { createGoogleBooking, eventPath, eventsPath, type GoogleBooking, googleEvent } from "./helpers";

const GET = "CalUnifiedCalendarsController_getCalendarEventDetails";
const PATCH = "CalUnifiedCalendarsController_updateCalendarEvent";

// Made in the hook, whose longer timeout absorbs the worker's cold start on a loaded machine.
let first: GoogleBooking;
beforeAll(async () => {
  first = await createGoogleBooking();
  await api(eventPath("warmup0", "office365"), { key: first.host.apiKey });
});

describe("Cal Unified Calendars: read", () => {
  it("maps a Google event: statuses, conference entry points, attendees, hosts and owner", async () => {
    const booking = first;
    const res = await api(eventPath(booking.eventId), { key: booking.host.apiKey });
    expect(contractProblems(GET, 200, res.body)).toEqual([]);
    expect(dataOf(res)).toEqual({
      id: booking.eventId,
      title: "Intro call",
      description: "Agenda",
      start: { time: "2030-04-01T10:00:00Z", timeZone: "UTC" },
      end: { time: "2030-04-01T10:30:00Z", timeZone: "UTC" },
      locations: [
        { type: "video", url: "https://meet.google.com/abc-defg-hij", label: "meet.google.com/abc-defg-hij" },
        { type: "phone", url: "tel:+1-555-0100", label: "+1 555-0100", pin: "123456", regionCode: "US" },
      ],
      attendees: [
        { email: booking.calendarId, name: "Host", responseStatus: "accepted", host: true, self: true, optional: null },
        { email: "a@example.com", name: "A", responseStatus: "pending", host: null, self: null, optional: null },
        { email: "b@example.com", responseStatus: "declined", host: null, self: null, optional: true },
        { email: "c@example.com", responseStatus: "needsAction", host: null, self: null, optional: null },
      ],
      status: "accepted",
      hosts: [{ email: booking.calendarId, name: "Host", responseStatus: "accepted" }],
      calendarEventOwner: { email: booking.calendarId, name: "Host" },
      source: "google",
    });
    const state = await googleState(booking.account);
    const read = state.requests.find((r) => r.method === "GET" && r.path.includes(`/events/${booking.eventId}`))!;
    expect(read.path).toBe(`/calendar/v3/calendars/${encodeURIComponent(booking.calendarId)}/events/${booking.eventId}`);
    expect(read.authorization).toBe(`Bearer ${state.currentToken}`);
  });

  it("without entry points the location, else the Meet link, is the one video location; hosts fall back to the organizer", async () => {
    const located = await createGoogleBooking({
      event: (id, email) => ({
        ...googleEvent(id, email),
        conferenceData: undefined,
        attendees: undefined,
        location: "https://zoom.example/j/1",
        status: "tentative",
      }),
    });
    const a = dataOf<Record<string, unknown>>(await api(eventPath(located.eventId), { key: located.host.apiKey }));
    expect(a.locations).toEqual([{ type: "video", url: "https://zoom.example/j/1" }]);
    expect(a.status).toBe("pending");
    expect(a.attendees).toBeUndefined();
    expect(a.hosts).toEqual([{ email: located.calendarId, name: "Host" }]);

    const meet = await createGoogleBooking({
      event: (id, email) => ({
        ...googleEvent(id, email),
        conferenceData: undefined,
        hangoutLink: "https://meet.google.com/xyz",
        status: "cancelled",
        description: "",
      }),
    });
    const res = await api(eventPath(meet.eventId), { key: meet.host.apiKey });
    expect(contractProblems(GET, 200, res.body)).toEqual([]);
    const b = dataOf<Record<string, unknown>>(res);
    expect(b.locations).toEqual([{ type: "video", url: "https://meet.google.com/xyz" }]);
    expect(b.status).toBe("cancelled");
    expect(b.description).toBeNull();
  });

  it("Cal.com's errors: 400 for another calendar, 404 for an unknown or deleted reference and a missing event, 401 without a credential", async () => {
    const booking = await createGoogleBooking();
    const key = booking.host.apiKey;
    expect(expectError(await api(eventPath(booking.eventId, "office365"), { key }), 400).error.message).toBe(
      "Meeting details are currently only available for Google Calendar",
    );
    expect(expectError(await api(eventPath("nosuchevent0"), { key }), 404).error.message).toBe("Booking reference not found");

    const missing = await createGoogleBooking({ event: (id) => ({ id }) });
    expect(expectError(await api(eventPath(missing.eventId), { key: missing.host.apiKey }), 404).error.message).toBe("Failed to retrieve meeting details");

    await withDb((db) => db.bookingReference.update({ where: { id: booking.referenceId }, data: { credentialId: null } }));
    expect(expectError(await api(eventPath(booking.eventId), { key }), 401).error.message).toBe("No valid credentials available for Google Calendar");

    await withDb((db) => db.bookingReference.update({ where: { id: booking.referenceId }, data: { deleted: true, credentialId: booking.credentialId } }));
    expect(expectError(await api(eventPath(booking.eventId), { key }), 404).error.message).toBe("Booking reference not found");
  });
});

describe("Cal Unified Calendars: update", () => {
  it("maps title, description, start, end, attendees and status onto events.patch and answers the updated event", async () => {
    const booking = await createGoogleBooking();
    const body = {
      title: "Renamed",
      description: "New agenda",
      start: { time: "2030-04-01T11:00:00Z", timeZone: "Europe/Paris" },
      end: { time: "2030-04-01T11:45:00Z" },
      attendees: [
        { email: "new@example.com", name: "New", responseStatus: "pending" },
        { email: "other@example.com", optional: true },
      ],
      status: "cancelled",
    };
    const res = await api(eventsPath(booking.eventId), { key: booking.host.apiKey, method: "PATCH", body });
    expect(contractProblems(PATCH, 200, res.body)).toEqual([]);
    const data = dataOf<Record<string, unknown>>(res);
    expect(data).toMatchObject({
      id: booking.eventId,
      title: "Renamed",
      description: "New agenda",
      start: { time: "2030-04-01T11:00:00Z", timeZone: "Europe/Paris" },
      end: { time: "2030-04-01T11:45:00Z" },
      status: "cancelled",
      attendees: [
        { email: "new@example.com", name: "New", responseStatus: "pending" },
        { email: "other@example.com", responseStatus: "needsAction", optional: true },
      ],
    });
    const patch = (await googleState(booking.account)).requests.find((r) => r.method === "PATCH")!;
    expect(patch.path).toBe(`/calendar/v3/calendars/${encodeURIComponent(booking.calendarId)}/events/${booking.eventId}?sendUpdates=none`);
    expect(patch.body).toEqual({
      summary: "Renamed",
      description: "New agenda",
      start: { dateTime: "2030-04-01T11:00:00Z", timeZone: "Europe/Paris" },
      end: { dateTime: "2030-04-01T11:45:00Z" },
      attendees: [
        { email: "new@example.com", displayName: "New", responseStatus: "tentative" },
        { email: "other@example.com", responseStatus: "needsAction", optional: true },
      ],
      status: "cancelled",
    });
  });

  it("an empty body patches nothing and answers the event; errors as Cal.com words them", async () => {
    const booking = await createGoogleBooking();
    const key = booking.host.apiKey;
    const same = dataOf<Record<string, unknown>>(await api(eventsPath(booking.eventId), { key, method: "PATCH", body: {} }));
    expect(same.title).toBe("Intro call");
    expect(expectError(await api(eventsPath(booking.eventId, "apple"), { key, method: "PATCH", body: {} }), 400).error.message).toBe(
      "Event updates are currently only available for Google Calendar",
    );
    const missing = await createGoogleBooking({ event: (id) => ({ id }) });
    expect(expectError(await api(eventsPath(missing.eventId), { key: missing.host.apiKey, method: "PATCH", body: { title: "x" } }), 404).error.message).toBe(
      "Failed to update meeting details",
    );
  });

  it("refuses bad input with 400 and sends nothing to Google", async () => {
    const booking = await createGoogleBooking();
    const bodies = [
      { start: { time: "2030-04-01T11:00:00Z" }, end: { time: "2030-04-01T10:00:00Z" } },
      { start: { time: "tomorrow" } },
      { start: { time: "2030-04-01T11:00:00Z", timeZone: "Mars/Olympus" } },
      { attendees: [{ email: "not-an-email" }] },
      { attendees: [{ name: "no email" }] },
      { status: "maybe" },
      { title: "" },
      { title: 5 },
    ];
    for (const body of bodies) {
      expectError(await api(eventsPath(booking.eventId), { key: booking.host.apiKey, method: "PATCH", body }), 400);
    }
    const raw = await api(eventsPath(booking.eventId), {
      key: booking.host.apiKey,
      method: "PATCH",
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expectError(raw, 400);
    expect((await googleState(booking.account)).requests.some((r) => r.method === "PATCH")).toBe(false);
  });
});
