import { describe, expect, it } from "vitest";
import { SlotsAnswerCache } from "../../src/availability/answer-cache";

// The isolate's slot answers stay within their memory bounds however many questions and hosts it sees
// (what GET /health reports with HEALTH_MEMORY_STATS, and what `npm run bench:soak` watches under load).
describe("slot answer cache bounds", () => {
  const answer = (host: number, chars: number) => ({
    body: "x".repeat(chars),
    hostVersions: [{ userId: host, version: "1" }],
    validUntil: Date.now() + 60_000,
  });

  it("keeps at most 2 000 answers, dropping the oldest", () => {
    const cache = new SlotsAnswerCache();
    for (let i = 0; i < 2_100; i++) cache.store(`q${i}`, answer(1, 10), cache.readStart());
    expect(cache.stats()).toMatchObject({ answers: 2_000, chars: 20_000 });
  });

  it("keeps at most 16 M characters", () => {
    const cache = new SlotsAnswerCache();
    for (let i = 0; i < 100; i++) cache.store(`q${i}`, answer(1, 500 * 1024), cache.readStart());
    const stats = cache.stats();
    expect(stats.chars).toBeLessThanOrEqual(stats.maxChars);
    expect(stats.answers).toBe(Math.floor(stats.maxChars / (500 * 1024)));
  });

  it("remembers the versions of at most 10 000 hosts", () => {
    const cache = new SlotsAnswerCache();
    for (let host = 1; host <= 10_500; host++) cache.store(`q${host}`, answer(host, 1), cache.readStart());
    expect(cache.stats().hostVersions).toBe(10_000);
  });
});
