import { createRoute } from "@hono/zod-openapi";
import { getOrgUserSchedule } from "../../../../src/organizations/schedules";
import { GetScheduleOutputSchema } from "../../../../src/schedules/output";
import { errorResponses } from "../../../../src/errors";
import { OrgIdParams, pathParams, ScheduleIdParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/users/{userId}/schedules/{scheduleId}",
  operationId: "OrganizationsSchedulesController_getUserSchedule",
  summary: "Get a schedule",
  description: "ORG_ADMIN and the user in the organization. Another user's schedule is a 403, an unknown one a 404.",
  tags: ["Orgs / Users / Schedules"],
  request: { params: pathParams(pathParams(OrgIdParams, UserIdParams), ScheduleIdParams) },
  responses: {
    200: { description: "Get a schedule", content: { "application/json": { schema: GetScheduleOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getOrgUserScheduleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getOrgUserSchedule(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
