// An event message becomes one delivery per matching active webhook (user, event-type and OAuth-client level).
// Idempotent: the (webhook, event) pair is unique, so a redelivered event message creates nothing twice,
// and only deliveries never attempted are (re-)enqueued.
import type { Env } from "../env";
import type { Deps } from "../services";
import { deliverMessage, type WebhookEnvelope, type WebhookEventMessage } from "../webhooks/messages";
import { matchingWebhooksWhere } from "../webhooks/subscribers";

const SEND_BATCH_LIMIT = 100;
const DAY_MS = 86_400_000;

export async function fanOutEvent(services: Deps, env: Env, message: WebhookEventMessage): Promise<number> {
  const { db, webhookQueue, logger } = services;
  const where = matchingWebhooksWhere(message.trigger, message);
  if (!where) return 0;
  const webhooks = await db.webhook.findMany({ where, select: { id: true } });
  if (webhooks.length === 0) return 0;
  const webhookIds = webhooks.map((webhook) => webhook.id);

  const event: WebhookEnvelope = { triggerEvent: message.trigger, createdAt: message.createdAt, payload: message.payload };
  await db.webhookDelivery.createMany({
    data: webhookIds.map((webhookId) => ({
      webhookId,
      eventId: message.eventId,
      triggerEvent: message.trigger,
      event: event as object,
    })),
    skipDuplicates: true,
  });
  const unsent = await db.webhookDelivery.findMany({
    where: { eventId: message.eventId, webhookId: { in: webhookIds }, status: "PENDING", round: 0, roundAttempts: 0 },
    select: { id: true },
  });
  for (let start = 0; start < unsent.length; start += SEND_BATCH_LIMIT) {
    await webhookQueue.sendBatch(unsent.slice(start, start + SEND_BATCH_LIMIT).map((delivery) => deliverMessage(delivery.id, 0)));
  }

  // Bounded retention: the log of these webhooks keeps WEBHOOK_DELIVERY_RETENTION_DAYS days.
  const cutoff = new Date(Date.now() - env.WEBHOOK_DELIVERY_RETENTION_DAYS * DAY_MS);
  await db.webhookDelivery
    .deleteMany({ where: { webhookId: { in: webhookIds }, createdAt: { lt: cutoff } } })
    .catch((error: unknown) => logger.warn("webhook delivery log pruning failed", { error: String(error) }));
  logger.info("webhook event fanned out", { eventId: message.eventId, trigger: message.trigger, deliveries: unsent.length });
  return unsent.length;
}
