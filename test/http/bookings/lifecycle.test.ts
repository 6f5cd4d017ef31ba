import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import { sql } from "../../helpers/fixtures";

let host: Host;
let stranger: Host;
let eventTypeId: number;
let confirmTypeId: number;
let recurringTypeId: number;
const monday = futureMonday(8);

beforeAll(async () => {
  host = await createHost();
  stranger = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
  confirmTypeId = (await createBookableEventType(host, { confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: false } })).id;
  recurringTypeId = (await createBookableEventType(host, { recurrence: { frequency: "weekly", interval: 1, occurrences: 3 } })).id;
});

const create = async (start: string, typeId = eventTypeId) => {
  const res = await book({ start, eventTypeId: typeId, attendee: attendee() });
  expect(res.status, res.text).toBe(201);
  return res.body.data;
};
const post = (uid: string, action: string, body: unknown, key?: string) => onBooking(uid, `/${action}`, { method: "POST", body, key });

describe("POST /v2/bookings/{uid}/cancel", () => {
  it("anyone holding the uid cancels (200, Cal.com's output); the slot is free again; a second cancel is a 400", async () => {
    const booking = await create(at(monday, 0, 9));
    const res = await post(booking.uid, "cancel", { cancellationReason: "Something came up" });
    expect(res.status, res.text).toBe(200);
    expect(contractProblems("BookingsController_2024_08_13_cancelBooking", 200, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({ uid: booking.uid, status: "cancelled", cancellationReason: "Something came up" });
    expect((await book({ start: at(monday, 0, 9), eventTypeId, attendee: attendee() })).status).toBe(201);
    const again = await post(booking.uid, "cancel", {});
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe(
      `Can't cancel booking with uid=${booking.uid} because it has been cancelled already. Please provide uid of a booking that is not cancelled.`,
    );
  });

  it("the host must give a reason; with one, cancelledByEmail is theirs", async () => {
    const booking = await create(at(monday, 0, 10));
    const noReason = await post(booking.uid, "cancel", {}, host.apiKey);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe("Cancellation reason is required when you are the host");
    const res = await post(booking.uid, "cancel", { cancellationReason: "Ill" }, host.apiKey);
    expect(res.status).toBe(200);
    expect(res.body.data.cancelledByEmail).toBe(host.email);
  });

  it("unknown uid 404; bad body 400", async () => {
    const missing = await post("no-such-booking", "cancel", {});
    expect(missing.status).toBe(404);
    const bad = await post("no-such-booking", "cancel", { cancellationReason: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^cancellationReason - /);
  });

  it("recurring: an occurrence with cancelSubsequentBookings cancels it and the later ones; the recurring uid cancels the rest", async () => {
    const series = await create(at(monday, 1, 9), recurringTypeId);
    expect(series).toHaveLength(3);
    const res = await post(series[1].uid, "cancel", { cancelSubsequentBookings: true, cancellationReason: "Done" });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.map((b: { status: string }) => b.status)).toEqual(["accepted", "cancelled", "cancelled"]);
    const all = await post(series[0].recurringBookingUid, "cancel", { cancellationReason: "All of it" });
    expect(all.status, all.text).toBe(200);
    expect(all.body.data.map((b: { status: string }) => b.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
  });
});

describe("POST /v2/bookings/{uid}/reschedule", () => {
  it("201: a new booking linked both ways; the old one is cancelled and its time free", async () => {
    const old = await create(at(monday, 2, 9));
    const res = await post(old.uid, "reschedule", { start: at(monday, 2, 11), reschedulingReason: "Clash" });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("BookingsController_2024_08_13_rescheduleBooking", 201, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({ start: at(monday, 2, 11), status: "accepted", rescheduledFromUid: old.uid, reschedulingReason: "Clash" });
    expect(res.body.data.attendees).toEqual(old.attendees);
    const before = await onBooking(old.uid, "");
    expect(before.body.data).toMatchObject({ status: "cancelled", rescheduledToUid: res.body.data.uid });
    expect((await book({ start: at(monday, 2, 9), eventTypeId, attendee: attendee() })).status).toBe(201);
  });

  it("to a slot that overlaps its own current time (the booking does not block itself)", async () => {
    const old = await create(at(monday, 2, 13));
    const res = await post(old.uid, "reschedule", { start: at(monday, 2, 13, 30) });
    expect(res.status, res.text).toBe(201);
  });

  it("a taken target is a 409; a cancelled or already rescheduled booking is a 400", async () => {
    const a = await create(at(monday, 3, 9));
    const b = await create(at(monday, 3, 10));
    const clash = await post(a.uid, "reschedule", { start: at(monday, 3, 10) });
    expect(clash.status).toBe(409);
    const moved = await post(a.uid, "reschedule", { start: at(monday, 3, 11) });
    expect(moved.status).toBe(201);
    const twice = await post(a.uid, "reschedule", { start: at(monday, 3, 12) });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain(`has been cancelled and rescheduled already to booking with uid=${moved.body.data.uid}`);
    await post(b.uid, "cancel", { cancellationReason: "x" });
    const cancelled = await post(b.uid, "reschedule", { start: at(monday, 3, 13) });
    expect(cancelled.status).toBe(400);
    expect(cancelled.body.error.message).toContain("because it has been cancelled. Please provide uid of a booking that is not cancelled.");
    const missing = await post(b.uid, "reschedule", {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^start - /);
  });
});

describe("POST /v2/bookings/{uid}/confirm and /decline", () => {
  it("only the host confirms: 401 anonymous, 403 another user, 200 the host; then 400 already confirmed", async () => {
    const booking = await create(at(monday, 4, 9), confirmTypeId);
    expect(booking.status).toBe("pending");
    expect((await post(booking.uid, "confirm", undefined)).status).toBe(401);
    const other = await post(booking.uid, "confirm", undefined, stranger.apiKey);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe("User is not authorized to confirm this booking");
    const res = await post(booking.uid, "confirm", undefined, host.apiKey);
    expect(res.status, res.text).toBe(200);
    expect(contractProblems("BookingsController_2024_08_13_confirmBooking", 200, res.body)).toEqual([]);
    expect(res.body.data.status).toBe("accepted");
    const again = await post(booking.uid, "confirm", undefined, host.apiKey);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe("Booking already confirmed");
  });

  it("two pending requests for one slot: the first confirmed wins, confirming the second is a 409", async () => {
    const first = await create(at(monday, 4, 10), confirmTypeId);
    const second = await create(at(monday, 4, 10), confirmTypeId);
    expect((await post(first.uid, "confirm", undefined, host.apiKey)).status).toBe(200);
    const clash = await post(second.uid, "confirm", undefined, host.apiKey);
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toBe("User either already has booking at this time or is not available");
  });

  it("decline: the host rejects with a reason", async () => {
    const booking = await create(at(monday, 4, 11), confirmTypeId);
    const other = await post(booking.uid, "decline", { reason: "no" }, stranger.apiKey);
    expect(other.status).toBe(403);
    const res = await post(booking.uid, "decline", { reason: "Fully booked" }, host.apiKey);
    expect(res.status, res.text).toBe(200);
    expect(contractProblems("BookingsController_2024_08_13_declineBooking", 200, res.body)).toEqual([]);
    expect(res.body.data.status).toBe("rejected");
    expect((await sql<{ r: string }>`SELECT "rejectionReason" AS r FROM "Booking" WHERE uid = ${booking.uid}`)[0]!.r).toBe("Fully booked");
    expect((await post(booking.uid, "confirm", undefined, host.apiKey)).status).toBe(400);
  });

  it("unknown uid is a 404", async () => {
    expect((await post("nope-nope", "confirm", undefined, host.apiKey)).status).toBe(404);
  });
});

describe("POST /v2/bookings/{uid}/mark-absent", () => {
  it("before the start: 400; after it, the host marks the host and attendees absent", async () => {
    const booking = await create(at(monday, 4, 14));
    const early = await post(booking.uid, "mark-absent", { host: true }, host.apiKey);
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/^Bookings can only be marked as absent after their scheduled start time\./);
    // The booking is moved into the past in the database (the API never books the past).
    await sql`UPDATE "Booking" SET "startTime" = now() - interval '2 hours', "endTime" = now() - interval '90 minutes' WHERE uid = ${booking.uid}`;
    const other = await post(booking.uid, "mark-absent", { host: true }, stranger.apiKey);
    expect(other.status).toBe(403);
    const res = await post(booking.uid, "mark-absent", { host: true, attendees: [{ email: booking.attendees[0].email, absent: true }] }, host.apiKey);
    expect(res.status, res.text).toBe(200);
    expect(contractProblems("BookingsController_2024_08_13_markNoShow", 200, res.body)).toEqual([]);
    expect(res.body.data.absentHost).toBe(true);
    expect(res.body.data.attendees[0].absent).toBe(true);
    const bad = await post(booking.uid, "mark-absent", { attendees: [{ email: "x" }] }, host.apiKey);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("attendees.0.");
  });
});
