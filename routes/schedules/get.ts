import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { GetScheduleOutputSchema, ScheduleIdParamSchema } from "../../src/schedules/schemas";
import { getSchedule } from "../../src/schedules/store";
import { SCHEDULES_VERSIONS } from "./versions";

const route = createRoute({
  method: "get",
  path: "/v2/schedules/{scheduleId}",
  operationId: "SchedulesController_2024_06_11_getSchedule",
  summary: "Get a schedule",
  tags: ["Schedules"],
  request: { params: ScheduleIdParamSchema },
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
    const { scheduleId } = c.req.valid("param");
    const schedule = await getSchedule(c.var.deps.db, c.var.principal!.userId, scheduleId);
    return c.json({ status: "success" as const, data: schedule }, 200);
  },
});
