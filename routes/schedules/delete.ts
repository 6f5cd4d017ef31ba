import { createRoute } from "@hono/zod-openapi";
import { defineOperation } from "../../src/operation";
import { DeleteScheduleOutputSchema, ScheduleIdParamSchema } from "../../src/schedules/schemas";
import { deleteSchedule } from "../../src/schedules/store";
import { SCHEDULES_VERSIONS } from "./versions";

const route = createRoute({
  method: "delete",
  path: "/v2/schedules/{scheduleId}",
  operationId: "SchedulesController_2024_06_11_deleteSchedule",
  summary: "Delete a schedule",
  description: "An unknown id is a 400, as in Cal.com. Deleting the default schedule makes the oldest remaining schedule the default.",
  tags: ["Schedules"],
  request: { params: ScheduleIdParamSchema },
  responses: {
    200: { description: "Deleted", content: { "application/json": { schema: DeleteScheduleOutputSchema } } },
  },
});

export const deleteScheduleOperation = defineOperation({
  route,
  versions: SCHEDULES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const { scheduleId } = c.req.valid("param");
    await deleteSchedule(c.var.deps.txDb, c.var.principal!.userId, scheduleId);
    return c.json({ status: "success" as const }, 200);
  },
});
