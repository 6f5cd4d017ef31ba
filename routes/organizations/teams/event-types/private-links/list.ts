import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { GetPrivateLinksOutputSchema } from "../../../../../src/event-types/output";
import { listPrivateLinks } from "../../../../../src/event-types/private-links";
import { success } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { OrgTeamEventTypeParams } from "../../../../../src/team-event-types/schemas";

const route = createRoute({
  method: "get",
  path: "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}/private-links",
  operationId: "OrganizationsEventTypesPrivateLinksController_getPrivateLinks",
  summary: "Get all private links for a team event type",
  description: "For a team ADMIN or OWNER, or an org ADMIN or OWNER; the event type must be the team's (404).",
  tags: ["Orgs / Teams / Event Types / Private Links"],
  request: { params: OrgTeamEventTypeParams },
  responses: {
    200: { description: "The private links", content: { "application/json": { schema: GetPrivateLinksOutputSchema } } },
    ...errorResponses(404),
  },
});

export const listOrgTeamPrivateLinksOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await listPrivateLinks(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
