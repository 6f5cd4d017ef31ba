import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { UpdatePrivateLinkOutputSchema } from "../../../src/event-types/output";
import { updatePrivateLink } from "../../../src/event-types/private-links";
import { PrivateLinkParams, UpdatePrivateLinkInputSchema } from "../../../src/event-types/schemas";
import { success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "patch",
  path: "/v2/event-types/{eventTypeId}/private-links/{linkId}",
  operationId: "EventTypesPrivateLinksController_updatePrivateLink",
  summary: "Update a private link for an event type",
  description: "Replaces the link's expiry: `expiresAt` makes it expire at that time, `maxUsageCount` after that many bookings.",
  tags: ["Event Types Private Links"],
  request: {
    params: PrivateLinkParams,
    body: { required: true, content: { "application/json": { schema: UpdatePrivateLinkInputSchema } } },
  },
  responses: {
    200: { description: "The updated private link", content: { "application/json": { schema: UpdatePrivateLinkOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updatePrivateLinkOperation = defineOperation({
  route,
  // Cal.com's EventTypesPrivateLinksController declares no version: it answers every one (the contract documents
  // no cal-api-version header for these operations).
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const link = await updatePrivateLink(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(link), 200);
  },
});
