import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { createWebhookFor, receiverUrl, uniqueName, waitForRequests } from "../../helpers/webhooks";
import { sql } from "../../helpers/fixtures";

// Every lifecycle change enqueues its webhook event after it commits; the real queue consumer delivers it here.

const TRIGGERS = ["BOOKING_CREATED", "BOOKING_REQUESTED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED"];
let host: Host;
let eventTypeId: number;
let confirmTypeId: number;
let receiver: string;
const monday = futureMonday(13);

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
  confirmTypeId = (await createBookableEventType(host, { confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: false } })).id;
  receiver = uniqueName("bookings");
  await createWebhookFor(host, { subscriberUrl: receiverUrl(receiver), triggers: TRIGGERS });
});

interface Delivered {
  triggerEvent: string;
  createdAt: string;
  payload: Record<string, any>;
}

async function deliveredFor(uid: string, trigger: string): Promise<Delivered> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const requests = await waitForRequests(receiver, 1, 1_000);
    const found = requests
      .map((r) => JSON.parse(r.body) as Delivered)
      .find((body) => body.triggerEvent === trigger && (body.payload.uid === uid || body.payload.bookingUid === uid));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${trigger} delivered for ${uid}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The keys every booking payload has, whatever the trigger (Cal.com's CalendarEvent + EventTypeInfo + booking id/status).
const BOOKING_PAYLOAD_KEYS = [
  "type",
  "title",
  "description",
  "additionalNotes",
  "customInputs",
  "startTime",
  "endTime",
  "organizer",
  "responses",
  "userFieldsResponses",
  "attendees",
  "location",
  "destinationCalendar",
  "uid",
  "iCalUID",
  "iCalSequence",
  "eventTypeId",
  "seatsPerTimeSlot",
  "seatsShowAttendees",
  "hideOrganizerEmail",
  "requiresConfirmation",
  "eventTitle",
  "eventDescription",
  "price",
  "currency",
  "length",
  "bookingId",
  "metadata",
  "status",
];

describe("booking lifecycle webhooks", () => {
  it("BOOKING_CREATED, BOOKING_RESCHEDULED and BOOKING_CANCELLED, each with the booking payload", async () => {
    const booker = attendee("Hook Booker");
    const created = await book({ start: at(monday, 0, 9), eventTypeId, attendee: booker, metadata: { ref: "abc" } });
    expect(created.status).toBe(201);
    const uid = created.body.data.uid;
    const createdEvent = await deliveredFor(uid, "BOOKING_CREATED");
    expect(Object.keys(createdEvent.payload)).toEqual(expect.arrayContaining(BOOKING_PAYLOAD_KEYS));
    expect(createdEvent.payload).toMatchObject({
      uid,
      status: "ACCEPTED",
      startTime: at(monday, 0, 9).replace(".000Z", "Z"),
      organizer: { id: host.userId, email: host.email, timeZone: "UTC", language: { locale: "en" } },
      attendees: [{ email: booker.email, name: "Hook Booker", firstName: "Hook", lastName: "Booker", timeZone: "Europe/Paris", utcOffset: expect.any(Number) }],
      responses: { name: { label: "your_name", value: "Hook Booker" }, email: { label: "email_address", value: booker.email } },
      metadata: { ref: "abc" },
      eventTypeId,
      bookingId: created.body.data.id,
    });

    const moved = await onBooking(uid, "/reschedule", { method: "POST", body: { start: at(monday, 0, 11), rescheduledBy: booker.email } });
    expect(moved.status).toBe(201);
    const rescheduled = await deliveredFor(moved.body.data.uid, "BOOKING_RESCHEDULED");
    expect(Object.keys(rescheduled.payload)).toEqual(expect.arrayContaining(BOOKING_PAYLOAD_KEYS));
    expect(rescheduled.payload).toMatchObject({
      status: "ACCEPTED",
      rescheduleUid: uid,
      rescheduleId: created.body.data.id,
      rescheduleStartTime: at(monday, 0, 9).replace(".000Z", "Z"),
      rescheduledBy: booker.email,
    });

    const cancel = await onBooking(moved.body.data.uid, "/cancel", { method: "POST", body: { cancellationReason: "No longer needed" } });
    expect(cancel.status).toBe(200);
    const cancelled = await deliveredFor(moved.body.data.uid, "BOOKING_CANCELLED");
    expect(Object.keys(cancelled.payload)).toEqual(expect.arrayContaining(BOOKING_PAYLOAD_KEYS));
    expect(cancelled.payload).toMatchObject({ status: "CANCELLED", cancellationReason: "No longer needed" });
  });

  it("BOOKING_REQUESTED for a pending booking; its reschedule is BOOKING_RESCHEDULED (not REQUESTED); confirm sends BOOKING_CREATED", async () => {
    const created = await book({ start: at(monday, 1, 9), eventTypeId: confirmTypeId, attendee: attendee() });
    const uid = created.body.data.uid;
    expect((await deliveredFor(uid, "BOOKING_REQUESTED")).payload).toMatchObject({ status: "PENDING", requiresConfirmation: true });

    const moved = await onBooking(uid, "/reschedule", { method: "POST", body: { start: at(monday, 1, 10) } });
    expect(moved.status).toBe(201);
    expect(moved.body.data.status).toBe("pending");
    expect((await deliveredFor(moved.body.data.uid, "BOOKING_RESCHEDULED")).payload).toMatchObject({ status: "PENDING", rescheduleUid: uid });

    expect((await onBooking(moved.body.data.uid, "/confirm", { method: "POST", key: host.apiKey })).status).toBe(200);
    expect((await deliveredFor(moved.body.data.uid, "BOOKING_CREATED")).payload).toMatchObject({ status: "ACCEPTED" });
    // No BOOKING_REQUESTED for the moved booking.
    const requested = (await waitForRequests(receiver, 1, 500))
      .map((r) => JSON.parse(r.body) as Delivered)
      .filter((b) => b.triggerEvent === "BOOKING_REQUESTED" && b.payload.uid === moved.body.data.uid);
    expect(requested).toEqual([]);
  });

  it("BOOKING_REJECTED on decline and BOOKING_NO_SHOW_UPDATED on mark-absent", async () => {
    const pending = await book({ start: at(monday, 1, 13), eventTypeId: confirmTypeId, attendee: attendee() });
    expect((await onBooking(pending.body.data.uid, "/decline", { method: "POST", key: host.apiKey, body: { reason: "Busy" } })).status).toBe(200);
    expect((await deliveredFor(pending.body.data.uid, "BOOKING_REJECTED")).payload).toMatchObject({ status: "REJECTED", rejectionReason: "Busy" });

    const booker = attendee("No Show");
    const booking = await book({ start: at(monday, 2, 9), eventTypeId, attendee: booker });
    await sql`UPDATE "Booking" SET "startTime" = now() - interval '1 hour', "endTime" = now() - interval '30 minutes' WHERE uid = ${booking.body.data.uid}`;
    const marked = await onBooking(booking.body.data.uid, "/mark-absent", {
      method: "POST",
      key: host.apiKey,
      body: { attendees: [{ email: booker.email, absent: true }] },
    });
    expect(marked.status).toBe(200);
    expect((await deliveredFor(booking.body.data.uid, "BOOKING_NO_SHOW_UPDATED")).payload).toEqual({
      message: `${booker.email} marked as no-show`,
      bookingUid: booking.body.data.uid,
      bookingId: booking.body.data.id,
      attendees: [{ email: booker.email, noShow: true }],
    });
  });
});
