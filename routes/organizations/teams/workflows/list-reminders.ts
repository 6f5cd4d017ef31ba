import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { SUCCESS } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { listWorkflowReminders } from "../../../../src/workflows/reminders/list";
import {
  OUR_ADDITION,
  WorkflowReminderParams,
  WorkflowRemindersOutputResponseSchema,
  WorkflowRemindersQuery,
} from "../../../../src/workflows/reminders/output";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/workflows/{workflowId}/reminders",
  operationId: "OrganizationTeamWorkflowReminders_list",
  summary: "Get a workflow's reminders (not in Cal.com)",
  description: `${OUR_ADDITION}\n\nTEAM_ADMIN of the team, or an ADMIN or OWNER of the organization. Newest scheduled first.`,
  tags: ["Orgs / Teams / Workflows"],
  request: { params: WorkflowReminderParams, query: WorkflowRemindersQuery },
  responses: {
    200: { description: "The workflow's reminders", content: { "application/json": { schema: WorkflowRemindersOutputResponseSchema } } },
    ...errorResponses(403, 404),
  },
});

export const listWorkflowRemindersOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const input = { ...c.req.valid("param"), ...c.req.valid("query") };
    return c.json({ status: SUCCESS, ...(await listWorkflowReminders(c.var.deps, actorOf(c), input)) }, 200);
  },
});
