import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { userEventTypeWebhookGuard } from "../../../src/webhooks/ownership";
import { EventTypeWebhookOutputResponseSchema, EventTypeWebhookParamsSchema, toEventTypeWebhookOutput } from "../../webhooks/webhook-schemas";

const route = createRoute({
  method: "get",
  path: "/v2/event-types/{eventTypeId}/webhooks/{webhookId}",
  operationId: "EventTypeWebhooksController_getEventTypeWebhook",
  summary: "Get a webhook",
  tags: ["Event Types / Webhooks"],
  middleware: [userEventTypeWebhookGuard],
  request: { params: EventTypeWebhookParamsSchema },
  responses: {
    200: { description: "The webhook (its secret is never returned)", content: { "application/json": { schema: EventTypeWebhookOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const getEventTypeWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json({ status: "success" as const, data: toEventTypeWebhookOutput(c.get("guardedWebhook")) }, 200),
});
