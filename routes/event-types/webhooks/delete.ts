import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { userEventTypeWebhookGuard } from "../../../src/webhooks/ownership";
import { deleteOwnedWebhook } from "../../../src/webhooks/store";
import { EventTypeWebhookOutputResponseSchema, EventTypeWebhookParamsSchema, toEventTypeWebhookOutput } from "../../webhooks/webhook-schemas";

const route = createRoute({
  method: "delete",
  path: "/v2/event-types/{eventTypeId}/webhooks/{webhookId}",
  operationId: "EventTypeWebhooksController_deleteEventTypeWebhook",
  summary: "Delete a webhook",
  description: "Returns the deleted webhook. Its delivery log is deleted with it and pending deliveries are dropped.",
  tags: ["Event Types / Webhooks"],
  middleware: [userEventTypeWebhookGuard],
  request: { params: EventTypeWebhookParamsSchema },
  responses: {
    200: { description: "The deleted webhook", content: { "application/json": { schema: EventTypeWebhookOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const deleteEventTypeWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const webhook = await deleteOwnedWebhook(c.var.deps.db, c.get("guardedWebhook"));
    return c.json({ status: "success" as const, data: toEventTypeWebhookOutput(webhook) }, 200);
  },
});
