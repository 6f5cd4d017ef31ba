// Cal.com's getLuckyUser (packages/features/bookings/lib/getLuckyUser.ts): which of the free round-robin hosts
// takes a booking. Pure: the caller reads each candidate's recent bookings (under the hosts' locks) and passes them.

export interface LuckyUserCandidate {
  userId: number;
  /** 0 (lowest) … 4 (highest); Cal.com reads a missing one as 2. */
  priority: number;
  /** Cal.com's default is 100. */
  weight: number;
}

export interface LuckyUserHistory {
  /** Bookings of the event type the host took in the current period (Cal.com: the current UTC month). */
  bookings: number;
  /** When the host's latest such booking was made (epoch ms), or null when there is none. */
  lastBookedAt: number | null;
}

const NO_HISTORY: LuckyUserHistory = { bookings: 0, lastBookedAt: null };

/**
 * With weights on: the hosts furthest below their share of the period's bookings (weight / Σweight of all
 * candidates × bookings so far), ties to the highest weight.
 */
function byWeightShortfall(candidates: readonly LuckyUserCandidate[], history: (userId: number) => LuckyUserHistory): LuckyUserCandidate[] {
  const totalWeight = candidates.reduce((sum, c) => sum + c.weight, 0);
  const totalBookings = candidates.reduce((sum, c) => sum + history(c.userId).bookings, 0);
  if (totalWeight <= 0) return [...candidates];
  const shortfall = (c: LuckyUserCandidate) => (c.weight / totalWeight) * totalBookings - history(c.userId).bookings;
  const best = Math.max(...candidates.map(shortfall));
  const behind = candidates.filter((c) => Math.abs(shortfall(c) - best) < 1e-9);
  const heaviest = Math.max(...behind.map((c) => c.weight));
  return behind.filter((c) => c.weight === heaviest);
}

/**
 * The lucky host among `candidates` (the free non-fixed hosts), or undefined when there is none: a single
 * candidate wins; else (weights on) the largest shortfall against its weight; then the highest priority; then
 * the least recently booked (never booked first). Remaining ties go to the lowest user id, so the same state
 * always gives the same answer.
 */
export function chooseLuckyUser(
  candidates: readonly LuckyUserCandidate[],
  historyOf: ReadonlyMap<number, LuckyUserHistory>,
  options: { weightsEnabled: boolean },
): LuckyUserCandidate | undefined {
  if (candidates.length <= 1) return candidates[0];
  const history = (userId: number) => historyOf.get(userId) ?? NO_HISTORY;
  let pool = options.weightsEnabled ? byWeightShortfall(candidates, history) : [...candidates];
  const topPriority = Math.max(...pool.map((c) => c.priority));
  pool = pool.filter((c) => c.priority === topPriority);
  return pool.sort((a, b) => {
    const lastA = history(a.userId).lastBookedAt ?? Number.NEGATIVE_INFINITY;
    const lastB = history(b.userId).lastBookedAt ?? Number.NEGATIVE_INFINITY;
    return lastA === lastB ? a.userId - b.userId : lastA - lastB;
  })[0];
}
