// The cron trigger's work (every 10 minutes, wrangler.toml [triggers]): reminders further away than the queue
// can delay (12 hours) wait in the database; each run enqueues those now within reach. Without a WORKFLOW_QUEUE
// binding, it sends the due ones itself.
import type { Deps } from "../../services";
import { deliverReminder } from "./deliver";
import { dispatchReminders, queueMessageFor } from "./dispatch";
import { MAX_QUEUE_DELAY_SECONDS } from "./schedule";
import { findUnqueuedDue } from "./store";

export type CronServices = Pick<Deps, "db" | "txDb" | "env" | "logger" | "now">;

// Per run; a backlog larger than this is worked off over the following runs.
const BATCH_LIMIT = 500;

export interface CronResult {
  queued: number;
  sent: number;
}

export async function runWorkflowCron(services: CronServices): Promise<CronResult> {
  const now = services.now();
  if (services.env.WORKFLOW_QUEUE) {
    // A little short of the maximum delay, so every message's delay stays within it.
    const reach = new Date(now + (MAX_QUEUE_DELAY_SECONDS - 60) * 1000);
    const due = await findUnqueuedDue(services.db, reach, BATCH_LIMIT);
    return { queued: (await dispatchReminders(services, due)).length, sent: 0 };
  }
  const due = await findUnqueuedDue(services.db, new Date(now), BATCH_LIMIT);
  let sent = 0;
  for (const reminder of due) {
    try {
      // A failure stays PENDING with its retry count; the next run tries again.
      const outcome = await deliverReminder(services, queueMessageFor(reminder));
      if (outcome.action === "ack") sent++;
    } catch (error) {
      services.logger.error("workflow reminder could not be sent by the cron", { reminderId: reminder.id, error: String(error) });
    }
  }
  return { queued: 0, sent };
}
