import { describe, expect, it } from "vitest";
import { ANSWER_MAX_AGE_MS, answerValidUntil } from "../../src/availability/answer-cache";

const now = Date.UTC(2027, 2, 1, 12);
const MINUTE = 60_000;

describe("how long a slot answer may be served", () => {
  it("at most ANSWER_MAX_AGE_MS when nothing else is due", () => {
    expect(answerValidUntil({ now, firstSlotStart: now + 86_400_000, minimumNoticeMinutes: 0, firstHoldReleaseAt: null })).toBe(now + ANSWER_MAX_AGE_MS);
    expect(answerValidUntil({ now, firstSlotStart: undefined, minimumNoticeMinutes: 120, firstHoldReleaseAt: null })).toBe(now + ANSWER_MAX_AGE_MS);
  });

  it("until the first slot falls inside the minimum notice", () => {
    expect(answerValidUntil({ now, firstSlotStart: now + 30 * MINUTE, minimumNoticeMinutes: 29.5, firstHoldReleaseAt: null })).toBe(now + 30_000);
    // Already inside: not kept at all.
    expect(answerValidUntil({ now, firstSlotStart: now + 10 * MINUTE, minimumNoticeMinutes: 15, firstHoldReleaseAt: null })).toBeLessThan(now);
  });

  it("until the first hold it read lapses", () => {
    expect(answerValidUntil({ now, firstSlotStart: undefined, minimumNoticeMinutes: 0, firstHoldReleaseAt: now + 5_000 })).toBe(now + 5_000);
  });
});
