import { describe, expect, it, vi } from "vitest";
import { SlotsAnswerCache } from "../../src/availability/answer-cache";
import type { HttpSql } from "../../src/services/db";

// After a write through the isolate every remembered version is forgotten, and every lookup in flight would read
// the host's version itself, and every lookup of a question whose answer went stale would compute it again: the
// mixed bench (bench/mixed.ts, lookups while bookings arrive) lost most of its throughput to that.

/** A database whose version reads (of the version committed when they are sent) wait until `release` and are counted. */
function versionsDatabase(version: () => string) {
  const waiting: Array<() => void> = [];
  let reads = 0;
  const sql = () =>
    ({
      query: async () => {
        reads++;
        const snapshot = version();
        await new Promise<void>((resolve) => waiting.push(resolve));
        return [{ version: snapshot }];
      },
    }) as unknown as HttpSql;
  return {
    sql,
    reads: () => reads,
    release: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

const answer = (version: string) => ({ body: `answer at ${version}`, hostVersions: [{ userId: 7, version }], validUntil: Date.now() + 60_000 });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("slot answer cache: work shared between lookups", () => {
  it("lookups after a local write share one version read of the host", async () => {
    const cache = new SlotsAnswerCache();
    const db = versionsDatabase(() => "1");
    cache.store("q", answer("1"), cache.readStart());
    cache.forgetVersions();
    const lookups = Array.from({ length: 10 }, () => cache.lookup("q", db.sql));
    await flush();
    expect(db.reads()).toBe(1);
    db.release();
    expect(await Promise.all(lookups)).toEqual(Array(10).fill("answer at 1"));
  });

  it("a read started before a local write is not shared with lookups after it", async () => {
    const cache = new SlotsAnswerCache();
    let version = "1";
    const db = versionsDatabase(() => version);
    cache.store("q", answer("1"), cache.readStart());
    cache.forgetVersions();
    const before = cache.lookup("q", db.sql);
    await flush();
    version = "2"; // the write commits, then the isolate forgets what it knew
    cache.forgetVersions();
    const after = cache.lookup("q", db.sql);
    await flush();
    expect(db.reads()).toBe(2);
    db.release();
    await before;
    expect(await after).toBeUndefined();
  });

  it("a version read sent before a local write is not remembered, even when both happen in the same millisecond", async () => {
    // workerd's clock stands still between I/O events: a read and a write's end can carry the same Date.now().
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(1_000_000);
      const cache = new SlotsAnswerCache();
      let committed = "1";
      const db = versionsDatabase(() => committed);
      cache.store("q", answer("1"), cache.readStart());
      vi.setSystemTime(1_000_000 + 5_000); // the remembered version is due for a re-check
      const asked = cache.lookup("q", db.sql);
      await flush();
      committed = "2"; // a booking through this isolate commits while that re-check is in flight
      cache.forgetVersions();
      db.release();
      expect(await asked).toBe("answer at 1"); // asked before the write: the old answer is fair
      const next = cache.lookup("q", db.sql);
      await flush();
      db.release();
      expect(await next).toBeUndefined();
      expect(db.reads()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a lookup of a question being computed waits for that computation", async () => {
    const cache = new SlotsAnswerCache();
    expect(await cache.computationEnded("q")).toBe(false);
    let finish!: () => void;
    const computed = cache.computing("q", () => new Promise<void>((resolve) => (finish = resolve)));
    let waited = false;
    const waiter = cache.computationEnded("q").then((ended) => (waited = ended));
    await flush();
    expect(waited).toBe(false);
    finish();
    await computed;
    await waiter;
    expect(waited).toBe(true);
    expect(await cache.computationEnded("q")).toBe(false);
  });
});
