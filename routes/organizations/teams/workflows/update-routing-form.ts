import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { GetRoutingFormWorkflowOutputSchema } from "../../../../src/workflows/output";
import { UpdateFormWorkflowSchema, WorkflowIdParams } from "../../../../src/workflows/schemas";
import { updateRoutingFormWorkflow } from "../../../../src/workflows/service";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/teams/{teamId}/workflows/{workflowId}/routing-form",
  operationId: "OrganizationTeamWorkflowsController_updateRoutingFormWorkflow",
  summary: "Update organization routing form team workflow",
  description:
    "TEAM_ADMIN of the team or an ADMIN/OWNER of the organization, and the SCALE plan for platform organizations; where the organization or team has PBAC on, the `workflow.update` permission decides instead of the role. A team of another organization is a 404. Fields left out keep their values; `steps`, when given, is the whole list (a step with `id` is updated, one without is added, the others removed).",
  tags: ["Orgs / Teams / Workflows"],
  request: { params: WorkflowIdParams, body: { required: true, content: { "application/json": { schema: UpdateFormWorkflowSchema } } } },
  responses: {
    200: { description: "The updated workflow", content: { "application/json": { schema: GetRoutingFormWorkflowOutputSchema } } },
    ...errorResponses(400, 403, 404),
  },
});

export const updateOrgTeamRoutingFormWorkflowOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateRoutingFormWorkflow(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
