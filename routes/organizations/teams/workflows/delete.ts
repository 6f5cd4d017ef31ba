import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { SUCCESS } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { DeleteWorkflowOutputSchema } from "../../../../src/workflows/output";
import { WorkflowIdParams } from "../../../../src/workflows/schemas";
import { deleteEventTypeWorkflow } from "../../../../src/workflows/service";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/teams/{teamId}/workflows/{workflowId}",
  operationId: "OrganizationTeamWorkflowsController_deleteWorkflow",
  summary: "Delete organization team workflow",
  description:
    'TEAM_ADMIN of the team or an ADMIN/OWNER of the organization, and the SCALE plan for platform organizations; where the organization or team has PBAC on, the `workflow.delete` permission decides instead of the role. A team of another organization is a 404. Pending reminders of the workflow are cancelled (status CANCELLED, reason "The workflow was deleted"), never left to fire.',
  tags: ["Orgs / Teams / Workflows"],
  request: { params: WorkflowIdParams },
  responses: {
    200: { description: "Deleted", content: { "application/json": { schema: DeleteWorkflowOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const deleteOrgTeamWorkflowOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    await deleteEventTypeWorkflow(c.var.deps, actorOf(c), c.req.valid("param"));
    return c.json({ status: SUCCESS }, 200);
  },
});
