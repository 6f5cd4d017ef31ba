// A rescheduled booking's video meeting (src/conferencing/meetings.ts moveBookingMeetings) against the local fakes
// (test/support/video-fakes.ts): the meeting is updated in place at the provider, its reference moves to the new
// booking, and the new booking's location/meetingUrl follows (Daily: /video/<new uid>); cancelling the moved booking
// then deletes that same meeting.
import { describe, expect, it } from "vitest";
import { expectSuccess, type LooseBody } from "../../helpers/api";
import { fetchWithEnv } from "../../helpers/app";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, V } from "../../helpers/bookings";
import { connectZoom, received } from "../../helpers/conferencing";
import { unique, withDb } from "../../helpers/fixtures";

const monday = futureMonday(5);
const liveReferences = (bookingUid: string) =>
  withDb((db) =>
    db.bookingReference.findMany({
      where: { booking: { uid: bookingUid }, type: { in: ["zoom_video", "daily_video"] }, OR: [{ deleted: null }, { deleted: false }] },
    }),
  );

describe("meeting on reschedule", () => {
  it("Zoom: the meeting is moved (PATCH with the new time), keeps its join URL, and follows the booking", async () => {
    const host = await createHost();
    const code = unique("resched");
    await connectZoom(host.apiKey, code);
    const eventType = await createBookableEventType(host, { title: "Moving call", locations: [{ type: "integration", integration: "zoom" }] });
    const booking = expectSuccess<LooseBody>(await book({ start: at(monday, 0, 10), eventTypeId: eventType.id, attendee: attendee() }), 201).data;
    const meetingId = booking.location.split("/").pop();

    const res = await onBooking(booking.uid, "/reschedule", { method: "POST", body: { start: at(monday, 1, 11), reschedulingReason: "clash" } });
    const moved = expectSuccess<LooseBody>(res, 201).data;
    expect(moved.uid).not.toBe(booking.uid);
    expect(moved.location).toBe(booking.location);
    expect(moved.meetingUrl).toBe(booking.location);

    const patches = (await received(`/zoom/api/meetings/${meetingId}`)).filter((r) => r.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect(patches[0]!.headers.authorization).toBe(`Bearer zat-${code}-1`);
    expect(JSON.parse(patches[0]!.body)).toMatchObject({ start_time: at(monday, 1, 11).replace(".000Z", "Z"), duration: 30 });
    expect(await liveReferences(booking.uid)).toEqual([]);
    expect(await liveReferences(moved.uid)).toMatchObject([{ type: "zoom_video", meetingId, meetingUrl: booking.location, meetingPassword: "zpw" }]);
    const read = expectSuccess<LooseBody>(await onBooking(moved.uid, ""), 200).data;
    expect(read.location).toBe(booking.location);

    const cancelled = await onBooking(moved.uid, "/cancel", { method: "POST", key: host.apiKey, body: { cancellationReason: "off" } });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect((await received(`/zoom/api/meetings/${meetingId}`)).filter((r) => r.method === "DELETE")).toHaveLength(1);
  });

  it("Cal Video: the Daily room's expiry moves with the booking and the location becomes /video/<new uid>", async () => {
    const daily = { DAILY_API_KEY: "test-daily-key" };
    const call = (path: string, body: Record<string, unknown>) =>
      fetchWithEnv(
        new Request(`http://api.test${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", "cal-api-version": V },
          body: JSON.stringify(body),
        }),
        daily,
      );
    const host = await createHost();
    const eventType = await createBookableEventType(host);
    const booking = expectSuccess<LooseBody>(
      await call("/v2/bookings", { start: at(monday, 2, 14), eventTypeId: eventType.id, attendee: attendee() }),
      201,
    ).data;
    const [room] = await liveReferences(booking.uid);
    expect(room).toMatchObject({ type: "daily_video" });

    const moved = expectSuccess<LooseBody>(await call(`/v2/bookings/${booking.uid}/reschedule`, { start: at(monday, 3, 15) }), 201).data;
    expect(moved.location).toBe(`https://cal.com/video/${moved.uid}`);
    expect(moved.meetingUrl).toBe(moved.location);
    const updates = (await received(`/daily/rooms/${room!.meetingId}`)).filter((r) => r.method === "POST");
    expect(updates).toHaveLength(1);
    expect(JSON.parse(updates[0]!.body).properties.exp).toBe(Date.parse(at(monday, 3, 15, 30)) / 1000 + 14 * 86_400);
    expect(await liveReferences(moved.uid)).toMatchObject([{ type: "daily_video", meetingId: room!.meetingId, meetingUrl: room!.meetingUrl }]);
    expect(await liveReferences(booking.uid)).toEqual([]);
  });
});
