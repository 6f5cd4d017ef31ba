import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { GetRoutingFormWorkflowOutputSchema } from "../../../../src/workflows/output";
import { WorkflowIdParams } from "../../../../src/workflows/schemas";
import { getRoutingFormWorkflow } from "../../../../src/workflows/service";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/workflows/{workflowId}/routing-form",
  operationId: "OrganizationTeamWorkflowsController_getRoutingFormWorkflowById",
  summary: "Get organization team workflow",
  description:
    "TEAM_ADMIN of the team or an ADMIN/OWNER of the organization, and the SCALE plan for platform organizations; where the organization or team has PBAC on, the `workflow.read` permission decides instead of the role. A team of another organization is a 404. A workflow of another team, or an event-type workflow, is a 404.",
  tags: ["Orgs / Teams / Workflows"],
  request: { params: WorkflowIdParams },
  responses: {
    200: { description: "The workflow", content: { "application/json": { schema: GetRoutingFormWorkflowOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const getOrgTeamRoutingFormWorkflowOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getRoutingFormWorkflow(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
