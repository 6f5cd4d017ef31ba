import { createRoute } from "@hono/zod-openapi";
import { defineOperation } from "../../src/operation";
import { GetSchedulesOutputSchema } from "../../src/schedules/schemas";
import { listSchedules } from "../../src/schedules/store";
import { SCHEDULES_VERSIONS } from "./versions";

const route = createRoute({
  method: "get",
  path: "/v2/schedules",
  operationId: "SchedulesController_2024_06_11_getSchedules",
  summary: "Get all schedules",
  tags: ["Schedules"],
  responses: {
    200: { description: "The caller's schedules", content: { "application/json": { schema: GetSchedulesOutputSchema } } },
  },
});

export const listSchedulesOperation = defineOperation({
  route,
  versions: SCHEDULES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const schedules = await listSchedules(c.var.deps.db, c.var.principal!.userId);
    return c.json({ status: "success" as const, data: schedules }, 200);
  },
});
