import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { CreatePrivateLinkInputSchema, CreatePrivateLinkOutputSchema, createPrivateLink } from "../../../src/event-types/private-links";
import { defineOperation } from "../../../src/operation";
import { EVENT_TYPES_VERSIONS } from "../versions";
import { EventTypeParamSchema } from "./params";

const route = createRoute({
  method: "post",
  path: "/v2/event-types/{eventTypeId}/private-links",
  operationId: "EventTypesPrivateLinksController_createPrivateLink",
  summary: "Create a private link for an event type",
  description: "Expires at `expiresAt`, or after `maxUsageCount` bookings; with neither, after one booking.",
  tags: ["Event Types Private Links"],
  request: {
    params: EventTypeParamSchema,
    body: { required: true, content: { "application/json": { schema: CreatePrivateLinkInputSchema } } },
  },
  responses: {
    201: { description: "The private link", content: { "application/json": { schema: CreatePrivateLinkOutputSchema } } },
    ...errorResponses(404),
  },
});

export const createPrivateLinkOperation = defineOperation({
  route,
  versions: EVENT_TYPES_VERSIONS,
  auth: { allow: "any" },
  handler: async (c) => {
    const { eventTypeId } = c.req.valid("param");
    const data = await createPrivateLink(c.var.deps.db, c.var.principal!.userId, eventTypeId, c.req.valid("json"), c.var.env.WEBSITE_URL);
    return c.json({ status: "success" as const, data }, 201);
  },
});
