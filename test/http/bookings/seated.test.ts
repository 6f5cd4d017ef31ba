import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import { sql } from "../../helpers/fixtures";

let host: Host;
let hiddenSeats: number;
let shownSeats: number;
const monday = futureMonday(9);

beforeAll(async () => {
  host = await createHost();
  hiddenSeats = (await createBookableEventType(host, { seats: { seatsPerTimeSlot: 3, showAttendeeInfo: false, showAvailabilityCount: true } })).id;
  shownSeats = (await createBookableEventType(host, { seats: { seatsPerTimeSlot: 2, showAttendeeInfo: true, showAvailabilityCount: true } })).id;
});

const seatsTaken = async (start: string) =>
  (
    await sql<{ n: number }>`SELECT count(a.id)::int AS n FROM "Booking" b JOIN "Attendee" a ON a."bookingId" = b.id
      WHERE b."userId" = ${host.userId} AND b."startTime" = ${new Date(start)} AND b.status = 'accepted'`
  )[0]!.n;

describe("seated event types", () => {
  it("bookers share one booking, each with a seat; the third is refused when seats run out (409)", async () => {
    const start = at(monday, 0, 9);
    const first = await book({ start, eventTypeId: shownSeats, attendee: attendee("Seat One"), bookingFieldsResponses: { notes: "hi" } });
    expect(first.status, first.text).toBe(201);
    expect(contractProblems("BookingsController_2024_08_13_createBooking", 201, first.body)).toEqual([]);
    expect(first.body.data.seatUid).toEqual(expect.any(String));
    const second = await book({ start, eventTypeId: shownSeats, attendee: attendee("Seat Two") });
    expect(second.status).toBe(201);
    expect(second.body.data.uid).toBe(first.body.data.uid);
    expect(second.body.data.attendees.map((a: { seatUid: string }) => a.seatUid)).toEqual([first.body.data.seatUid, second.body.data.seatUid]);
    // Each seat's own answers, without the email (Cal.com).
    expect(second.body.data.attendees[0].bookingFieldsResponses).toMatchObject({ name: "Seat One", notes: "hi" });
    expect(second.body.data.attendees[0].bookingFieldsResponses.email).toBeUndefined();
    const third = await book({ start, eventTypeId: shownSeats, attendee: attendee("Seat Three") });
    expect(third.status).toBe(409);
    expect(third.body.error.message).toBe("No more seats left at this seated booking.");
  });

  it("the same attendee cannot take two seats of one slot", async () => {
    const booker = attendee("Twice");
    const start = at(monday, 0, 10);
    expect((await book({ start, eventTypeId: shownSeats, attendee: booker })).status).toBe(201);
    const again = await book({ start, eventTypeId: shownSeats, attendee: booker });
    expect(again.status).toBe(409);
  });

  it("attendees are hidden from others unless the event type shows them; the owner always sees them", async () => {
    const start = at(monday, 0, 11);
    const a = await book({ start, eventTypeId: hiddenSeats, attendee: attendee("Hidden A") });
    const b = await book({ start, eventTypeId: hiddenSeats, attendee: attendee("Hidden B") });
    expect(b.status).toBe(201);
    // The booker sees their own seat only.
    expect(b.body.data.attendees.map((x: { name: string }) => x.name)).toEqual(["Hidden B"]);
    const anonymous = await onBooking(a.body.data.uid, "");
    expect(anonymous.body.data.attendees).toEqual([]);
    const owner = await onBooking(a.body.data.uid, "", { key: host.apiKey });
    expect(owner.body.data.attendees.map((x: { name: string }) => x.name)).toEqual(["Hidden A", "Hidden B"]);
    expect(contractProblems("BookingsController_2024_08_13_getBooking", 200, owner.body)).toEqual([]);
  });

  it("2 seats, 10 concurrent bookers: exactly 2 seats taken", async () => {
    const start = at(monday, 1, 9);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => book({ start, eventTypeId: shownSeats, attendee: attendee(`Crowd ${i}`) })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, results.map((r) => r.text).join("\n")).toEqual([201, 201, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(await seatsTaken(start)).toBe(2);
    const bookings = await sql<{ n: number }>`SELECT count(*)::int AS n FROM "Booking" WHERE "userId" = ${host.userId} AND "startTime" = ${new Date(start)}`;
    expect(bookings[0]!.n).toBe(1);
  });

  it("cancel one seat frees it; only the host cancels every seat (401 otherwise)", async () => {
    const start = at(monday, 2, 9);
    const one = await book({ start, eventTypeId: shownSeats, attendee: attendee("Leaver") });
    const two = await book({ start, eventTypeId: shownSeats, attendee: attendee("Stayer") });
    const uid = one.body.data.uid;
    const whole = await onBooking(uid, "/cancel", { method: "POST", body: {} });
    expect(whole.status).toBe(401);
    expect(whole.body.error.message).toBe("User not a host of this event");
    const wrongSeat = await onBooking(uid, "/cancel", { method: "POST", body: { seatUid: "not-a-seat" } });
    expect(wrongSeat.status).toBe(400);
    const seat = await onBooking(uid, "/cancel", { method: "POST", body: { seatUid: one.body.data.seatUid } });
    expect(seat.status, seat.text).toBe(200);
    expect(seat.body.data.status).toBe("accepted");
    expect(seat.body.data.attendees.map((a: { seatUid: string }) => a.seatUid)).toEqual([two.body.data.seatUid]);
    expect(await seatsTaken(start)).toBe(1);
    const hostCancel = await onBooking(uid, "/cancel", { method: "POST", body: { cancellationReason: "Cancelled for all" }, key: host.apiKey });
    expect(hostCancel.status).toBe(200);
    expect(hostCancel.body.data.status).toBe("cancelled");
  });

  it("reschedule moves one seat (seatUid) to another slot, keeping its uid; without seatUid it is a 400", async () => {
    const start = at(monday, 3, 9);
    const one = await book({ start, eventTypeId: shownSeats, attendee: attendee("Mover") });
    await book({ start, eventTypeId: shownSeats, attendee: attendee("Sitter") });
    const noSeat = await onBooking(one.body.data.uid, "/reschedule", { method: "POST", body: { start: at(monday, 3, 11) } });
    expect(noSeat.status).toBe(400);
    expect(noSeat.body.error.message).toContain("is a seated booking which means you have to provide seatUid");
    const moved = await onBooking(one.body.data.uid, "/reschedule", { method: "POST", body: { start: at(monday, 3, 11), seatUid: one.body.data.seatUid } });
    expect(moved.status, moved.text).toBe(201);
    expect(contractProblems("BookingsController_2024_08_13_rescheduleBooking", 201, moved.body)).toEqual([]);
    expect(moved.body.data).toMatchObject({ start: at(monday, 3, 11), seatUid: one.body.data.seatUid });
    expect(await seatsTaken(start)).toBe(1);
    expect(await seatsTaken(at(monday, 3, 11))).toBe(1);
  });
});
