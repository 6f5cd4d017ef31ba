// Postgres terminates the connection (pg_terminate_backend) in the middle of a booking's transaction: the request
// answers a 503 envelope promptly, nothing of the booking remains, and a retry with the same Idempotency-Key books
// exactly once. The cut is made deterministic by a test-only trigger: a row whose watched column holds a value
// listed in test_fault_terminate has its own backend terminate itself while the transaction is open, after the
// statements before it ran (the booking row before its attendee, etc.).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, type Host, onBooking, V } from "../../helpers/bookings";
import { sql, unique } from "../../helpers/fixtures";

const PROMPT_MS = 5_000;

async function armTerminationTriggers() {
  await sql`CREATE TABLE IF NOT EXISTS test_fault_terminate (marker text PRIMARY KEY)`;
  await sql`CREATE OR REPLACE FUNCTION test_fault_terminate_self() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM test_fault_terminate WHERE marker = to_jsonb(NEW) ->> TG_ARGV[0]) THEN
        PERFORM pg_terminate_backend(pg_backend_pid());
        PERFORM pg_sleep(5); -- the termination interrupt lands here, inside the open transaction
      END IF;
      RETURN NEW;
    END $$`;
  await sql`DROP TRIGGER IF EXISTS test_fault_terminate_attendee ON "Attendee"`;
  await sql`CREATE TRIGGER test_fault_terminate_attendee BEFORE INSERT ON "Attendee" FOR EACH ROW EXECUTE FUNCTION test_fault_terminate_self('email')`;
  await sql`DROP TRIGGER IF EXISTS test_fault_terminate_booking ON "Booking"`;
  await sql`CREATE TRIGGER test_fault_terminate_booking BEFORE UPDATE ON "Booking" FOR EACH ROW EXECUTE FUNCTION test_fault_terminate_self('uid')`;
}

const cutOn = (marker: string) => sql`INSERT INTO test_fault_terminate (marker) VALUES (${marker})`;
const healOn = (marker: string) => sql`DELETE FROM test_fault_terminate WHERE marker = ${marker}`;

function expectCut(res: { status: number; body: { error?: { code?: string } }; text: string }, elapsed: number) {
  expect(res.status, res.text).toBe(503);
  expect(res.body.error?.code).toBe("ServiceUnavailableException");
  expect(res.text).not.toMatch(/terminat|administrator|pg_|postgres/i);
  expect(elapsed).toBeLessThan(PROMPT_MS);
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await work();
  return [result, Date.now() - started];
}

let host: Host;
let eventTypeId: number;
let confirmTypeId: number;
const monday = futureMonday(5);

beforeAll(async () => {
  await armTerminationTriggers();
  host = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
  confirmTypeId = (await createBookableEventType(host, { confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: false } })).id;
});

afterAll(async () => {
  await sql`DROP TRIGGER IF EXISTS test_fault_terminate_attendee ON "Attendee"`;
  await sql`DROP TRIGGER IF EXISTS test_fault_terminate_booking ON "Booking"`;
});

describe("the connection is terminated inside the transaction", () => {
  it("booking creation: 503, no booking and no attendee left, then the same Idempotency-Key books exactly once", async () => {
    const guest = attendee("Cut Create");
    const key = unique("idem-create");
    const body = { start: at(monday, 0, 10), eventTypeId, attendee: guest };
    await cutOn(guest.email);
    const [cut, elapsed] = await timed(() => book(body, { headers: { "Idempotency-Key": key } }));
    expectCut(cut, elapsed);
    expect(await sql`SELECT id FROM "Booking" WHERE "eventTypeId" = ${eventTypeId} AND "startTime" = ${body.start}::timestamptz`).toEqual([]);
    expect(await sql`SELECT id FROM "Attendee" WHERE email = ${guest.email}`).toEqual([]);

    await healOn(guest.email);
    const retried = await book(body, { headers: { "Idempotency-Key": key } });
    expect(retried.status, retried.text).toBe(201);
    const replayed = await book(body, { headers: { "Idempotency-Key": key } });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replayed.body.data.uid).toBe(retried.body.data.uid);
    const rows = await sql`SELECT uid FROM "Booking" WHERE "eventTypeId" = ${eventTypeId} AND "startTime" = ${body.start}::timestamptz`;
    expect(rows).toEqual([{ uid: retried.body.data.uid }]);
    expect(await sql`SELECT id FROM "Attendee" WHERE email = ${guest.email}`).toHaveLength(1);
  });

  it("reschedule: 503, the original booking untouched and no new one, then the retry moves it once", async () => {
    const guest = attendee("Cut Reschedule");
    const original = await book({ start: at(monday, 1, 10), eventTypeId, attendee: guest });
    expect(original.status).toBe(201);
    const uid = original.body.data.uid as string;
    const key = unique("idem-resched");
    const move = { start: at(monday, 1, 14) };
    await cutOn(uid); // the original's update (cancelled, rescheduledToUid) is cut
    const [cut, elapsed] = await timed(() => onBooking(uid, "/reschedule", { method: "POST", body: move, headers: { "Idempotency-Key": key } }));
    expectCut(cut, elapsed);
    expect(await sql`SELECT status, "rescheduled" FROM "Booking" WHERE uid = ${uid}`).toEqual([{ status: "accepted", rescheduled: null }]);
    expect(await sql`SELECT id FROM "Booking" WHERE "eventTypeId" = ${eventTypeId} AND "startTime" = ${move.start}::timestamptz`).toEqual([]);

    await healOn(uid);
    const retried = await onBooking(uid, "/reschedule", { method: "POST", body: move, headers: { "Idempotency-Key": key } });
    expect(retried.status, retried.text).toBe(201);
    const again = await onBooking(uid, "/reschedule", { method: "POST", body: move, headers: { "Idempotency-Key": key } });
    expect(again.body.data.uid).toBe(retried.body.data.uid);
    expect(await sql`SELECT uid FROM "Booking" WHERE "eventTypeId" = ${eventTypeId} AND "startTime" = ${move.start}::timestamptz`).toEqual([
      { uid: retried.body.data.uid },
    ]);
  });

  it("confirm: 503 and the booking still pending, then the retry confirms it", async () => {
    const pending = await book({ start: at(monday, 2, 10), eventTypeId: confirmTypeId, attendee: attendee("Cut Confirm") });
    expect(pending.status).toBe(201);
    const uid = pending.body.data.uid as string;
    const key = unique("idem-confirm");
    await cutOn(uid);
    const [cut, elapsed] = await timed(() =>
      api(`/v2/bookings/${uid}/confirm`, { method: "POST", version: V, key: host.apiKey, headers: { "Idempotency-Key": key } }),
    );
    expectCut(cut, elapsed);
    expect(await sql`SELECT status FROM "Booking" WHERE uid = ${uid}`).toEqual([{ status: "pending" }]);

    await healOn(uid);
    const retried = await api(`/v2/bookings/${uid}/confirm`, { method: "POST", version: V, key: host.apiKey, headers: { "Idempotency-Key": key } });
    expect(retried.status, retried.text).toBe(200);
    expect(await sql`SELECT status FROM "Booking" WHERE uid = ${uid}`).toEqual([{ status: "accepted" }]);
  });
});
