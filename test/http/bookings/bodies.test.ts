import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, V, type Host } from "../../helpers/bookings";

let host: Host;
let eventTypeId: number;
const monday = futureMonday(14);

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
});

describe("request bodies the contract makes optional", () => {
  it("cancel without any body (no content type) cancels", async () => {
    const created = await book({ start: at(monday, 0, 9), eventTypeId, attendee: attendee() });
    const res = await api(`/v2/bookings/${created.body.data.uid}/cancel`, { method: "POST", version: V });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.status).toBe("cancelled");
  });

  it("reschedule without a body is a 400, never a 500", async () => {
    const created = await book({ start: at(monday, 0, 10), eventTypeId, attendee: attendee() });
    const res = await api(`/v2/bookings/${created.body.data.uid}/reschedule`, { method: "POST", version: V });
    expect(res.status, res.text).toBe(400);
  });

  it("create without a body is a 400", async () => {
    const res = await api("/v2/bookings", { method: "POST", version: V });
    expect(res.status, res.text).toBe(400);
  });

  it("decline and mark-absent without a body are read as empty", async () => {
    const created = await book({ start: at(monday, 0, 11), eventTypeId, attendee: attendee() });
    const decline = await api(`/v2/bookings/${created.body.data.uid}/decline`, { method: "POST", version: V, key: host.apiKey });
    expect(decline.status, decline.text).toBe(400);
    expect(decline.body.error.message).toBe("Booking already confirmed");
    const absent = await api(`/v2/bookings/${created.body.data.uid}/mark-absent`, { method: "POST", version: V, key: host.apiKey });
    expect(absent.status, absent.text).toBe(400);
    expect(absent.body.error.message).toMatch(/^Bookings can only be marked as absent after their scheduled start time/);
  });
});
