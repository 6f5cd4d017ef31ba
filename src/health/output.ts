import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";

const CheckSchema = z.enum(["ok", "error", "not_configured"]);
const count = z.number().int().nonnegative();
// Only with HEALTH_MEMORY_STATS: the isolate's in-memory caches against their bounds.
const MemorySchema = z.object({
  slotAnswers: z.object({ answers: count, maxAnswers: count, chars: count, maxChars: count, hostVersions: count, maxHostVersions: count }),
  rateLimitLeases: z.object({ leases: count, maxLeases: count }),
});
export const HealthOutputSchema = successOf(z.object({ database: CheckSchema, redis: CheckSchema, memory: MemorySchema.optional() })).openapi("HealthOutput");
