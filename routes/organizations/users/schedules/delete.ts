import { createRoute } from "@hono/zod-openapi";
import { deleteOrgUserSchedule } from "../../../../src/organizations/schedules";
import { DeleteScheduleOutputSchema } from "../../../../src/schedules/output";
import { OrgIdParams, pathParams, ScheduleIdParams, SUCCESS, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/users/{userId}/schedules/{scheduleId}",
  operationId: "OrganizationsSchedulesController_deleteUserSchedule",
  summary: "Delete a schedule",
  description:
    "ORG_ADMIN and the user in the organization. As `DELETE /v2/schedules/{scheduleId}` for that user (an unknown id is a 400, as in Cal.com); answers `{status}` only.",
  tags: ["Orgs / Users / Schedules"],
  request: { params: pathParams(pathParams(OrgIdParams, UserIdParams), ScheduleIdParams) },
  responses: {
    200: { description: "Delete a schedule", content: { "application/json": { schema: DeleteScheduleOutputSchema } } },
  },
});

export const deleteOrgUserScheduleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    await deleteOrgUserSchedule(c.var.deps, actorOf(c), c.req.valid("param"));
    return c.json({ status: SUCCESS }, 200);
  },
});
