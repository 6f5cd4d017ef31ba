// Google Meet and Teams meetings come from the booking's calendar event (src/calendars/booking-events/sync.ts): the
// link the provider answers (Google's hangoutLink, Graph's onlineMeeting.joinUrl; made up by the local fake) becomes
// the booking's metadata.videoCallUrl, so GET /v2/bookings/{uid} shows it as location and meetingUrl.
import { describe, expect, it } from "vitest";
import { api, type LooseBody } from "../../helpers/api";
import { waitFor, writtenReference } from "../../helpers/booking-events";
import { withDb } from "../../helpers/fixtures";
import { connectGoogleDirect, connectOfficeThroughSave, createAccountWithCalendars, createGoogleAccount, googleState } from "../../helpers/google";
import { book, createUtcHost, HOUR, testMonday } from "./busy-helpers";

const readBooking = (uid: string) => api<{ data: LooseBody }>(`/v2/bookings/${uid}`, { version: "2024-08-13" });
const bookingWithLink = (uid: string, link: string) =>
  waitFor(
    `the meeting link on ${uid}`,
    () => readBooking(uid),
    (res) => res.body.data?.location === link,
  );

/** Stored directly: the API refuses these locations until the app is connected as a conferencing app. */
const useLocation = (eventTypeId: number, integration: string) =>
  withDb((db) => db.eventType.update({ where: { id: eventTypeId }, data: { locations: [{ type: "integration", integration }] } }));

describe("meeting links from calendar events", () => {
  it("Google Meet: the event's hangoutLink becomes the booking's location and meetingUrl", async () => {
    const host = await createUtcHost();
    const { account, calendarId } = await createGoogleAccount();
    await connectGoogleDirect(host.userId, account, calendarId);
    await useLocation(host.eventTypeId, "google-meet");
    const booked = await book(host.eventTypeId, testMonday() + 11 * HOUR);
    expect(booked.status, booked.text).toBe(201);
    const uid = booked.body.data.uid as string;
    expect(booked.body.data.location).toBe("integrations:google:meet");
    const reference = await writtenReference(uid);
    expect(reference.meetingUrl).toMatch(/^https:\/\/meet\.google\.com\//);
    const read = await bookingWithLink(uid, reference.meetingUrl!);
    expect(read.body.data.meetingUrl).toBe(reference.meetingUrl);
    const stored = await withDb((db) => db.booking.findUniqueOrThrow({ where: { uid }, select: { metadata: true } }));
    expect(stored.metadata).toMatchObject({ videoCallUrl: reference.meetingUrl });
    expect((await googleState(account)).events).toHaveLength(1);
  });

  it("Teams through Office 365: the Graph event's onlineMeeting.joinUrl becomes the booking's location", async () => {
    const host = await createUtcHost();
    const { account, calendarIds } = await createAccountWithCalendars(["Calendar"]);
    await connectOfficeThroughSave(host.apiKey, account);
    await useLocation(host.eventTypeId, "office365-video");
    const booked = await book(host.eventTypeId, testMonday() + 13 * HOUR);
    expect(booked.status, booked.text).toBe(201);
    const uid = booked.body.data.uid as string;
    const reference = await writtenReference(uid);
    expect(reference.meetingUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    await bookingWithLink(uid, reference.meetingUrl!);
    const [event] = (await googleState(account)).events;
    expect(event!.calendarId).toBe(calendarIds[0]);
    expect(event!.body).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: "teamsForBusiness" });
  });
});
