import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { ScheduleIdParams, success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { GetScheduleOutputSchema } from "../../src/schedules/output";
import { getSchedule } from "../../src/schedules/store";
import { SCHEDULES_VERSIONS } from "../../src/schedules/versions";

const route = createRoute({
  method: "get",
  path: "/v2/schedules/{scheduleId}",
  operationId: "SchedulesController_2024_06_11_getSchedule",
  summary: "Get a schedule",
  tags: ["Schedules"],
  request: { params: ScheduleIdParams },
  responses: {
    200: { description: "The schedule", content: { "application/json": { schema: GetScheduleOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getScheduleOperation = defineOperation({
  route,
  versions: SCHEDULES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const schedule = await getSchedule(c.var.deps, actorOf(c), c.req.valid("param"));
    return c.json(success(schedule), 200);
  },
});
