import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { UpdatePrivateLinkInputSchema, UpdatePrivateLinkOutputSchema, updatePrivateLink } from "../../../src/event-types/private-links";
import { defineOperation } from "../../../src/operation";
import { EVENT_TYPES_VERSIONS } from "../versions";
import { LinkParamsSchema } from "./params";

const route = createRoute({
  method: "patch",
  path: "/v2/event-types/{eventTypeId}/private-links/{linkId}",
  operationId: "EventTypesPrivateLinksController_updatePrivateLink",
  summary: "Update a private link for an event type",
  description: "Replaces the link's expiry: `expiresAt` makes it expire at that time, `maxUsageCount` after that many bookings.",
  tags: ["Event Types Private Links"],
  request: {
    params: LinkParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdatePrivateLinkInputSchema } } },
  },
  responses: {
    200: { description: "The updated private link", content: { "application/json": { schema: UpdatePrivateLinkOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updatePrivateLinkOperation = defineOperation({
  route,
  versions: EVENT_TYPES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const { eventTypeId, linkId } = c.req.valid("param");
    const data = await updatePrivateLink(c.var.deps.db, c.var.principal!.userId, eventTypeId, linkId, c.req.valid("json"), c.var.env.WEBSITE_URL);
    return c.json({ status: "success" as const, data }, 200);
  },
});
