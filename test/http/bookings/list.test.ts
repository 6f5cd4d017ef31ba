import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, V, type Host } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import { sql } from "../../helpers/fixtures";

const LIST = "BookingsController_2024_08_13_getBookings";
let host: Host;
let other: Host;
let typeA: number;
let typeB: number;
const monday = futureMonday(10);
const uids: Record<string, string> = {};

const list = (query = "", key = host.apiKey) => api(`/v2/bookings${query}`, { version: V, key });

beforeAll(async () => {
  host = await createHost();
  other = await createHost();
  typeA = (await createBookableEventType(host)).id;
  typeB = (await createBookableEventType(host, { confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: false } })).id;
  const make = async (name: string, start: string, eventTypeId: number, who = attendee(name)) => {
    const res = await book({ start, eventTypeId, attendee: who });
    expect(res.status, res.text).toBe(201);
    uids[name] = res.body.data.uid;
  };
  await make("Alice Upcoming", at(monday, 0, 9), typeA);
  await make("Bob Pending", at(monday, 0, 10), typeB);
  await make("Carol Cancelled", at(monday, 0, 11), typeA);
  await make("Dave Past", at(monday, 1, 9), typeA);
  // The other tenant books the host's event type as an attendee, with their own email.
  await make("Other As Attendee", at(monday, 1, 10), typeA, { name: "Other", email: other.email, timeZone: "UTC" });
  expect((await onBooking(uids["Carol Cancelled"]!, "/cancel", { method: "POST", body: { cancellationReason: "x" } })).status).toBe(200);
  await sql`UPDATE "Booking" SET "startTime" = now() - interval '3 days', "endTime" = now() - interval '3 days' + interval '30 minutes' WHERE uid = ${uids["Dave Past"]!}`;
});

const names = (res: { body: any }) => res.body.data.map((b: { attendees: { name: string }[] }) => b.attendees[0]!.name);

describe("GET /v2/bookings", () => {
  it("the host's bookings with Cal.com's pagination meta, validated against the contract", async () => {
    const res = await list();
    expect(res.status, res.text).toBe(200);
    expect(contractProblems(LIST, 200, res.body)).toEqual([]);
    expect(res.body.data).toHaveLength(5);
    expect(res.body.pagination).toEqual({
      returnedItems: 5,
      totalItems: 5,
      itemsPerPage: 100,
      remainingItems: 0,
      currentPage: 1,
      totalPages: 1,
      hasNextPage: false,
      hasPreviousPage: false,
    });
  });

  it("status filters (comma list): upcoming, unconfirmed, cancelled, past", async () => {
    expect(names(await list("?status=upcoming")).sort()).toEqual(["Alice Upcoming", "Bob Pending", "Other"]);
    expect(names(await list("?status=unconfirmed"))).toEqual(["Bob Pending"]);
    expect(names(await list("?status=cancelled"))).toEqual(["Carol Cancelled"]);
    expect(names(await list("?status=past"))).toEqual(["Dave Past"]);
    expect(names(await list("?status=past,cancelled")).sort()).toEqual(["Carol Cancelled", "Dave Past"]);
  });

  it("filters by attendee, event type, uid and dates", async () => {
    expect(names(await list(`?attendeeEmail=${encodeURIComponent(other.email)}`))).toEqual(["Other"]);
    expect(names(await list("?attendeeName=bob%20pending"))).toEqual(["Bob Pending"]);
    expect(names(await list(`?eventTypeId=${typeB}`))).toEqual(["Bob Pending"]);
    expect((await list(`?eventTypeIds=${typeA},${typeB}`)).body.data).toHaveLength(5);
    expect(names(await list(`?bookingUid=${uids["Alice Upcoming"]}`))).toEqual(["Alice Upcoming"]);
    expect(names(await list(`?afterStart=${encodeURIComponent(at(monday, 1, 0))}`))).toEqual(["Other"]);
    expect(names(await list(`?beforeEnd=${encodeURIComponent(at(monday, 0, 9, 30))}`)).sort()).toEqual(["Alice Upcoming", "Dave Past"]);
    expect((await list("?teamId=5")).body.data).toEqual([]);
  });

  it("sorting and skip/take pagination", async () => {
    const asc = names(await list("?status=upcoming&sortStart=asc"));
    const desc = names(await list("?status=upcoming&sortStart=desc"));
    expect(desc).toEqual([...asc].reverse());
    const page = await list("?take=2&skip=2&sortStart=asc");
    expect(page.body.data).toHaveLength(2);
    expect(page.body.pagination).toEqual({
      returnedItems: 2,
      totalItems: 5,
      itemsPerPage: 2,
      remainingItems: 1,
      currentPage: 2,
      totalPages: 3,
      hasNextPage: true,
      hasPreviousPage: true,
    });
  });

  it("an attendee sees the bookings they attend, not the host's others", async () => {
    const res = await list("", other.apiKey);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(["Other"]);
  });

  it("bad query parameters are 400s naming them", async () => {
    for (const [query, field] of [
      ["?take=0", "take"],
      ["?take=251", "take"],
      ["?skip=-1", "skip"],
      ["?status=someday", "status"],
      ["?sortStart=up", "sortStart"],
      ["?afterStart=yesterday", "afterStart"],
      ["?eventTypeIds=1,x", "eventTypeIds"],
    ]) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message, query).toContain(field);
    }
  });
});
