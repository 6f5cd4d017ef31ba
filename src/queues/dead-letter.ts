// Messages that used up their retries on the webhook queue land here (wrangler.toml: dead_letter_queue).
import { markCalendarEventFailed } from "../calendars/booking-events/sync";
import type { Deps } from "../services";
import { captureMessage } from "../services/error-reporting";
import type { WebhookQueueMessage } from "../webhooks/messages";

export async function processDeadLetter(services: Pick<Deps, "db" | "logger">, message: WebhookQueueMessage, queueAttempts: number) {
  const { db, logger } = services;
  if (message.kind === "calendar-event") {
    await markCalendarEventFailed(services, message);
    return;
  }
  if (message.kind === "event") {
    // The fan-out itself kept failing (database down for the whole retry window): no delivery exists to mark.
    logger.error("webhook event dead-lettered before fan-out", { eventId: message.eventId, trigger: message.trigger, queueAttempts });
    captureMessage(`webhook event ${message.eventId} dead-lettered before fan-out`, "error");
    return;
  }
  const now = new Date();
  const marked = await db.webhookDelivery.updateMany({
    where: { id: message.deliveryId, round: message.round, status: { in: ["PENDING", "RETRYING"] } },
    data: { status: "FAILED", failureReason: "retries_exhausted", failedAt: now, nextAttemptAt: null, leaseUntil: null },
  });
  logger.warn("webhook delivery failed after its last retry", { deliveryId: message.deliveryId, round: message.round, marked: marked.count });
}
