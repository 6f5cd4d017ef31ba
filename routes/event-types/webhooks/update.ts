import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { userEventTypeWebhookGuard } from "../../../src/webhooks/ownership";
import { updateOwnedWebhook } from "../../../src/webhooks/store";
import {
  EventTypeWebhookOutputResponseSchema,
  EventTypeWebhookParamsSchema,
  revealsSecret,
  toEventTypeWebhookOutput,
  UpdateWebhookInputSchema,
} from "../../webhooks/webhook-schemas";

const route = createRoute({
  method: "patch",
  path: "/v2/event-types/{eventTypeId}/webhooks/{webhookId}",
  operationId: "EventTypeWebhooksController_updateEventTypeWebhook",
  summary: "Update a webhook",
  description: "Setting `active` to true on a webhook that was disabled after continuous delivery failures re-enables it and clears the reason.",
  tags: ["Event Types / Webhooks"],
  middleware: [userEventTypeWebhookGuard],
  request: {
    params: EventTypeWebhookParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdateWebhookInputSchema } } },
  },
  responses: {
    200: { description: "The updated webhook", content: { "application/json": { schema: EventTypeWebhookOutputResponseSchema } } },
    ...errorResponses(404, 409),
  },
});

export const updateEventTypeWebhookOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const input = c.req.valid("json");
    const owner = { kind: "eventType" as const, eventTypeId: c.get("guardedEventTypeId") };
    const webhook = await updateOwnedWebhook(c.var.deps.db, c.var.env, owner, c.get("guardedWebhook"), input);
    return c.json({ status: "success" as const, data: toEventTypeWebhookOutput(webhook, revealsSecret(input)) }, 200);
  },
});
