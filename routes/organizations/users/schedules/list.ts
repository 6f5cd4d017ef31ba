import { createRoute } from "@hono/zod-openapi";
import { listOrgUserSchedules } from "../../../../src/organizations/schedules";
import { GetSchedulesOutputSchema } from "../../../../src/schedules/output";
import { OrgIdParams, pathParams, success, UserIdParams } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/users/{userId}/schedules",
  operationId: "OrganizationsSchedulesController_getUserSchedules",
  summary: "Get all schedules",
  description: "ORG_ADMIN and the user in the organization. The user's schedules, in id order.",
  tags: ["Orgs / Users / Schedules"],
  request: { params: pathParams(OrgIdParams, UserIdParams) },
  responses: {
    200: { description: "Get all schedules", content: { "application/json": { schema: GetSchedulesOutputSchema } } },
  },
});

export const listOrgUserSchedulesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOrgUserSchedules(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
