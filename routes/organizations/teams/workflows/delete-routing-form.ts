import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { SUCCESS } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { DeleteWorkflowOutputSchema } from "../../../../src/workflows/output";
import { WorkflowIdParams } from "../../../../src/workflows/schemas";
import { deleteRoutingFormWorkflow } from "../../../../src/workflows/service";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/teams/{teamId}/workflows/{workflowId}/routing-form",
  operationId: "OrganizationTeamWorkflowsController_deleteRoutingFormWorkflow",
  summary: "Delete organization team routing-form workflow",
  description:
    "TEAM_ADMIN of the team or an ADMIN/OWNER of the organization, and the SCALE plan for platform organizations; where the organization or team has PBAC on, the `workflow.delete` permission decides instead of the role. A team of another organization is a 404. An event-type workflow is a 404 here.",
  tags: ["Orgs / Teams / Workflows"],
  request: { params: WorkflowIdParams },
  responses: {
    200: { description: "Deleted", content: { "application/json": { schema: DeleteWorkflowOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const deleteOrgTeamRoutingFormWorkflowOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    await deleteRoutingFormWorkflow(c.var.deps, actorOf(c), c.req.valid("param"));
    return c.json({ status: SUCCESS }, 200);
  },
});
