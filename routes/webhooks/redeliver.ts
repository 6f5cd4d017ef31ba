import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { redeliverWebhookDelivery } from "../../src/webhooks/deliveries";
import { OUR_ADDITION, RedeliverOutputResponseSchema, WHOSE_WEBHOOKS } from "../../src/webhooks/output";
import { WebhookDeliveryParams } from "../../src/webhooks/schemas";

const route = createRoute({
  method: "post",
  path: "/v2/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
  operationId: "WebhookDeliveries_redeliver",
  summary: "Redeliver a webhook delivery (not in Cal.com)",
  description: `${OUR_ADDITION} ${WHOSE_WEBHOOKS}\n\nQueues the event again for this webhook, with the webhook's current URL, template and secret. The delivery keeps its id (X-Cal-Webhook-Delivery-Id), so a subscriber that already processed it can recognise it. Only a delivered or failed delivery of an active webhook can be redelivered.`,
  tags: ["Webhooks"],
  request: { params: WebhookDeliveryParams },
  responses: {
    202: { description: "The redelivery is queued", content: { "application/json": { schema: RedeliverOutputResponseSchema } } },
    ...errorResponses(404, 409, 503),
  },
});

export const redeliverWebhookDeliveryOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await redeliverWebhookDelivery(c.var.deps, actorOf(c), c.req.valid("param"))), 202),
});
