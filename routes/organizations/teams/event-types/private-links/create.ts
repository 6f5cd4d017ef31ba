import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { CreatePrivateLinkOutputSchema } from "../../../../../src/event-types/output";
import { createPrivateLink } from "../../../../../src/event-types/private-links";
import { CreatePrivateLinkInputSchema } from "../../../../../src/event-types/schemas";
import { success } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { OrgTeamEventTypeParams } from "../../../../../src/team-event-types/schemas";

const route = createRoute({
  method: "post",
  path: "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}/private-links",
  operationId: "OrganizationsEventTypesPrivateLinksController_createPrivateLink",
  summary: "Create a private link for a team event type",
  description:
    "For a team ADMIN or OWNER, or an org ADMIN or OWNER; the event type must be the team's (404). Expires at `expiresAt`, or after `maxUsageCount` bookings; with neither, after one booking.",
  tags: ["Orgs / Teams / Event Types / Private Links"],
  request: {
    params: OrgTeamEventTypeParams,
    body: { required: true, content: { "application/json": { schema: CreatePrivateLinkInputSchema } } },
  },
  responses: {
    201: { description: "The private link", content: { "application/json": { schema: CreatePrivateLinkOutputSchema } } },
    ...errorResponses(404),
  },
});

export const createOrgTeamPrivateLinkOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const link = await createPrivateLink(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(link), 201);
  },
});
