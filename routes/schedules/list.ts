import { createRoute } from "@hono/zod-openapi";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { GetSchedulesOutputSchema } from "../../src/schedules/output";
import { listSchedules } from "../../src/schedules/store";
import { SCHEDULES_VERSIONS } from "../../src/schedules/versions";

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
    const schedules = await listSchedules(c.var.deps, actorOf(c));
    return c.json(success(schedules), 200);
  },
});
