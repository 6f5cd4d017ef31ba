// Our delivery-log operations (not in Cal.com): read a webhook's deliveries, and redeliver one.
import type { Actor } from "../auth/principal";
import type { WebhookDeliveryStatus } from "../generated/prisma/client";
import type { Deps } from "../services";
import { deliveryInProgress, redeliveryNotQueued, webhookDeliveryNotFound, webhookNotActive } from "./errors";
import { deliverMessage } from "./messages";
import { type DeliveryRow, toDeliveryOutput, toWebhookHealth, type WebhookDeliveryOutput } from "./output";
import { loadWebhookOfCaller } from "./ownership";
import type { DeliveryStatus } from "./schemas";

const STATUS_TO_DB: Record<DeliveryStatus, WebhookDeliveryStatus> = { pending: "PENDING", retrying: "RETRYING", delivered: "DELIVERED", failed: "FAILED" };

const deliverySelect = {
  id: true,
  eventId: true,
  triggerEvent: true,
  status: true,
  attempts: true,
  round: true,
  lastResponseCode: true,
  lastError: true,
  lastDurationMs: true,
  failureReason: true,
  createdAt: true,
  firstAttemptAt: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  deliveredAt: true,
  failedAt: true,
} as const satisfies Record<keyof DeliveryRow, true>;

/** A webhook's health and its deliveries, newest first. */
export async function listWebhookDeliveries(deps: Deps, actor: Actor, input: { webhookId: string; take?: number; skip?: number; status?: DeliveryStatus }) {
  const webhook = await loadWebhookOfCaller(deps, actor, input.webhookId);
  const { take = 50, skip = 0, status } = input;
  const deliveries = await deps.db.webhookDelivery.findMany({
    where: { webhookId: webhook.id, ...(status ? { status: STATUS_TO_DB[status] } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: deliverySelect,
  });
  return { webhook: toWebhookHealth(webhook), deliveries: deliveries.map(toDeliveryOutput) };
}

/**
 * Queues a finished delivery again (a new round, the same delivery id), with the webhook's current URL, template
 * and secret. Only a delivered or failed delivery of an active webhook; the round check makes two concurrent
 * requests queue it once.
 */
export async function redeliverWebhookDelivery(deps: Deps, actor: Actor, input: { webhookId: string; deliveryId: string }): Promise<WebhookDeliveryOutput> {
  const { db, webhookQueue, logger } = deps;
  const { deliveryId } = input;
  const webhook = await loadWebhookOfCaller(deps, actor, input.webhookId);
  const delivery = await db.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId: webhook.id }, select: deliverySelect });
  if (!delivery) throw webhookDeliveryNotFound(deliveryId);
  if (!webhook.active) throw webhookNotActive(webhook.id);
  if (delivery.status !== "DELIVERED" && delivery.status !== "FAILED") throw deliveryInProgress(deliveryId);
  const round = delivery.round + 1;
  const reset = await db.webhookDelivery.updateMany({
    where: { id: delivery.id, round: delivery.round, status: { in: ["DELIVERED", "FAILED"] } },
    data: { round, roundAttempts: 0, status: "PENDING", failureReason: null, nextAttemptAt: null, leaseUntil: null, deliveredAt: null, failedAt: null },
  });
  if (reset.count !== 1) throw deliveryInProgress(deliveryId);
  try {
    await webhookQueue.send(deliverMessage(delivery.id, round).body, { contentType: "json" });
  } catch (error) {
    logger.error("webhook redelivery could not be enqueued", { deliveryId, error: String(error) });
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", failureReason: "enqueue_failed", failedAt: new Date() } });
    throw redeliveryNotQueued();
  }
  // As queued (the consumer may already be working on it).
  return toDeliveryOutput({ ...delivery, round, status: "PENDING", failureReason: null, nextAttemptAt: null, deliveredAt: null, failedAt: null });
}
