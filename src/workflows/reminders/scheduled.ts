// The Worker's `scheduled` handler: settings read as the queue consumer reads them, then the cron's jobs: the
// workflow cron, calendar change-notification channels, the release of lapsed payments. Each job runs even when
// an earlier one failed (one failing provider must not stop payments from being released).
import { ensureCalendarChannels } from "../../calendars/notifications/channels";
import { readEnv } from "../../env";
import { createDeps, type Deps } from "../../services";
import { releaseExpiredPayments } from "../../stripe/expiry";
import { runWorkflowCron } from "./cron";

const jobs: Array<{ name: string; run: (deps: Deps) => Promise<object>; quietWhen?: (result: object) => boolean }> = [
  { name: "workflow cron", run: runWorkflowCron },
  // Made where missing, renewed before they expire.
  { name: "calendar channels", run: (deps) => ensureCalendarChannels(deps) },
  // Paid bookings whose payment lapsed release their slot (src/stripe/expiry.ts); logged only when some did.
  { name: "expired payments released", run: releaseExpiredPayments, quietWhen: (result) => (result as { released: number }).released === 0 },
];

export async function handleScheduled(controller: ScheduledController, bindings: Record<string, unknown>): Promise<void> {
  const envResult = readEnv(bindings);
  if (!envResult.ok) {
    console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message: "scheduled handler misconfigured", problems: envResult.problems }));
    return;
  }
  const deps = createDeps(envResult.env, `cron-${crypto.randomUUID()}`);
  try {
    for (const job of jobs) {
      try {
        const result = await job.run(deps);
        if (!job.quietWhen?.(result)) deps.logger.info(job.name, { cron: controller.cron, ...result });
      } catch (error) {
        deps.logger.error(`${job.name} failed`, { cron: controller.cron, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    await deps.dispose().catch(() => {});
  }
}
