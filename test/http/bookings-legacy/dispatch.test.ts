import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import { legacyBody, legacyBook } from "./helpers";

let host: Host;
let eventTypeId: number;
const monday = futureMonday(5);

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
});

describe("POST /v2/bookings and /cancel: the version header picks the controller", () => {
  it("2024-08-13 takes its own body and answers its own output; the legacy body is a 400 there", async () => {
    const res = await book({ start: at(monday, 0, 10), eventTypeId, attendee: attendee() });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("BookingsController_2024_08_13_createBooking", 201, res.body)).toEqual([]);
    expect(res.body.data.startTime).toBeUndefined();

    const legacyOn0813 = await legacyBook(legacyBody(eventTypeId, at(monday, 0, 11)), "2024-08-13");
    expect(legacyOn0813.status).toBe(400);
    expect(legacyOn0813.text).toContain("attendee");
  });

  it("no header (or an unknown one) is the legacy controller: a 2024-08-13 body is a 400 there", async () => {
    for (const version of [undefined, "2099-01-01"]) {
      const res = await legacyBook({ start: at(monday, 1, 10), eventTypeId, attendee: attendee() }, version);
      expect(res.status).toBe(400);
      expect(res.text).toContain("responses");
    }
    const unknownHeader = await legacyBook(legacyBody(eventTypeId, at(monday, 1, 11)), "2099-01-01");
    expect(unknownHeader.status, unknownHeader.text).toBe(201);
    expect(unknownHeader.body.data.startTime).toBe(at(monday, 1, 11));
  });

  it("cancel: 2024-08-13 answers the booking, the legacy versions handleCancelBooking's answer", async () => {
    const first = await legacyBook(legacyBody(eventTypeId, at(monday, 2, 10)));
    const second = await legacyBook(legacyBody(eventTypeId, at(monday, 2, 11)));
    const modern = await onBooking(first.body.data.uid, "/cancel", { method: "POST", body: { cancellationReason: "x" } });
    expect(modern.status, modern.text).toBe(200);
    expect(contractProblems("BookingsController_2024_08_13_cancelBooking", 200, modern.body)).toEqual([]);
    expect(modern.body.data).toMatchObject({ uid: first.body.data.uid, status: "cancelled" });
    const legacy = await api(`/v2/bookings/${second.body.data.uid}/cancel`, { method: "POST", version: "2024-06-14", body: { cancellationReason: "y" } });
    expect(legacy.status, legacy.text).toBe(200);
    expect(legacy.body.data).toMatchObject({ success: true, bookingUid: second.body.data.uid });
  });

  it("GET /v2/bookings/{uid}/reschedule is legacy only (2024-08-13 has no such route)", async () => {
    const created = await legacyBook(legacyBody(eventTypeId, at(monday, 3, 10)));
    const res = await api(`/v2/bookings/${created.body.data.uid}/reschedule`, { version: "2024-08-13" });
    expect(res.status).toBe(404);
  });
});
