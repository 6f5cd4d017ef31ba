import { describe, expect, it } from "vitest";
import { withHostsLock } from "../../../src/bookings/lock";
import { testDb } from "../../helpers/fixtures";

// Several hosts' locks (team event types to come): every host is locked, in ascending id order, so two bookings
// that share hosts, listed in opposite orders, wait for each other instead of deadlocking.

const HOST_LOCK_NAMESPACE = 0x426b;
// Lock keys only: no user needs to exist. Far from real user ids so no other test waits on them.
const base = 2_000_000_000 - Math.floor(Math.random() * 1_000_000) * 4;
const [a, b, c] = [base, base + 1, base + 2];

const heldKeys = async (tx: { $queryRaw: ReturnType<typeof testDb>["$queryRaw"] }) =>
  (
    await tx.$queryRaw<{ key: number }[]>`
      SELECT objid::int AS key FROM pg_locks
      WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND classid = ${HOST_LOCK_NAMESPACE}::oid AND granted
      ORDER BY objid`
  ).map((row) => row.key);

describe("withHostsLock", () => {
  it("holds every host's lock (each once) while the work runs", async () => {
    const db = testDb();
    try {
      const held = await withHostsLock(db, [c, a, c, b], (tx) => heldKeys(tx));
      expect(held).toEqual([a, b, c]);
    } finally {
      await db.$disconnect();
    }
  });

  it("two bookings sharing hosts in opposite orders both complete, one after the other", async () => {
    const [first, second] = [testDb(), testDb()];
    try {
      const order: string[] = [];
      const work = (name: string) => async (tx: { $queryRaw: ReturnType<typeof testDb>["$queryRaw"] }) => {
        order.push(`${name} in`);
        await tx.$queryRaw`SELECT pg_sleep(0.2)::text`;
        order.push(`${name} out`);
      };
      await Promise.all([withHostsLock(first, [a, b], work("one")), withHostsLock(second, [b, a], work("two"))]);
      // Serialised: whichever got in first left before the other came in.
      expect([order[0]!.split(" ")[1], order[1]!.split(" ")[1]]).toEqual(["in", "out"]);
      expect(order).toHaveLength(4);
    } finally {
      await Promise.all([first.$disconnect(), second.$disconnect()]);
    }
  });
});
