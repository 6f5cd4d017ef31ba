// GET /health: whether the database and Redis answer.
import type { Deps } from "../services";

export type CheckState = "ok" | "error" | "not_configured";
export interface HealthChecks {
  database: CheckState;
  redis: CheckState;
}

const settle = async (check: () => Promise<unknown>): Promise<"ok" | "error"> => {
  try {
    await check();
    return "ok";
  } catch {
    return "error";
  }
};

/** Each dependency's state, and the names of those failing. */
export async function checkHealth(deps: Deps): Promise<{ checks: HealthChecks; failing: string[] }> {
  const { db, redis } = deps;
  const [database, redisState] = await Promise.all([
    settle(() => db.$queryRaw`SELECT 1`),
    redis ? settle(() => redis.ping()) : Promise.resolve("not_configured" as const),
  ]);
  const checks: HealthChecks = { database, redis: redisState };
  const failing = Object.entries(checks)
    .filter(([, state]) => state === "error")
    .map(([name]) => name);
  return { checks, failing };
}
