// GET /health: whether the database and Redis answer (and, opt-in, what the isolate keeps in memory).
import { type SlotsAnswerCacheStats, slotAnswers } from "../availability/answer-cache";
import type { Deps } from "../services";
import { leaseStats } from "../services/rate-limiter";

export type CheckState = "ok" | "error" | "not_configured";
export interface HealthChecks {
  database: CheckState;
  redis: CheckState;
}

/** The isolate's in-memory caches against their bounds: reported only with HEALTH_MEMORY_STATS (soak runs). */
export interface MemoryStats {
  slotAnswers: SlotsAnswerCacheStats;
  rateLimitLeases: { leases: number; maxLeases: number };
}

const settle = async (check: () => Promise<unknown>): Promise<"ok" | "error"> => {
  try {
    await check();
    return "ok";
  } catch {
    return "error";
  }
};

/** Each dependency's state, and the names of those failing; `memory` when HEALTH_MEMORY_STATS is set. */
export async function checkHealth(deps: Deps): Promise<{ checks: HealthChecks; failing: string[]; memory?: MemoryStats }> {
  const { db, redis } = deps;
  const [database, redisState] = await Promise.all([
    settle(() => db.$queryRaw`SELECT 1`),
    redis ? settle(() => redis.ping()) : Promise.resolve("not_configured" as const),
  ]);
  const checks: HealthChecks = { database, redis: redisState };
  const failing = Object.entries(checks)
    .filter(([, state]) => state === "error")
    .map(([name]) => name);
  if (!deps.env.HEALTH_MEMORY_STATS) return { checks, failing };
  return { checks, failing, memory: { slotAnswers: slotAnswers.stats(), rateLimitLeases: leaseStats() } };
}
