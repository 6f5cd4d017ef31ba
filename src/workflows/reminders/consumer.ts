// The workflow queue's batches (recognised by WORKFLOW_QUEUE_NAME in src/queues/index.ts).
import type { Deps } from "../../services";
import { deliverReminder, type DeliverServices } from "./deliver";
import { ReminderQueueMessageSchema } from "./messages";

const ERROR_RETRY_SECONDS = 30;

export async function handleWorkflowMessage(services: DeliverServices & Pick<Deps, "logger">, message: Message<unknown>): Promise<void> {
  const parsed = ReminderQueueMessageSchema.safeParse(message.body);
  if (!parsed.success) {
    services.logger.error("unreadable workflow queue message dropped", { messageId: message.id });
    message.ack();
    return;
  }
  try {
    const outcome = await deliverReminder(services, parsed.data);
    services.logger.info("workflow reminder", { reminderId: parsed.data.reminderId, queueAttempts: message.attempts, result: outcome.result });
    if (outcome.action === "ack") message.ack();
    else message.retry({ delaySeconds: outcome.delaySeconds });
  } catch (error) {
    services.logger.error("workflow reminder failed; retrying", { reminderId: parsed.data.reminderId, error: String(error) });
    message.retry({ delaySeconds: ERROR_RETRY_SECONDS });
  }
}
