import { createRoute, z } from "@hono/zod-openapi";
import { errorEnvelope, errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";

const CheckSchema = z.enum(["ok", "error", "not_configured"]);
export const HealthOutputSchema = z
  .object({ status: z.literal("success"), data: z.object({ database: CheckSchema, redis: CheckSchema }) })
  .openapi("HealthOutput");

const route = createRoute({
  method: "get",
  path: "/health",
  operationId: "health",
  summary: "Liveness of the API and its dependencies",
  tags: ["Health"],
  responses: {
    200: { description: "Database and Redis answer", content: { "application/json": { schema: HealthOutputSchema } } },
    ...errorResponses(503),
  },
});

const settle = async (check: () => Promise<unknown>): Promise<"ok" | "error"> => {
  try {
    await check();
    return "ok";
  } catch {
    return "error";
  }
};

export const getHealthOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const { db, redis } = c.var.deps;
    const [database, redisState] = await Promise.all([
      settle(() => db.$queryRaw`SELECT 1`),
      redis ? settle(() => redis.ping()) : Promise.resolve("not_configured" as const),
    ]);
    const checks = { database, redis: redisState };
    const failing = Object.entries(checks)
      .filter(([, state]) => state === "error")
      .map(([name]) => name);
    if (failing.length > 0) {
      const body = errorEnvelope("/health", "ServiceUnavailableException", `Unhealthy: ${failing.join(", ")}`, {
        ...checks,
        requestId: c.get("requestId"),
      });
      return c.json(body, 503) as never;
    }
    return c.json({ status: "success" as const, data: checks }, 200);
  },
});
