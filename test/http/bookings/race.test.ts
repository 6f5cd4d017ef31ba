import { beforeAll, describe, expect, it } from "vitest";
import { at, attendee, book, createEventType, createHost, futureMonday, sql, type Host } from "../../helpers/bookings";

let host: Host;
let eventTypeId: number;
const monday = futureMonday(4);

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createEventType(host)).id;
}, 30_000);

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
