import { describe, expect, it } from "vitest";
import { chooseLuckyUser, type LuckyUserCandidate, type LuckyUserHistory } from "../../src/bookings/lucky-user";

const host = (userId: number, extra: Partial<LuckyUserCandidate> = {}): LuckyUserCandidate => ({ userId, priority: 2, weight: 100, ...extra });
const history = (entries: [number, LuckyUserHistory][]) => new Map(entries);
const off = { weightsEnabled: false };

describe("chooseLuckyUser (Cal.com's getLuckyUser)", () => {
  it("no candidate: undefined; one candidate: it, whatever its history", () => {
    expect(chooseLuckyUser([], new Map(), off)).toBeUndefined();
    expect(chooseLuckyUser([host(7)], history([[7, { bookings: 50, lastBookedAt: 10 }]]), off)?.userId).toBe(7);
  });

  it("the least recently booked wins; never booked comes first", () => {
    const candidates = [host(1), host(2), host(3)];
    const h = history([
      [1, { bookings: 1, lastBookedAt: 3000 }],
      [2, { bookings: 1, lastBookedAt: 1000 }],
      [3, { bookings: 1, lastBookedAt: 2000 }],
    ]);
    expect(chooseLuckyUser(candidates, h, off)?.userId).toBe(2);
    expect(chooseLuckyUser([...candidates, host(4)], h, off)?.userId).toBe(4);
  });

  it("higher priority beats recency", () => {
    const candidates = [host(1, { priority: 1 }), host(2, { priority: 3 }), host(3, { priority: 3 })];
    const h = history([
      [1, { bookings: 0, lastBookedAt: null }],
      [2, { bookings: 4, lastBookedAt: 500 }],
      [3, { bookings: 4, lastBookedAt: 900 }],
    ]);
    expect(chooseLuckyUser(candidates, h, off)?.userId).toBe(2);
  });

  it("ties go to the lowest user id: the same state gives the same answer", () => {
    const candidates = [host(9), host(5), host(6)];
    for (let i = 0; i < 3; i++) expect(chooseLuckyUser(candidates, new Map(), off)?.userId).toBe(5);
  });

  it("weights on: the host furthest below its share wins before priority and recency", () => {
    // 10 bookings, weights 100/300: shares 2.5 and 7.5; host 1 has 2 (shortfall 0.5), host 2 has 8 (−0.5).
    const candidates = [host(1, { weight: 100, priority: 0 }), host(2, { weight: 300, priority: 4 })];
    const h = history([
      [1, { bookings: 2, lastBookedAt: 9000 }],
      [2, { bookings: 8, lastBookedAt: 1 }],
    ]);
    expect(chooseLuckyUser(candidates, h, { weightsEnabled: true })?.userId).toBe(1);
    // Weights off: priority decides.
    expect(chooseLuckyUser(candidates, h, off)?.userId).toBe(2);
  });

  it("weights on, equal shortfall: the heavier host wins", () => {
    const candidates = [host(1, { weight: 100 }), host(2, { weight: 200 })];
    expect(chooseLuckyUser(candidates, new Map(), { weightsEnabled: true })?.userId).toBe(2);
  });

  it("spreads bookings: picking repeatedly with updated history rotates through every host", () => {
    const candidates = [host(1), host(2), host(3)];
    const h = new Map<number, LuckyUserHistory>();
    const picks: number[] = [];
    for (let t = 1; t <= 6; t++) {
      const pick = chooseLuckyUser(candidates, h, off)!.userId;
      picks.push(pick);
      h.set(pick, { bookings: (h.get(pick)?.bookings ?? 0) + 1, lastBookedAt: t });
    }
    expect(picks).toEqual([1, 2, 3, 1, 2, 3]);
  });
});
