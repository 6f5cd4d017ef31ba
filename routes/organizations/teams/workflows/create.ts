import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { OrgTeamParams } from "../../../../src/teams/schemas";
import { GetEventTypeWorkflowOutputSchema } from "../../../../src/workflows/output";
import { CreateEventTypeWorkflowSchema } from "../../../../src/workflows/schemas";
import { createEventTypeWorkflow } from "../../../../src/workflows/service";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/workflows",
  operationId: "OrganizationTeamWorkflowsController_createEventTypeWorkflow",
  summary: "Create organization team workflow for event-types",
  description:
    "TEAM_ADMIN of the team or an ADMIN/OWNER of the organization, and the SCALE plan for platform organizations; where the organization or team has PBAC on, the `workflow.create` permission decides instead of the role. A team of another organization is a 404. Event types it is active on must be the team's (400 otherwise); `verifiedEmailId`/`verifiedPhoneId` must be the team's verified addresses. Existing future bookings of the covered event types get their reminders at once (BEFORE_EVENT/AFTER_EVENT).",
  tags: ["Orgs / Teams / Workflows"],
  request: { params: OrgTeamParams, body: { required: true, content: { "application/json": { schema: CreateEventTypeWorkflowSchema } } } },
  responses: {
    201: { description: "The created workflow", content: { "application/json": { schema: GetEventTypeWorkflowOutputSchema } } },
    ...errorResponses(400, 403, 404),
  },
});

export const createOrgTeamWorkflowOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await createEventTypeWorkflow(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 201),
});
