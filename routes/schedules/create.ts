import { createRoute } from "@hono/zod-openapi";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { CreateScheduleInputSchema } from "../../src/schedules/schemas";
import { CreateScheduleOutputSchema } from "../../src/schedules/output";
import { createSchedule } from "../../src/schedules/store";
import { SCHEDULES_VERSIONS } from "../../src/schedules/versions";

const route = createRoute({
  method: "post",
  path: "/v2/schedules",
  operationId: "SchedulesController_2024_06_11_createSchedule",
  summary: "Create a schedule",
  description:
    "Creates a schedule for the authenticated user. It becomes the default schedule when `isDefault` is true or when the user has no default yet. Omitted `availability` means Monday to Friday, 09:00 to 17:00.",
  tags: ["Schedules"],
  request: { body: { required: true, content: { "application/json": { schema: CreateScheduleInputSchema } } } },
  responses: {
    201: { description: "The created schedule", content: { "application/json": { schema: CreateScheduleOutputSchema } } },
  },
});

export const createScheduleOperation = defineOperation({
  route,
  versions: SCHEDULES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const schedule = await createSchedule(c.var.deps, actorOf(c), c.req.valid("json"));
    return c.json(success(schedule), 201);
  },
});
