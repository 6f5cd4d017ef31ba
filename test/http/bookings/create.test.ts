import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";

let host: Host;
let eventTypeId: number;
const monday = futureMonday();

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
});

describe("POST /v2/bookings (2024-08-13)", () => {
  it("books an offered slot: 201 with Cal.com's booking output, readable by uid", async () => {
    const booker = attendee();
    const res = await book({ start: at(monday, 0, 10), eventTypeId, attendee: booker, metadata: { source: "test" } });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("BookingsController_2024_08_13_createBooking", 201, res.body)).toEqual([]);
    const data = res.body.data;
    expect(data).toMatchObject({
      status: "accepted",
      start: at(monday, 0, 10),
      end: at(monday, 0, 10, 30),
      duration: 30,
      eventTypeId,
      hosts: [{ id: host.userId, email: host.email }],
      attendees: [{ name: booker.name, email: booker.email, timeZone: "Europe/Paris", absent: false }],
      metadata: { source: "test" },
      location: "integrations:daily",
    });
    const read = await onBooking(data.uid, "");
    expect(read.status).toBe(200);
    expect(contractProblems("BookingsController_2024_08_13_getBooking", 200, read.body)).toEqual([]);
    expect(read.body.data).toEqual(data);
  });
});
