// The Worker's `queue` handler. One queue carries webhook work (fan-out and delivery messages) and the bookings'
// calendar-event writes (src/calendars/booking-events/); its dead-letter queue, recognised by name
// (WEBHOOK_DEAD_LETTER_QUEUE), marks what ran out of retries.
import { readEnv, type Env } from "../env";
import { createDeps, type Deps } from "../services";
import { WebhookQueueMessageSchema } from "../webhooks/messages";
import { retryDelaySeconds } from "./backoff";
import { processDeadLetter } from "./dead-letter";
import { processDelivery } from "./deliver";
import { fanOutEvent } from "./fan-out";
import { handleWorkflowMessage } from "../workflows/reminders/consumer";
import { processCalendarEventMessage } from "../calendars/booking-events/sync";

const MISCONFIGURED_RETRY_SECONDS = 60;

async function handleWebhookMessage(services: Deps, env: Env, message: Message<unknown>, deadLetter: boolean) {
  const { logger } = services;
  const parsed = WebhookQueueMessageSchema.safeParse(message.body);
  if (!parsed.success) {
    // Retrying cannot make it valid.
    logger.error("unreadable webhook queue message dropped", { messageId: message.id, problems: parsed.error.issues.map((i) => i.message) });
    message.ack();
    return;
  }
  const body = parsed.data;
  try {
    if (deadLetter) {
      await processDeadLetter(services, body, message.attempts);
      message.ack();
    } else if (body.kind === "calendar-event") {
      const outcome = await processCalendarEventMessage(services, body, message.attempts);
      logger.info("calendar event sync", { bookingUid: body.bookingUid, queueAttempts: message.attempts, result: outcome.result });
      if (outcome.action === "ack") message.ack();
      else message.retry({ delaySeconds: outcome.delaySeconds });
    } else if (body.kind === "event") {
      await fanOutEvent(services, env, body);
      message.ack();
    } else {
      const outcome = await processDelivery(services, env, body, message.attempts);
      logger.info("webhook delivery attempt", { deliveryId: body.deliveryId, queueAttempts: message.attempts, result: outcome.result });
      if (outcome.action === "ack") message.ack();
      else message.retry({ delaySeconds: outcome.delaySeconds });
    }
  } catch (error) {
    logger.error("webhook queue message failed; retrying", { messageId: message.id, kind: body.kind, error: String(error) });
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts, env.WEBHOOK_RETRY_MAX_DELAY_SECONDS) });
  }
}

export async function handleQueueBatch(batch: MessageBatch<unknown>, bindings: Record<string, unknown>): Promise<void> {
  const envResult = readEnv(bindings);
  if (!envResult.ok) {
    console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message: "queue consumer misconfigured", problems: envResult.problems }));
    batch.retryAll({ delaySeconds: MISCONFIGURED_RETRY_SECONDS });
    return;
  }
  const env = envResult.env;
  const services = createDeps(env, `queue-${crypto.randomUUID()}`);
  const deadLetter = batch.queue === env.WEBHOOK_DEAD_LETTER_QUEUE;
  // Workflow reminders have a queue of their own (src/workflows/reminders/).
  const workflows = batch.queue === env.WORKFLOW_QUEUE_NAME;
  try {
    await Promise.all(
      batch.messages.map((message) => (workflows ? handleWorkflowMessage(services, message) : handleWebhookMessage(services, env, message, deadLetter))),
    );
  } finally {
    await services.dispose().catch(() => {});
  }
}
