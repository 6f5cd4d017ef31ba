import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";

const CheckSchema = z.enum(["ok", "error", "not_configured"]);
export const HealthOutputSchema = successOf(z.object({ database: CheckSchema, redis: CheckSchema })).openapi("HealthOutput");
