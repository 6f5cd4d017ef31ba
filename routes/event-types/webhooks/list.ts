import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { EventTypeIdParamsSchema, userEventTypeWebhookGuard } from "../../../src/webhooks/ownership";
import { listOwnedWebhooks } from "../../../src/webhooks/store";
import { EventTypeWebhooksOutputResponseSchema, SkipTakeQuerySchema, toEventTypeWebhookOutput } from "../../webhooks/webhook-schemas";

const route = createRoute({
  method: "get",
  path: "/v2/event-types/{eventTypeId}/webhooks",
  operationId: "EventTypeWebhooksController_getEventTypeWebhooks",
  summary: "Get all webhooks",
  tags: ["Event Types / Webhooks"],
  middleware: [userEventTypeWebhookGuard],
  request: { params: EventTypeIdParamsSchema, query: SkipTakeQuerySchema },
  responses: {
    200: { description: "The event type's webhooks (never their secrets)", content: { "application/json": { schema: EventTypeWebhooksOutputResponseSchema } } },
    ...errorResponses(404),
  },
});

export const listEventTypeWebhooksOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const owner = { kind: "eventType" as const, eventTypeId: c.get("guardedEventTypeId") };
    const webhooks = await listOwnedWebhooks(c.var.deps.db, owner, c.req.valid("query"));
    return c.json({ status: "success" as const, data: webhooks.map((webhook) => toEventTypeWebhookOutput(webhook)) }, 200);
  },
});
