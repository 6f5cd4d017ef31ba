import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, createBookableEventType, createHost, futureMonday, type Host } from "../../helpers/bookings";
import { legacyBody, legacyBook } from "./helpers";

let host: Host;
let eventTypeId: number;
const monday = futureMonday(4);

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
});

const expectLegacyError = (res: { status: number; text: string; body: any }, message: string) => {
  expect(res.status, res.text).toBe(400);
  expect(res.body).toMatchObject({ status: "error", error: { message } });
};

describe("legacy booking errors keep Cal.com's core codes (400)", () => {
  it("a taken slot and time outside the schedule are no_available_users_found_error", async () => {
    expect((await legacyBook(legacyBody(eventTypeId, at(monday, 0, 11)))).status).toBe(201);
    expectLegacyError(await legacyBook(legacyBody(eventTypeId, at(monday, 0, 11))), "no_available_users_found_error");
    expectLegacyError(await legacyBook(legacyBody(eventTypeId, at(monday, 5, 11))), "no_available_users_found_error");
  });

  it("an unknown event type is event_type_not_found_error", async () => {
    expectLegacyError(await legacyBook(legacyBody(2_000_000_000, at(monday, 0, 12))), "event_type_not_found_error");
  });

  it("unknown bookings are booking_not_found_error (reschedule, booking for reschedule, cancel)", async () => {
    expectLegacyError(await legacyBook(legacyBody(eventTypeId, at(monday, 0, 13), { rescheduleUid: "no-such-booking" })), "booking_not_found_error");
    expectLegacyError(await api("/v2/bookings/no-such-booking/reschedule"), "booking_not_found_error");
    expectLegacyError(await api("/v2/bookings/no-such-booking/cancel", { method: "POST", body: {} }), "booking_not_found_error");
  });

  it("cancelling twice, and rescheduling a cancelled booking, are refused", async () => {
    const created = await legacyBook(legacyBody(eventTypeId, at(monday, 1, 11)));
    const uid = created.body.data.uid;
    expect((await api(`/v2/bookings/${uid}/cancel`, { method: "POST", body: { uid } })).status).toBe(200);
    expectLegacyError(await api(`/v2/bookings/${uid}/cancel`, { method: "POST", body: { uid } }), "This booking has already been cancelled.");
    expectLegacyError(await legacyBook(legacyBody(eventTypeId, at(monday, 1, 13), { rescheduleUid: uid })), "cancelled_bookings_cannot_be_rescheduled");
  });

  it("instant meetings are for team event types only", async () => {
    expectLegacyError(
      await api("/v2/bookings/instant", { method: "POST", body: legacyBody(eventTypeId, at(monday, 2, 11)) }),
      "Only Team Event Types are supported for Instant Meeting",
    );
  });

  it("a bad body is a 400 naming the field", async () => {
    const res = await legacyBook({ ...legacyBody(eventTypeId, at(monday, 2, 12)), responses: { name: "X" } });
    expect(res.status).toBe(400);
    expect(res.text).toContain("responses.email");
    const anonymous = await legacyBook({ ...legacyBody(eventTypeId, at(monday, 2, 12)), responses: {} });
    expect(anonymous.status).toBe(400);
    expect(anonymous.text).toContain("responses.name");
  });
});

describe("holds (POST /v2/slots/reserve) do not block legacy bookings, as in Cal.com's handleNewBooking", () => {
  it("books and reschedules onto slots held by a reservation the request does not carry", async () => {
    const hold = (start: string) =>
      api("/v2/slots/reserve", {
        method: "POST",
        body: { eventTypeId, slotUtcStartDate: start, slotUtcEndDate: new Date(Date.parse(start) + 1_800_000).toISOString() },
      });
    expect((await hold(at(monday, 3, 10))).status).toBe(201);
    const created = await legacyBook(legacyBody(eventTypeId, at(monday, 3, 10)));
    expect(created.status, created.text).toBe(201);
    expect((await hold(at(monday, 3, 12))).status).toBe(201);
    const moved = await legacyBook(legacyBody(eventTypeId, at(monday, 3, 12), { rescheduleUid: created.body.data.uid }));
    expect(moved.status, moved.text).toBe(201);
  });
});
