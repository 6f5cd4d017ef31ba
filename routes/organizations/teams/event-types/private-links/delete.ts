import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { DeletePrivateLinkOutputSchema } from "../../../../../src/event-types/output";
import { deletePrivateLink } from "../../../../../src/event-types/private-links";
import { success } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { OrgTeamPrivateLinkParams } from "../../../../../src/team-event-types/schemas";

const route = createRoute({
  method: "delete",
  path: "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}/private-links/{linkId}",
  operationId: "OrganizationsEventTypesPrivateLinksController_deletePrivateLink",
  summary: "Delete a private link for a team event type",
  description: "For a team ADMIN or OWNER, or an org ADMIN or OWNER; the event type must be the team's (404).",
  tags: ["Orgs / Teams / Event Types / Private Links"],
  request: { params: OrgTeamPrivateLinkParams },
  responses: {
    200: { description: "Deleted", content: { "application/json": { schema: DeletePrivateLinkOutputSchema } } },
    ...errorResponses(404),
  },
});

export const deleteOrgTeamPrivateLinkOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await deletePrivateLink(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
