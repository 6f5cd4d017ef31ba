import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { sql } from "../../helpers/fixtures";
import { bookingHostRows, createEventTypeForAllHosts, createTeamWithHosts, type TeamWithHosts } from "../../helpers/team-bookings";

const monday = futureMonday(7);

// The contract's ReassignBookingOutput_2024_08_13 refers to itself as its `data` (a bug in Cal.com's document, which
// no body can satisfy); Cal.com answers {status, data: {bookingUid, reassignedTo: {id, name, email}}}: checked here.
function expectReassignShape(body: unknown) {
  expect(body).toEqual({
    status: "success",
    data: { bookingUid: expect.any(String), reassignedTo: { id: expect.any(Number), name: expect.any(String), email: expect.any(String) } },
  });
}
let rr: TeamWithHosts;
let rrType: { id: number };
let owner: Host;

const reassign = (uid: string, key: string, userId?: number) =>
  onBooking(uid, userId === undefined ? "/reassign" : `/reassign/${userId}`, { method: "POST", key, ...(userId === undefined ? {} : { body: {} }) });

beforeAll(async () => {
  rr = await createTeamWithHosts(3);
  owner = rr.hosts[0]!;
  rrType = await createEventTypeForAllHosts(rr, "ROUND_ROBIN");
});

async function rrBooking(dayOffset: number, hour: number): Promise<{ uid: string; hostId: number }> {
  const res = await book({ start: at(monday, dayOffset, hour), eventTypeId: rrType.id, attendee: attendee() });
  expect(res.status, res.text).toBe(201);
  return { uid: res.body.data.uid, hostId: res.body.data.hosts[0].id };
}

describe("POST /v2/bookings/{uid}/reassign (auto)", () => {
  it("moves the booking to another free round-robin host (team owner calling)", async () => {
    const booking = await rrBooking(0, 9);
    const res = await reassign(booking.uid, owner.apiKey);
    expect(res.status, res.text).toBe(200);
    expectReassignShape(res.body);
    const to = res.body.data.reassignedTo;
    expect(res.body.data.bookingUid).toBe(booking.uid);
    expect(to.id).not.toBe(booking.hostId);
    expect(rr.hosts.map((h) => h.userId)).toContain(to.id);
    expect(to.email).toBe(rr.hosts.find((h) => h.userId === to.id)!.email);
    expect(await bookingHostRows(booking.uid)).toEqual([{ userId: to.id, isOrganizer: true, status: "accepted" }]);
    const read = await onBooking(booking.uid, "", { key: owner.apiKey });
    expect(read.body.data.hosts[0].id).toBe(to.id);
  });

  it("skips busy hosts; with no other free host: 400", async () => {
    const start = at(monday, 0, 11);
    const booking = await rrBooking(0, 11);
    const others = rr.hosts.filter((h) => h.userId !== booking.hostId);
    // One other host busy: the reassignment goes to the last free one.
    const personal = await createBookableEventType(others[0]!);
    expect((await book({ start, eventTypeId: personal.id, attendee: attendee() })).status).toBe(201);
    const res = await reassign(booking.uid, owner.apiKey);
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.reassignedTo.id).toBe(others[1]!.userId);
    // Now the original host is free again, the other two are busy: back to it is the only option.
    const back = await reassign(booking.uid, owner.apiKey);
    expect(back.status, back.text).toBe(200);
    expect(back.body.data.reassignedTo.id).toBe(booking.hostId);
    // Make that host busy elsewhere too: then nobody else is free.
    const third = await rrBooking(0, 11);
    expect(third.hostId).toBe(others[1]!.userId);
    const none = await reassign(booking.uid, owner.apiKey);
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe("Can't reassign the booking because no other host is available at that time.");
  });

  it("a stranger is refused (403); a personal booking has no other host (400)", async () => {
    const booking = await rrBooking(1, 9);
    const stranger = await createHost();
    expect((await reassign(booking.uid, stranger.apiKey)).status).toBe(403);
    const personal = await createBookableEventType(stranger);
    const own = await book({ start: at(monday, 1, 10), eventTypeId: personal.id, attendee: attendee() });
    expect((await reassign(own.body.data.uid, stranger.apiKey)).status).toBe(400);
  });
});

describe("POST /v2/bookings/{uid}/reassign/{userId}", () => {
  it("moves the booking to the named free host", async () => {
    const booking = await rrBooking(2, 9);
    const target = rr.hosts.find((h) => h.userId !== booking.hostId)!;
    const res = await reassign(booking.uid, owner.apiKey, target.userId);
    expect(res.status, res.text).toBe(200);
    expectReassignShape(res.body);
    expect(res.body.data.reassignedTo).toEqual({ id: target.userId, name: expect.any(String), email: target.email });
    expect(await bookingHostRows(booking.uid)).toEqual([{ userId: target.userId, isOrganizer: true, status: "accepted" }]);
  });

  it("a busy host: 409 and nothing changes; a user who is not a host: 400; an unknown user: 404", async () => {
    const start = at(monday, 2, 11);
    const booking = await rrBooking(2, 11);
    const target = rr.hosts.find((h) => h.userId !== booking.hostId)!;
    const personal = await createBookableEventType(target);
    expect((await book({ start, eventTypeId: personal.id, attendee: attendee() })).status).toBe(201);
    const busy = await reassign(booking.uid, owner.apiKey, target.userId);
    expect(busy.status, busy.text).toBe(409);
    expect(await bookingHostRows(booking.uid)).toEqual([{ userId: booking.hostId, isOrganizer: true, status: "accepted" }]);

    const outsider = await createHost();
    const notHost = await reassign(booking.uid, owner.apiKey, outsider.userId);
    expect(notHost.status).toBe(400);
    expect(notHost.body.error.message).toContain(`User with id=${outsider.userId} is not a valid Round Robin host`);
    const [{ max }] = (await sql<{ max: number }>`SELECT max("id")::int AS max FROM "users"`) as [{ max: number }];
    expect((await reassign(booking.uid, owner.apiKey, max + 1000)).status).toBe(404);
  });

  it("a cancelled booking cannot be reassigned (400)", async () => {
    const booking = await rrBooking(3, 9);
    expect((await onBooking(booking.uid, "/cancel", { method: "POST", body: {} })).status).toBe(200);
    const target = rr.hosts.find((h) => h.userId !== booking.hostId)!;
    expect((await reassign(booking.uid, owner.apiKey, target.userId)).status).toBe(400);
  });
});
