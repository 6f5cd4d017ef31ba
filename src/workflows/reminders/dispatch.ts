// Hands pending reminders to the workflow queue. Cloudflare Queues delay a message by at most 12 hours, so only
// reminders due within that go now (delaySeconds until their time); later ones stay `scheduled = false` and the
// cron (cron.ts) enqueues them once they come within range. Without a WORKFLOW_QUEUE binding nothing is queued:
// the cron sends due reminders itself.
import type { Deps } from "../../services";
import type { ReminderQueueMessage } from "./messages";
import { MAX_QUEUE_DELAY_SECONDS } from "./schedule";
import { markQueued, type ReminderRecord } from "./store";

export type DispatchServices = Pick<Deps, "db" | "env" | "logger" | "now">;

// Cloudflare Queues take at most 100 messages per sendBatch.
const BATCH_SIZE = 100;

export const queueMessageFor = (reminder: Pick<ReminderRecord, "id" | "scheduledDate">): ReminderQueueMessage => ({
  kind: "reminder",
  reminderId: reminder.id,
  scheduledFor: reminder.scheduledDate.toISOString(),
});

export function delaySecondsUntil(date: Date, now: number): number {
  return Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(0, Math.ceil((date.getTime() - now) / 1000)));
}

/** Enqueues the pending reminders due within the queue's reach; answers the ids queued. */
export async function dispatchReminders(services: DispatchServices, reminders: readonly ReminderRecord[]): Promise<number[]> {
  const queue = services.env.WORKFLOW_QUEUE as Queue<ReminderQueueMessage> | undefined;
  if (!queue) return [];
  const now = services.now();
  const horizon = now + MAX_QUEUE_DELAY_SECONDS * 1000;
  const due = reminders.filter((r) => r.status === "PENDING" && r.scheduledDate.getTime() <= horizon);
  const queued: number[] = [];
  for (let start = 0; start < due.length; start += BATCH_SIZE) {
    const chunk = due.slice(start, start + BATCH_SIZE);
    try {
      await queue.sendBatch(
        chunk.map((r) => ({ body: queueMessageFor(r), contentType: "json" as const, delaySeconds: delaySecondsUntil(r.scheduledDate, now) })),
      );
      queued.push(...chunk.map((r) => r.id));
    } catch (error) {
      // Left unqueued: the next cron run enqueues them.
      services.logger.error("workflow reminders could not be enqueued; the cron will retry", { count: chunk.length, error: String(error) });
    }
  }
  await markQueued(services.db, queued);
  return queued;
}
