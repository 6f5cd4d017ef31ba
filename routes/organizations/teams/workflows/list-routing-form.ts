import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { OrgTeamParams } from "../../../../src/teams/schemas";
import { GetRoutingFormWorkflowsOutputSchema } from "../../../../src/workflows/output";
import { WorkflowListQuery } from "../../../../src/workflows/schemas";
import { listRoutingFormWorkflows } from "../../../../src/workflows/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/workflows/routing-form",
  operationId: "OrganizationTeamWorkflowsController_getRoutingFormWorkflows",
  summary: "Get organization team workflows",
  description:
    "TEAM_ADMIN of the team or an ADMIN/OWNER of the organization, and the SCALE plan for platform organizations; where the organization or team has PBAC on, the `workflow.read` permission decides instead of the role. A team of another organization is a 404. The team's routing-form workflows, oldest first.",
  tags: ["Orgs / Teams / Workflows"],
  request: { params: OrgTeamParams, query: WorkflowListQuery },
  responses: {
    200: { description: "The workflows", content: { "application/json": { schema: GetRoutingFormWorkflowsOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const listOrgTeamRoutingFormWorkflowsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listRoutingFormWorkflows(c.var.deps, actorOf(c), { ...c.req.valid("param"), query: c.req.valid("query") })), 200),
});
