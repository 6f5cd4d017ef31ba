import { createRoute } from "@hono/zod-openapi";
import { listOrganizationSchedules, OrgSchedulesQuery } from "../../../src/organizations/schedules";
import { GetSchedulesOutputSchema } from "../../../src/schedules/output";
import { OrgIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/schedules",
  operationId: "OrganizationsSchedulesController_getOrganizationSchedules",
  summary: "Get all schedules",
  description: "ORG_ADMIN. The schedules of every user of the organization, in id order.",
  tags: ["Orgs / Schedules"],
  request: { params: OrgIdParams, query: OrgSchedulesQuery },
  responses: {
    200: { description: "Get all schedules", content: { "application/json": { schema: GetSchedulesOutputSchema } } },
  },
});

export const listOrganizationSchedulesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listOrganizationSchedules(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
