import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { CreatePrivateLinkOutputSchema } from "../../../src/event-types/output";
import { createPrivateLink } from "../../../src/event-types/private-links";
import { CreatePrivateLinkInputSchema } from "../../../src/event-types/schemas";
import { EventTypeIdParams, success } from "../../../src/http/common";
import { actorOf } from "../../../src/http/context";
import { defineOperation } from "../../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/event-types/{eventTypeId}/private-links",
  operationId: "EventTypesPrivateLinksController_createPrivateLink",
  summary: "Create a private link for an event type",
  description: "Expires at `expiresAt`, or after `maxUsageCount` bookings; with neither, after one booking.",
  tags: ["Event Types Private Links"],
  request: {
    params: EventTypeIdParams,
    body: { required: true, content: { "application/json": { schema: CreatePrivateLinkInputSchema } } },
  },
  responses: {
    201: { description: "The private link", content: { "application/json": { schema: CreatePrivateLinkOutputSchema } } },
    ...errorResponses(404),
  },
});

export const createPrivateLinkOperation = defineOperation({
  route,
  // Cal.com's EventTypesPrivateLinksController declares no version: it answers every one (the contract documents
  // no cal-api-version header for these operations).
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const link = await createPrivateLink(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") });
    return c.json(success(link), 201);
  },
});
