import { beforeAll, describe, expect, it } from "vitest";
import { withHostLock } from "../../../src/bookings/lock";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, type Host } from "../../helpers/bookings";
import { sql, testDb } from "../../helpers/fixtures";

let host: Host;
let eventTypeId: number;
const monday = futureMonday(4);

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
});

describe("no double booking under concurrency", () => {
  it("10 concurrent creates for one slot: exactly one 201, the others 409", async () => {
    const start = at(monday, 1, 11);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => book({ start, eventTypeId, attendee: attendee(`Racer ${i}`) })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, results.map((r) => r.text).join("\n")).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM "Booking" WHERE "userId" = ${host.userId} AND "startTime" = ${new Date(start)}`;
    expect(rows[0]!.n).toBe(1);
  });
});

describe("concurrent changes to one booking end in a consistent state", () => {
  const post = (uid: string, action: string, body: unknown, key?: string) => onBooking(uid, `/${action}`, { method: "POST", body, key });
  let confirmTypeId: number;

  beforeAll(async () => {
    confirmTypeId = (await createBookableEventType(host, { confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: false } })).id;
  });

  it("two concurrent confirmations of one pending booking: one 200, one 400, one accepted booking", async () => {
    const pending = await book({ start: at(monday, 2, 9), eventTypeId: confirmTypeId, attendee: attendee() });
    const results = await Promise.all([
      post(pending.body.data.uid, "confirm", undefined, host.apiKey),
      post(pending.body.data.uid, "confirm", undefined, host.apiKey),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const rows = await sql<{ status: string }>`SELECT status::text FROM "Booking" WHERE uid = ${pending.body.data.uid}`;
    expect(rows).toEqual([{ status: "accepted" }]);
  });

  it("concurrent confirmations of 5 pending requests for one slot: exactly one accepted, no overlap", async () => {
    const start = at(monday, 2, 10);
    const pendings = await Promise.all(Array.from({ length: 5 }, (_, i) => book({ start, eventTypeId: confirmTypeId, attendee: attendee(`Req ${i}`) })));
    expect(pendings.every((p) => p.status === 201)).toBe(true);
    const results = await Promise.all(pendings.map((p) => post(p.body.data.uid, "confirm", undefined, host.apiKey)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const accepted = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM "Booking" WHERE "userId" = ${host.userId} AND "startTime" = ${new Date(start)} AND status = 'accepted'`;
    expect(accepted[0]!.n).toBe(1);
  });

  it("cancel racing reschedule: either the booking is cancelled and nothing new exists, or it moved and the cancel was refused", async () => {
    for (let round = 0; round < 3; round++) {
      const created = await book({ start: at(monday, 3, 9 + round), eventTypeId, attendee: attendee() });
      const uid = created.body.data.uid;
      const [cancel, reschedule] = await Promise.all([
        post(uid, "cancel", { cancellationReason: "race" }),
        post(uid, "reschedule", { start: at(monday, 3, 13 + round) }),
      ]);
      const moved = await sql<{ status: string }>`SELECT status::text FROM "Booking" WHERE "fromReschedule" = ${uid}`;
      if (reschedule.status === 201) {
        expect(cancel.status).toBe(400);
        expect(moved).toEqual([{ status: "accepted" }]);
      } else {
        expect(cancel.status).toBe(200);
        expect(reschedule.status).toBe(400);
        expect(moved).toEqual([]);
      }
      const original = await sql<{ status: string }>`SELECT status::text FROM "Booking" WHERE uid = ${uid}`;
      expect(original).toEqual([{ status: "cancelled" }]);
    }
  });

  it("two concurrent reschedules of one booking: exactly one new booking", async () => {
    const created = await book({ start: at(monday, 4, 9), eventTypeId, attendee: attendee() });
    const uid = created.body.data.uid;
    const results = await Promise.all([post(uid, "reschedule", { start: at(monday, 4, 11) }), post(uid, "reschedule", { start: at(monday, 4, 12) })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    const moved = await sql<{ n: number }>`SELECT count(*)::int AS n FROM "Booking" WHERE "fromReschedule" = ${uid}`;
    expect(moved[0]!.n).toBe(1);
  });

  it("the database itself refuses an overlapping accepted booking, answered as a 409 (defence in depth)", async () => {
    const db = testDb();
    try {
      const base = { userId: host.userId, eventTypeId, title: "direct" };
      await db.booking.create({
        data: { ...base, uid: `direct-${crypto.randomUUID()}`, startTime: new Date(at(monday, 4, 14)), endTime: new Date(at(monday, 4, 15)) },
      });
      const attempt = withHostLock(db, host.userId, (tx) =>
        tx.booking.create({
          data: { ...base, uid: `direct-${crypto.randomUUID()}`, startTime: new Date(at(monday, 4, 14, 30)), endTime: new Date(at(monday, 4, 15, 30)) },
        }),
      );
      await expect(attempt).rejects.toMatchObject({ status: 409, message: "User either already has booking at this time or is not available" });
    } finally {
      await db.$disconnect();
    }
  });
});
