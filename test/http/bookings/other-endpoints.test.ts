import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import { sql } from "../../helpers/fixtures";

let host: Host;
let stranger: Host;
let eventTypeId: number;
const monday = futureMonday(11);

beforeAll(async () => {
  host = await createHost();
  stranger = await createHost();
  eventTypeId = (await createBookableEventType(host, { description: "A short chat" })).id;
});

const create = async (start: string, who = attendee()) => {
  const res = await book({ start, eventTypeId, attendee: who });
  expect(res.status, res.text).toBe(201);
  return res.body.data;
};

describe("POST /v2/bookings/{uid}/guests", () => {
  it("the host adds guests; existing ones are skipped; nothing new is a 400; a stranger 403", async () => {
    const booking = await create(at(monday, 0, 9));
    const res = await onBooking(booking.uid, "/guests", {
      method: "POST",
      key: host.apiKey,
      body: { guests: [{ email: "new.guest@example.com", name: "New Guest", timeZone: "Asia/Tokyo" }, { email: booking.attendees[0].email }] },
    });
    expect(res.status, res.text).toBe(200);
    expect(contractProblems("BookingGuestsController_2024_08_13_addGuests", 200, res.body)).toEqual([]);
    expect(res.body.data.attendees.map((a: { email: string }) => a.email)).toEqual([booking.attendees[0].email, "new.guest@example.com"]);
    expect(res.body.data.attendees[1]).toMatchObject({ name: "New Guest", timeZone: "Asia/Tokyo" });
    expect(res.body.data.guests).toEqual(["new.guest@example.com"]);
    const again = await onBooking(booking.uid, "/guests", { method: "POST", key: host.apiKey, body: { guests: [{ email: "new.guest@example.com" }] } });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe("emails_must_be_unique_valid");
    const denied = await onBooking(booking.uid, "/guests", { method: "POST", key: stranger.apiKey, body: { guests: [{ email: "x@example.com" }] } });
    expect(denied.status).toBe(403);
    const bad = await onBooking(booking.uid, "/guests", { method: "POST", key: host.apiKey, body: { guests: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^guests - /);
  });

  it("an attendee (a user whose email is on the booking) may add guests too", async () => {
    const booking = await create(at(monday, 0, 10), { name: "Stranger", email: stranger.email, timeZone: "UTC" });
    const res = await onBooking(booking.uid, "/guests", { method: "POST", key: stranger.apiKey, body: { guests: [{ email: "plus.one@example.com" }] } });
    expect(res.status, res.text).toBe(200);
  });
});

describe("PATCH /v2/bookings/{uid}/location", () => {
  it("the event type's owner changes the location; others 403; bad input 400", async () => {
    const booking = await create(at(monday, 0, 11));
    const res = await onBooking(booking.uid, "/location", {
      method: "PATCH",
      key: host.apiKey,
      body: { location: { type: "link", link: "https://meet.example.com/abc" } },
    });
    expect(res.status, res.text).toBe(200);
    expect(contractProblems("BookingLocationController_2024_08_13_updateBookingLocation", 200, res.body)).toEqual([]);
    expect(res.body.data.location).toBe("https://meet.example.com/abc");
    expect(res.body.data.bookingFieldsResponses.location).toEqual({ value: "link", optionValue: "https://meet.example.com/abc" });
    const denied = await onBooking(booking.uid, "/location", {
      method: "PATCH",
      key: stranger.apiKey,
      body: { location: { type: "phone", phone: "+14155550100" } },
    });
    expect(denied.status).toBe(403);
    const bad = await onBooking(booking.uid, "/location", { method: "PATCH", key: host.apiKey, body: { location: { type: "link", link: "not a url" } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("location");
  });
});

describe("GET /v2/bookings/{uid}/references and /calendar-links", () => {
  it("references: the host's (none without integrations), filtered by type; anyone else Cal.com's 400; unknown 404", async () => {
    const booking = await create(at(monday, 1, 9));
    const res = await onBooking(booking.uid, "/references", { key: host.apiKey });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toEqual([]);
    await sql`INSERT INTO "BookingReference" (type, uid, "externalCalendarId", "bookingId") VALUES ('google_calendar', 'evt-1', 'primary', ${booking.id})`;
    const filtered = await onBooking(booking.uid, "/references?type=google_calendar", { key: host.apiKey });
    expect(contractProblems("BookingsController_2024_08_13_getBookingReferences", 200, filtered.body)).toEqual([]);
    expect(filtered.body.data).toEqual([{ id: expect.any(Number), type: "google_calendar", eventUid: "evt-1", destinationCalendarId: "primary" }]);
    expect((await onBooking(booking.uid, "/references?type=zoom_video", { key: host.apiKey })).body.data).toEqual([]);
    const denied = await onBooking(booking.uid, "/references", { key: stranger.apiKey });
    expect(denied.status).toBe(400);
    expect(denied.body.error.message).toBe(`Booking with uid ${booking.uid} does not belong to user`);
    expect((await onBooking("unknown-uid", "/references", { key: host.apiKey })).status).toBe(404);
    expect((await onBooking(booking.uid, "/references?type=fax", { key: host.apiKey })).status).toBe(400);
  });

  it("calendar links: Google, Office, Outlook, Yahoo and an ICS file", async () => {
    const booking = await create(at(monday, 1, 10));
    const res = await onBooking(booking.uid, "/calendar-links", { key: host.apiKey });
    expect(res.status, res.text).toBe(200);
    // Cal.com also returns an `id` per link, which its published schema leaves out.
    expect(contractProblems("BookingsController_2024_08_13_getCalendarLinks", 200, res.body, { strict: false })).toEqual([]);
    const byId = Object.fromEntries(res.body.data.map((l: { id: string; link: string }) => [l.id, l.link]));
    expect(byId.googleCalendar).toMatch(/^https:\/\/calendar\.google\.com\/calendar\/r\/eventedit\?dates=\d{8}T\d{6}Z\/\d{8}T\d{6}Z&text=/);
    expect(byId.microsoftOffice).toMatch(/^https:\/\/outlook\.office\.com\//);
    expect(byId.microsoftOutlook).toMatch(/^https:\/\/outlook\.live\.com\//);
    expect(byId.yahooCalendar).toMatch(/^https:\/\/calendar\.yahoo\.com\//);
    const ics = decodeURIComponent(byId.ics.replace(/^data:text\/calendar,/, ""));
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain(`DTSTART:${at(monday, 1, 10).replace(/[-:]/g, "").replace(".000", "")}`);
    expect(ics).toContain("DURATION:PT30M");
    expect(ics).toContain("DESCRIPTION:A short chat");
    expect((await onBooking("unknown-uid", "/calendar-links", { key: host.apiKey })).status).toBe(404);
  });
});

describe("recordings, transcripts and conferencing sessions without a video provider", () => {
  it.each(["recordings", "transcripts", "conferencing-sessions"])("%s: the host gets Cal.com's 404, anyone else 403", async (suffix) => {
    const booking = await create(at(monday, 2, 9 + ["recordings", "transcripts", "conferencing-sessions"].indexOf(suffix)));
    const res = await onBooking(booking.uid, `/${suffix}`, { key: host.apiKey });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`No Cal Video reference found with booking uid ${booking.uid}`);
    const denied = await onBooking(booking.uid, `/${suffix}`, { key: stranger.apiKey });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(`BookingPbacGuard - user with id=${stranger.userId} does not have access to booking with uid=${booking.uid}`);
  });
});

describe("reassign (team round-robin only)", () => {
  it("the owner gets Cal.com's 400 for a booking without other hosts; others 403; unknown user 404", async () => {
    const booking = await create(at(monday, 3, 9));
    const auto = await onBooking(booking.uid, "/reassign", { method: "POST", key: host.apiKey });
    expect(auto.status).toBe(400);
    expect(auto.body.error.message).toBe("Can't reassign the booking because no other host is available at that time.");
    expect((await onBooking(booking.uid, "/reassign", { method: "POST", key: stranger.apiKey })).status).toBe(403);
    const toUser = await onBooking(booking.uid, `/reassign/${stranger.userId}`, { method: "POST", key: host.apiKey, body: { reason: "vacation" } });
    expect(toUser.status).toBe(400);
    expect(toUser.body.error.message).toMatch(new RegExp(`^User with id=${stranger.userId} is not a valid Round Robin host`));
    expect((await onBooking(booking.uid, "/reassign/2000000000", { method: "POST", key: host.apiKey })).status).toBe(404);
    expect((await onBooking(booking.uid, "/reassign/abc", { method: "POST", key: host.apiKey })).status).toBe(400);
    expect((await onBooking(booking.uid, `/reassign/${host.userId}`, { method: "POST", key: stranger.apiKey })).status).toBe(403);
  });
});
