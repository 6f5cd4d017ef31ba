import { createRoute, z } from "@hono/zod-openapi";
import { ApiError, errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { deliverMessage } from "../../src/webhooks/messages";
import { loadWebhookOfCaller } from "../../src/webhooks/ownership";
import { deliverySelect, OUR_ADDITION, toDeliveryOutput, WHOSE_WEBHOOKS, WebhookDeliveryOutputSchema } from "./delivery-schemas";

const ParamsSchema = z.object({
  webhookId: z.string().openapi({ param: { name: "webhookId", in: "path" } }),
  deliveryId: z.string().openapi({ param: { name: "deliveryId", in: "path" } }),
});

export const RedeliverOutputResponseSchema = z
  .object({ status: z.literal("success"), data: WebhookDeliveryOutputSchema })
  .openapi("WebhookRedeliveryOutputResponse");

const route = createRoute({
  method: "post",
  path: "/v2/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
  operationId: "WebhookDeliveries_redeliver",
  summary: "Redeliver a webhook delivery (not in Cal.com)",
  description: `${OUR_ADDITION} ${WHOSE_WEBHOOKS}\n\nQueues the event again for this webhook, with the webhook's current URL, template and secret. The delivery keeps its id (X-Cal-Webhook-Delivery-Id), so a subscriber that already processed it can recognise it. Only a delivered or failed delivery of an active webhook can be redelivered.`,
  tags: ["Webhooks"],
  request: { params: ParamsSchema },
  responses: {
    202: { description: "The redelivery is queued", content: { "application/json": { schema: RedeliverOutputResponseSchema } } },
    ...errorResponses(404, 409, 503),
  },
});

export const redeliverWebhookDeliveryOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { db, webhookQueue, logger } = c.var.deps;
    const { webhookId, deliveryId } = c.req.valid("param");
    const webhook = await loadWebhookOfCaller(c, webhookId);
    const delivery = await db.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId: webhook.id }, select: deliverySelect });
    if (!delivery) throw new ApiError("NotFoundException", `Webhook delivery (${deliveryId}) not found`);
    if (!webhook.active) {
      throw new ApiError("BadRequestException", `Webhook (${webhook.id}) is not active: set "active" to true before redelivering`);
    }
    if (delivery.status !== "DELIVERED" && delivery.status !== "FAILED") {
      throw new ApiError("ConflictException", `Webhook delivery (${deliveryId}) is still in progress`);
    }
    const round = delivery.round + 1;
    const reset = await db.webhookDelivery.updateMany({
      where: { id: delivery.id, round: delivery.round, status: { in: ["DELIVERED", "FAILED"] } },
      data: { round, roundAttempts: 0, status: "PENDING", failureReason: null, nextAttemptAt: null, leaseUntil: null, deliveredAt: null, failedAt: null },
    });
    if (reset.count !== 1) throw new ApiError("ConflictException", `Webhook delivery (${deliveryId}) is still in progress`);
    try {
      await webhookQueue.send(deliverMessage(delivery.id, round).body, { contentType: "json" });
    } catch (error) {
      logger.error("webhook redelivery could not be enqueued", { deliveryId, error: String(error) });
      await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", failureReason: "enqueue_failed", failedAt: new Date() } });
      throw new ApiError("ServiceUnavailableException", "The redelivery could not be queued; try again");
    }
    // As queued (the consumer may already be working on it).
    const queued = { ...delivery, round, status: "PENDING" as const, failureReason: null, nextAttemptAt: null, deliveredAt: null, failedAt: null };
    return c.json({ status: "success" as const, data: toDeliveryOutput(queued) }, 202);
  },
});
