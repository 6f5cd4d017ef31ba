import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import { sql } from "../../helpers/fixtures";

const CREATE = "BookingsController_2024_08_13_createBooking";
let host: Host;
const monday = futureMonday(6);

beforeAll(async () => {
  host = await createHost();
});

describe("POST /v2/bookings: what the booker sends is stored and answered as Cal.com does", () => {
  it("guests, booking field responses (notes become the description), location, by username + slug", async () => {
    const { id, slug } = await createBookableEventType(host, {
      locations: [{ type: "address", address: "1 Main St", public: true }, { type: "attendeePhone" }],
      bookingFields: [{ type: "text", slug: "company", label: "Company", required: true }],
    });
    const booker = attendee("Guest Host");
    const res = await book({
      start: at(monday, 0, 9),
      eventTypeSlug: slug,
      username: host.username,
      attendee: { ...booker, phoneNumber: "+14155550123", language: "fr" },
      guests: ["g1@example.com", "g2@example.com", "g1@example.com"],
      bookingFieldsResponses: { company: "Acme", notes: "Bring slides" },
      location: { type: "attendeePhone", phone: "+14155550199" },
    });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems(CREATE, 201, res.body)).toEqual([]);
    const data = res.body.data;
    expect(data.eventTypeId).toBe(id);
    expect(data.description).toBe("Bring slides");
    expect(data.location).toBe("+14155550199");
    expect(data.guests).toEqual(["g1@example.com", "g2@example.com"]);
    expect(data.attendees.map((a: { email: string }) => a.email)).toEqual([booker.email, "g1@example.com", "g2@example.com"]);
    expect(data.attendees[0]).toMatchObject({ language: "fr", phoneNumber: "+14155550123" });
    expect(data.bookingFieldsResponses).toMatchObject({
      company: "Acme",
      notes: "Bring slides",
      name: booker.name,
      email: booker.email,
      guests: ["g1@example.com", "g2@example.com"],
      location: { value: "phone", optionValue: "+14155550199" },
    });
    expect(data.title).toBe(`Intro call between User ${host.username.slice(5)} and Guest Host`);

    // The organizer-defined address: the event type's value.
    const address = await book({
      start: at(monday, 0, 10),
      eventTypeId: id,
      attendee: attendee(),
      bookingFieldsResponses: { company: "B" },
      location: { type: "address" },
    });
    expect(address.status, address.text).toBe(201);
    expect(address.body.data.location).toBe("1 Main St");
  });

  it("a location type the event type does not offer is a 400 naming the allowed types", async () => {
    const { id } = await createBookableEventType(host);
    const res = await book({ start: at(monday, 0, 11), eventTypeId: id, attendee: attendee(), location: { type: "address" } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("Booking location with type address not valid for event type");
    expect(res.body.error.message).toContain("integration");
  });

  it("lengthInMinutes books one of the event type's lengths; another length or none allowed is a 400", async () => {
    const multi = await createBookableEventType(host, { lengthInMinutes: 30, lengthInMinutesOptions: [15, 30, 60] });
    const res = await book({ start: at(monday, 1, 9), eventTypeId: multi.id, attendee: attendee(), lengthInMinutes: 60 });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data).toMatchObject({ duration: 60, end: at(monday, 1, 10) });
    const bad = await book({ start: at(monday, 1, 11), eventTypeId: multi.id, attendee: attendee(), lengthInMinutes: 45 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      "Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: 15, 30, 60",
    );
    const single = await createBookableEventType(host);
    const none = await book({ start: at(monday, 1, 12), eventTypeId: single.id, attendee: attendee(), lengthInMinutes: 30 });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain("Can't specify 'lengthInMinutes'");
  });

  it("requires confirmation: the booking is pending, and does not block the slot unless the event type says so", async () => {
    const { id } = await createBookableEventType(host, { confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: false } });
    const first = await book({ start: at(monday, 2, 9), eventTypeId: id, attendee: attendee() });
    expect(first.status, first.text).toBe(201);
    expect(first.body.data.status).toBe("pending");
    const second = await book({ start: at(monday, 2, 9), eventTypeId: id, attendee: attendee() });
    expect(second.status).toBe(201);
    expect(second.body.data.status).toBe("pending");
  });

  it("recurring event types: one booking per occurrence, sharing recurringBookingUid; the recurring uid reads the series", async () => {
    const { id } = await createBookableEventType(host, { recurrence: { frequency: "weekly", interval: 1, occurrences: 4 } });
    const res = await book({ start: at(monday, 3, 9), eventTypeId: id, attendee: attendee(), recurrenceCount: 3 });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems(CREATE, 201, res.body)).toEqual([]);
    expect(res.body.data.map((b: { start: string }) => b.start)).toEqual([at(monday, 3, 9), at(monday, 10, 9), at(monday, 17, 9)]);
    const recurringUid = res.body.data[0].recurringBookingUid;
    expect(res.body.data.every((b: { recurringBookingUid: string }) => b.recurringBookingUid === recurringUid)).toBe(true);
    const series = await onBooking(recurringUid, "");
    expect(series.status).toBe(200);
    expect(contractProblems("BookingsController_2024_08_13_getBooking", 200, series.body)).toEqual([]);
    expect(series.body.data).toHaveLength(3);
    const tooMany = await book({ start: at(monday, 4, 9), eventTypeId: id, attendee: attendee(), recurrenceCount: 5 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe("Provided recurrence count is higher than the event type's recurring event count.");
  });

  it("a reservation: the booker's own hold (body reservedSlotUid or the uid cookie) does not block them and is released", async () => {
    const { id } = await createBookableEventType(host);
    const hold = async (uid: string, start: string) =>
      sql`INSERT INTO "SelectedSlots" ("eventTypeId", "userId", "slotUtcStartDate", "slotUtcEndDate", "uid", "releaseAt")
          VALUES (${id}, ${host.userId}, ${new Date(start)}, ${new Date(Date.parse(start) + 1_800_000)}, ${uid}, ${new Date(Date.now() + 300_000)})`;
    const start = at(monday, 4, 13);
    await hold("hold-mine", start);
    const blocked = await book({ start, eventTypeId: id, attendee: attendee() });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toMatch(/^Someone else reserved this slot before you\. This slot will be freed up in \d+ seconds\.$/);
    const mine = await book({ start, eventTypeId: id, attendee: attendee(), reservedSlotUid: "hold-mine" });
    expect(mine.status, mine.text).toBe(201);
    expect(await sql`SELECT 1 FROM "SelectedSlots" WHERE "uid" = 'hold-mine'`).toEqual([]);

    const next = at(monday, 4, 14);
    await hold("hold-cookie", next);
    const viaCookie = await book({ start: next, eventTypeId: id, attendee: attendee() }, { headers: { cookie: "uid=hold-cookie" } });
    expect(viaCookie.status, viaCookie.text).toBe(201);
  });

  it("an anonymous booker and an API-key caller get the same booking output", async () => {
    const { id } = await createBookableEventType(host);
    const anonymous = await book({ start: at(monday, 4, 15), eventTypeId: id, attendee: attendee() });
    const withKey = await book({ start: at(monday, 4, 16), eventTypeId: id, attendee: attendee() }, { key: host.apiKey });
    expect(anonymous.status).toBe(201);
    expect(withKey.status).toBe(201);
    expect(Object.keys(withKey.body.data).sort()).toEqual(Object.keys(anonymous.body.data).sort());
  });

  it("under another API version the 2024-08-13 operation is not served", async () => {
    const res = await api("/v2/bookings", { method: "POST", version: "2024-09-04", body: {} });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe("Cannot POST /v2/bookings");
  });
});
