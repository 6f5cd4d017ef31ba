import { createRoute } from "@hono/zod-openapi";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { GetDefaultScheduleOutputSchema } from "../../src/schedules/output";
import { getDefaultSchedule } from "../../src/schedules/store";
import { SCHEDULES_VERSIONS } from "../../src/schedules/versions";

const route = createRoute({
  method: "get",
  path: "/v2/schedules/default",
  operationId: "SchedulesController_2024_06_11_getDefaultSchedule",
  summary: "Get the default schedule",
  description: "`data` is null when the user has no default schedule.",
  tags: ["Schedules"],
  responses: {
    200: { description: "The default schedule", content: { "application/json": { schema: GetDefaultScheduleOutputSchema } } },
  },
});

export const getDefaultScheduleOperation = defineOperation({
  route,
  versions: SCHEDULES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const schedule = await getDefaultSchedule(c.var.deps, actorOf(c));
    return c.json(success(schedule), 200);
  },
});
