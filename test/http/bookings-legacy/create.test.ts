import { beforeAll, describe, expect, it } from "vitest";
import { at, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { api } from "../../helpers/api";
import { CoreBookingSchema, legacyBody, legacyBook, NewBookingResponseSchema } from "./helpers";

let host: Host;
let eventTypeId: number;
const monday = futureMonday();

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
});

describe("POST /v2/bookings (legacy body, as the atoms Booker sends it)", () => {
  it("books anonymously with no version header: 201 and Cal.com's core booking", async () => {
    const body = legacyBody(eventTypeId, at(monday, 0, 10), {
      responses: { name: { firstName: "Bea", lastName: "Booker" }, email: "bea-first@example.com", notes: "hello" },
    });
    const res = await legacyBook(body);
    expect(res.status, res.text).toBe(201);
    const parsed = NewBookingResponseSchema.safeParse(res.body.data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(res.body.data).toMatchObject({
      status: "ACCEPTED",
      startTime: at(monday, 0, 10),
      endTime: at(monday, 0, 10, 30),
      eventTypeId,
      userId: host.userId,
      description: "hello",
      paymentRequired: false,
      attendees: [{ name: "Bea Booker", email: "bea-first@example.com", timeZone: "Europe/London" }],
    });
    // The same booking through the 2024-08-13 read.
    const read = await onBooking(res.body.data.uid, "");
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ id: res.body.data.id, status: "accepted", location: "integrations:daily" });
  });

  it("is served for 2024-06-11 and 2024-06-14 too", async () => {
    for (const [i, version] of ["2024-06-11", "2024-06-14"].entries()) {
      const res = await legacyBook(legacyBody(eventTypeId, at(monday, 1, 10 + i)), version);
      expect(res.status, res.text).toBe(201);
      expect(res.body.data.startTime).toBe(at(monday, 1, 10 + i));
    }
  });

  it("with rescheduleUid, moves the booking; GET /v2/bookings/{uid}/reschedule returns it first", async () => {
    const created = await legacyBook(legacyBody(eventTypeId, at(monday, 2, 10)));
    expect(created.status, created.text).toBe(201);
    const uid = created.body.data.uid;

    const forReschedule = await api(`/v2/bookings/${uid}/reschedule`);
    expect(forReschedule.status, forReschedule.text).toBe(200);
    expect(CoreBookingSchema.safeParse(forReschedule.body.data).success).toBe(true);
    expect(forReschedule.body.data).toMatchObject({ uid, startTime: at(monday, 2, 10), attendees: [{ email: created.body.data.attendees[0].email }] });

    // The Booker sends only the answers it shows when rescheduling: no name, no email.
    const moved = await legacyBook(
      legacyBody(eventTypeId, at(monday, 2, 14), { rescheduleUid: uid, responses: { location: { value: "integrations:daily", optionValue: "" } } }),
    );
    expect(moved.status, moved.text).toBe(201);
    expect(NewBookingResponseSchema.safeParse(moved.body.data).success).toBe(true);
    expect(moved.body.data).toMatchObject({ fromReschedule: uid, startTime: at(monday, 2, 14), status: "ACCEPTED" });
    const old = await onBooking(uid, "");
    expect(old.body.data).toMatchObject({ status: "cancelled", rescheduledToUid: moved.body.data.uid });
    expect(moved.body.data.attendees).toMatchObject([{ email: created.body.data.attendees[0].email }]);
  });

  it("cancels with the legacy body: handleCancelBooking's answer", async () => {
    const created = await legacyBook(legacyBody(eventTypeId, at(monday, 3, 10)));
    const uid = created.body.data.uid;
    const res = await api(`/v2/bookings/${uid}/cancel`, { method: "POST", body: { uid, cancellationReason: "No longer needed" } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toEqual({
      success: true,
      message: "Booking successfully cancelled.",
      bookingId: created.body.data.id,
      bookingUid: uid,
      onlyRemovedAttendee: false,
      isPlatformManagedUserBooking: false,
    });
    const read = await onBooking(uid, "");
    expect(read.body.data).toMatchObject({ status: "cancelled", cancellationReason: "No longer needed" });
  });

  it("the host cancels with its credentials and a reason (as the atoms do with an access token)", async () => {
    const created = await legacyBook(legacyBody(eventTypeId, at(monday, 3, 14)));
    const uid = created.body.data.uid;
    const res = await api(`/v2/bookings/${uid}/cancel`, {
      method: "POST",
      key: host.apiKey,
      version: "2024-06-14",
      body: { uid, cancellationReason: "Plans changed" },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toMatchObject({ success: true, bookingUid: uid });
    const read = await onBooking(uid, "");
    expect(read.body.data).toMatchObject({ status: "cancelled", cancellationReason: "Plans changed", cancelledByEmail: host.email });
  });

  it("POST /v2/bookings/recurring books the event type's occurrences", async () => {
    const recurring = (await createBookableEventType(host, { recurrence: { frequency: "weekly", interval: 1, occurrences: 3 } })).id;
    const starts = [0, 1, 2].map((w) => at(monday, 7 * w + 4, 9));
    const res = await api("/v2/bookings/recurring", {
      method: "POST",
      body: starts.map((start) => legacyBody(recurring, start, { recurringCount: 3 })),
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data.map((b: { startTime: string }) => b.startTime)).toEqual(starts);
    for (const booking of res.body.data) expect(NewBookingResponseSchema.safeParse(booking).success).toBe(true);
    expect(new Set(res.body.data.map((b: { recurringEventId: string }) => b.recurringEventId)).size).toBe(1);
  });
});
