import { createRoute } from "@hono/zod-openapi";
import { ScheduleIdParams, SUCCESS } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { DeleteScheduleOutputSchema } from "../../src/schedules/output";
import { deleteSchedule } from "../../src/schedules/store";
import { SCHEDULES_VERSIONS } from "../../src/schedules/versions";

const route = createRoute({
  method: "delete",
  path: "/v2/schedules/{scheduleId}",
  operationId: "SchedulesController_2024_06_11_deleteSchedule",
  summary: "Delete a schedule",
  description: "An unknown id is a 400, as in Cal.com. Deleting the default schedule makes the oldest remaining schedule the default.",
  tags: ["Schedules"],
  request: { params: ScheduleIdParams },
  responses: {
    200: { description: "Deleted", content: { "application/json": { schema: DeleteScheduleOutputSchema } } },
  },
});

export const deleteScheduleOperation = defineOperation({
  route,
  versions: SCHEDULES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    await deleteSchedule(c.var.deps, actorOf(c), c.req.valid("param"));
    return c.json({ status: SUCCESS }, 200);
  },
});
