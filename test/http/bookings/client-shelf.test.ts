// Prisma clients are kept in the isolate and lent to one request at a time (src/services/prisma-clients.ts). A
// client goes back on the shelf after its transaction failed, so what follows a refused booking (a 409 from the
// slot check or from the no-overlap constraint, a 503 from the host lock's wait limit) runs on such a client and
// must work; and two requests at once must never hold the same client (its session is one connection). The
// races for one slot are test/http/bookings/race.test.ts; here every request's outcome is known in advance.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { withHostLock } from "../../../src/bookings/lock";
import { lendTransactionalDb } from "../../../src/services/db";
import type { Loan } from "../../../src/services/prisma-clients";
import type { TxDb } from "../../../src/services/db";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, type Host, onBooking } from "../../helpers/bookings";
import { sql } from "../../helpers/fixtures";
import { depsWith } from "../../helpers/workflow-reminders";

const bindings = env as unknown as { DATABASE_URL: string; NEON_WS_PROXY?: string };
const monday = futureMonday(7);
let host: Host;
let eventTypeId: number;

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createBookableEventType(host)).id;
});

async function bookAt(start: string) {
  return book({ start, eventTypeId, attendee: attendee() });
}

/** A booking made and read back through the API: what must keep working after a failure. */
async function expectBookingWorks(start: string) {
  const created = await bookAt(start);
  expect(created.status, created.text).toBe(201);
  const read = await onBooking(created.body.data.uid, "");
  expect(read.status, read.text).toBe(200);
  expect(read.body.data).toMatchObject({ uid: created.body.data.uid, start: new Date(start).toISOString() });
}

/** A booking row of the host, written under the host's lock as the API does. */
const insertUnderLock = (db: TxDb, start: string) =>
  withHostLock(db, host.userId, (tx) =>
    tx.booking.create({
      data: {
        uid: `shelf-${crypto.randomUUID()}`,
        userId: host.userId,
        eventTypeId,
        title: "direct",
        startTime: new Date(start),
        endTime: new Date(Date.parse(start) + 30 * 60_000),
      },
      select: { id: true },
    }),
  );

// The host lock's namespace (src/bookings/lock.ts), as test/http/bookings/host-locks.test.ts reads it.
const HOST_LOCK_NAMESPACE = 0x426b;

async function untilLockHeld() {
  for (let i = 0; i < 100; i++) {
    const rows = await sql`
      SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ${HOST_LOCK_NAMESPACE}::oid AND objid = ${host.userId}::oid AND granted`;
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the host lock was never taken");
}

/**
 * Lends session clients until `wanted` comes off the shelf (other requests' clients may lie above it; this file
 * never has more than a few at once), or 16 loans went by without it.
 */
async function lendUntil(wanted: TxDb): Promise<{ found: Loan<TxDb> | undefined; others: Loan<TxDb>[] }> {
  const others: Loan<TxDb>[] = [];
  for (let i = 0; i < 16; i++) {
    const loan = lendTransactionalDb(bindings);
    if (loan.client === wanted) return { found: loan, others };
    others.push(loan);
  }
  return { found: undefined, others };
}

describe("after a failed booking transaction the isolate's clients keep working", () => {
  it("a slot taken (409 from the check under the lock), five times over: each next booking and read works", async () => {
    const taken = at(monday, 0, 9);
    expect((await bookAt(taken)).status).toBe(201);
    for (let round = 0; round < 5; round++) {
      const refused = await bookAt(taken);
      expect(refused.status, refused.text).toBe(409);
      expect(refused.body.error.message).toBe("User either already has booking at this time or is not available");
      await expectBookingWorks(at(monday, 0, 10 + round));
    }
  });

  it("the no-overlap constraint's refusal (409): that very client, given back, runs the next transaction; the API books", async () => {
    const loan = lendTransactionalDb(bindings);
    await insertUnderLock(loan.client, at(monday, 1, 9));
    // The second row overlaps the first: the database refuses it inside the transaction.
    await expect(insertUnderLock(loan.client, at(monday, 1, 9, 15))).rejects.toMatchObject({ status: 409 });
    await loan.giveBack();

    const { found, others } = await lendUntil(loan.client);
    await Promise.all(others.map((other) => other.giveBack()));
    // Kept, not dropped: a refused transaction is an ordinary outcome.
    expect(found).toBeDefined();
    try {
      await expect(insertUnderLock(found!.client, at(monday, 1, 11))).resolves.toMatchObject({ id: expect.any(Number) });
    } finally {
      await found!.giveBack();
    }
    await expectBookingWorks(at(monday, 1, 13));
  });

  it("a host lock held past the wait limit (503), then the next booking and read work", async () => {
    // The test holds the host's lock (as a session lock, for a statement that outlasts the booking's 10 s wait;
    // a transaction of its own would be cut at 20 s on a slow machine) while a booking of that host waits for it.
    const holder = lendTransactionalDb(bindings);
    try {
      // A Prisma query runs once awaited: `then` sends it now.
      const holding = holder.client.$queryRaw`SELECT pg_advisory_lock(${HOST_LOCK_NAMESPACE}::int, ${host.userId}::int)::text, pg_sleep(12)::text`.then(
        () => undefined,
      );
      await untilLockHeld();
      const waited = await bookAt(at(monday, 2, 9));
      expect(waited.status, waited.text).toBe(503);
      expect(waited.body.error.message).toBe("Too many bookings are being made with this host right now. Please try again.");
      await holding;
    } finally {
      // Ends the connection, and the session lock with it.
      await holder.giveBack();
    }
    await expectBookingWorks(at(monday, 2, 9));
  }, 60_000);
});

describe("concurrent requests each get their own client", () => {
  it("two loans at once are two clients on two connections", async () => {
    const loans = [lendTransactionalDb(bindings), lendTransactionalDb(bindings)];
    try {
      expect(loans[0]!.client).not.toBe(loans[1]!.client);
      const pids = await Promise.all(
        loans.map((loan) =>
          loan.client.$transaction(async (tx) => {
            const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid, pg_sleep(0.2)::text`;
            return row!.pid;
          }),
        ),
      );
      expect(new Set(pids).size).toBe(2);
    } finally {
      await Promise.all(loans.map((loan) => loan.giveBack()));
    }
  });

  it("four bookings of one host on four free slots, at once: all four 201, then each reads back", async () => {
    const starts = [11, 12, 13, 14].map((hour) => at(monday, 3, hour));
    const results = await Promise.all(starts.map(bookAt));
    expect(
      results.map((r) => r.status),
      results.map((r) => r.text).join("\n"),
    ).toEqual([201, 201, 201, 201]);
    const reads = await Promise.all(results.map((r) => onBooking(r.body.data.uid, "")));
    expect(reads.map((r) => [r.status, r.body.data?.start])).toEqual(starts.map((start) => [200, new Date(start).toISOString()]));
  });
});

describe("work after the response", () => {
  it("keeps the request's session client off the shelf until it settles", async () => {
    const deps = depsWith();
    await deps.txDb.$queryRaw`SELECT 1`;
    const inUse = deps.txDb;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // As a calendar channel saved after a selection (src/calendars/notifications/channels.ts): a write once the
    // provider has answered, after the response.
    deps.afterResponse(gate.then(() => deps.txDb.$queryRaw`SELECT 1`));
    const disposing = deps.dispose();
    await Promise.race([disposing, new Promise((resolve) => setTimeout(resolve, 200))]);

    // Another request now: it is not lent the client the work still uses. The loans are kept until the end, so
    // that the shelf has room for it when it comes back.
    const during = await lendUntil(inUse);
    try {
      expect(during.found).toBeUndefined();
      release();
      await disposing;
      // Given back once the work is done, its connection closed: the next loan of it works.
      const after = await lendUntil(inUse);
      during.others.push(...after.others);
      expect(after.found).toBeDefined();
      during.others.push(after.found!);
      expect(await after.found!.client.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      release();
      await Promise.all([during.found, ...during.others].map((loan) => loan?.giveBack()));
    }
  });
});
