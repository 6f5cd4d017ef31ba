import { createRoute } from "@hono/zod-openapi";
import { createOrgUserSchedule } from "../../../../src/organizations/schedules";
import { CreateScheduleOutputSchema } from "../../../../src/schedules/output";
import { CreateScheduleInputSchema } from "../../../../src/schedules/schemas";
import { OrgIdParams, pathParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/users/{userId}/schedules",
  operationId: "OrganizationsSchedulesController_createUserSchedule",
  summary: "Create a schedule",
  description:
    "ORG_ADMIN and the user in the organization. As `POST /v2/schedules` for that user: it becomes their default when `isDefault` is true or when they have none.",
  tags: ["Orgs / Users / Schedules"],
  request: { params: pathParams(OrgIdParams, UserIdParams), body: { required: true, content: { "application/json": { schema: CreateScheduleInputSchema } } } },
  responses: {
    201: { description: "Create a schedule", content: { "application/json": { schema: CreateScheduleOutputSchema } } },
  },
});

export const createOrgUserScheduleOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createOrgUserSchedule(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});
