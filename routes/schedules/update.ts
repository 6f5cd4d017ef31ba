import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { ScheduleIdParams, success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { UpdateScheduleInputSchema } from "../../src/schedules/schemas";
import { UpdateScheduleOutputSchema } from "../../src/schedules/output";
import { updateSchedule } from "../../src/schedules/store";
import { SCHEDULES_VERSIONS } from "../../src/schedules/versions";

const route = createRoute({
  method: "patch",
  path: "/v2/schedules/{scheduleId}",
  operationId: "SchedulesController_2024_06_11_updateSchedule",
  summary: "Update a schedule",
  description:
    "`availability` replaces the weekly rules and `overrides` the date overrides; omitted ones are kept. `isDefault: true` makes it the default schedule.",
  tags: ["Schedules"],
  request: {
    params: ScheduleIdParams,
    body: { required: true, content: { "application/json": { schema: UpdateScheduleInputSchema } } },
  },
  responses: {
    200: { description: "The updated schedule", content: { "application/json": { schema: UpdateScheduleOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updateScheduleOperation = defineOperation({
  route,
  versions: SCHEDULES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const schedule = await updateSchedule(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(schedule), 200);
  },
});
