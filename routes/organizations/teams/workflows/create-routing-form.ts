import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { OrgTeamParams } from "../../../../src/teams/schemas";
import { GetRoutingFormWorkflowOutputSchema } from "../../../../src/workflows/output";
import { CreateFormWorkflowSchema } from "../../../../src/workflows/schemas";
import { createRoutingFormWorkflow } from "../../../../src/workflows/service";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/workflows/routing-form",
  operationId: "OrganizationTeamWorkflowsController_createFormWorkflow",
  summary: "Create organization team workflow for routing-forms",
  description:
    "TEAM_ADMIN of the team or an ADMIN/OWNER of the organization, and the SCALE plan for platform organizations; where the organization or team has PBAC on, the `workflow.create` permission decides instead of the role. A team of another organization is a 404. Routing forms it is active on must be the team's (400 otherwise). Stored as Cal.com stores it; this implementation does not send routing-form workflow messages.",
  tags: ["Orgs / Teams / Workflows"],
  request: { params: OrgTeamParams, body: { required: true, content: { "application/json": { schema: CreateFormWorkflowSchema } } } },
  responses: {
    201: { description: "The created workflow", content: { "application/json": { schema: GetRoutingFormWorkflowOutputSchema } } },
    ...errorResponses(400, 403, 404),
  },
});

export const createOrgTeamRoutingFormWorkflowOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createRoutingFormWorkflow(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});
