import { createRoute } from "@hono/zod-openapi";
import { updateOrgUserSchedule } from "../../../../src/organizations/schedules";
import { UpdateScheduleOutputSchema } from "../../../../src/schedules/output";
import { UpdateScheduleInputSchema } from "../../../../src/schedules/schemas";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, ScheduleIdParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/users/{userId}/schedules/{scheduleId}",
  operationId: "OrganizationsSchedulesController_updateUserSchedule",
  summary: "Update a schedule",
  description: "ORG_ADMIN and the user in the organization. As `PATCH /v2/schedules/{scheduleId}` for that user.",
  tags: ["Orgs / Users / Schedules"],
  request: {
    params: pathParams(pathParams(OrgIdParams, UserIdParams), ScheduleIdParams),
    body: { required: true, content: { "application/json": { schema: UpdateScheduleInputSchema } } },
  },
  responses: {
    200: { description: "Update a schedule", content: { "application/json": { schema: UpdateScheduleOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updateOrgUserScheduleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateOrgUserSchedule(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
