import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../src/errors";
import { success } from "../../../../src/http/common";
import { actorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { DeleteTeamEventTypeOutputSchema } from "../../../../src/team-event-types/output";
import { OrgTeamEventTypeParams } from "../../../../src/team-event-types/schemas";
import { deleteTeamEventType } from "../../../../src/team-event-types/service";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}",
  operationId: "OrganizationsEventTypesController_deleteTeamEventType",
  summary: "Delete a team event type",
  description: "For a team ADMIN or OWNER, or an org ADMIN or OWNER. Deletes its hosts and, for a managed event type, every child. Answers `{id, title}`.",
  tags: ["Orgs / Teams / Event Types"],
  request: { params: OrgTeamEventTypeParams },
  responses: {
    200: { description: "What was deleted", content: { "application/json": { schema: DeleteTeamEventTypeOutputSchema } } },
    ...errorResponses(403, 404),
  },
});

export const deleteOrgTeamEventTypeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deleteTeamEventType(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
