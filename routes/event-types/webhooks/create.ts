import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { EventTypeIdParamsSchema, userEventTypeWebhookGuard } from "../../../src/webhooks/ownership";
import { createOwnedWebhook } from "../../../src/webhooks/store";
import { CreateWebhookInputSchema, EventTypeWebhookOutputResponseSchema, toEventTypeWebhookOutput } from "../../webhooks/webhook-schemas";

const route = createRoute({
  method: "post",
  path: "/v2/event-types/{eventTypeId}/webhooks",
  operationId: "EventTypeWebhooksController_createEventTypeWebhook",
  summary: "Create a webhook",
  description: "For an event type of the caller. Fires for events of that event type's bookings. The `secret` is returned in this response only.",
  tags: ["Event Types / Webhooks"],
  middleware: [userEventTypeWebhookGuard],
  request: {
    params: EventTypeIdParamsSchema,
    body: { required: true, content: { "application/json": { schema: CreateWebhookInputSchema } } },
  },
  responses: {
    201: { description: "The created webhook", content: { "application/json": { schema: EventTypeWebhookOutputResponseSchema } } },
    ...errorResponses(404, 409),
  },
});

export const createEventTypeWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const owner = { kind: "eventType" as const, eventTypeId: c.get("guardedEventTypeId") };
    const webhook = await createOwnedWebhook(c.var.deps.db, c.var.env, owner, c.req.valid("json"));
    return c.json({ status: "success" as const, data: toEventTypeWebhookOutput(webhook, { revealSecret: true }) }, 201);
  },
});
