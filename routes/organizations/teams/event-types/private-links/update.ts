import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../../../src/errors";
import { UpdatePrivateLinkOutputSchema } from "../../../../../src/event-types/output";
import { updatePrivateLink } from "../../../../../src/event-types/private-links";
import { UpdatePrivateLinkInputSchema } from "../../../../../src/event-types/schemas";
import { success } from "../../../../../src/http/common";
import { actorOf } from "../../../../../src/http/context";
import { defineOperation } from "../../../../../src/operation";
import { OrgTeamPrivateLinkParams } from "../../../../../src/team-event-types/schemas";

const route = createRoute({
  method: "patch",
  path: "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}/private-links/{linkId}",
  operationId: "OrganizationsEventTypesPrivateLinksController_updatePrivateLink",
  summary: "Update a private link for a team event type",
  description:
    "For a team ADMIN or OWNER, or an org ADMIN or OWNER. Replaces the link's expiry: `expiresAt` makes it expire at that time, `maxUsageCount` after that many bookings (Cal.com reads this body unvalidated; here a body naming neither is a 400).",
  tags: ["Orgs / Teams / Event Types / Private Links"],
  request: {
    params: OrgTeamPrivateLinkParams,
    body: { required: true, content: { "application/json": { schema: UpdatePrivateLinkInputSchema } } },
  },
  responses: {
    200: { description: "The updated private link", content: { "application/json": { schema: UpdatePrivateLinkOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updateOrgTeamPrivateLinkOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const link = await updatePrivateLink(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(link), 200);
  },
});
