// The Worker's `scheduled` handler: settings read as the queue consumer reads them, then the workflow cron and the
// release of lapsed payments.
import { readEnv } from "../../env";
import { createDeps } from "../../services";
import { releaseExpiredPayments } from "../../stripe/expiry";
import { runWorkflowCron } from "./cron";

export async function handleScheduled(controller: ScheduledController, bindings: Record<string, unknown>): Promise<void> {
  const envResult = readEnv(bindings);
  if (!envResult.ok) {
    console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message: "scheduled handler misconfigured", problems: envResult.problems }));
    return;
  }
  const deps = createDeps(envResult.env, `cron-${crypto.randomUUID()}`);
  try {
    const result = await runWorkflowCron(deps);
    deps.logger.info("workflow cron", { cron: controller.cron, ...result });
    // Paid bookings whose payment lapsed release their slot (src/stripe/expiry.ts).
    const payments = await releaseExpiredPayments(deps);
    if (payments.released > 0) deps.logger.info("expired payments released", { cron: controller.cron, ...payments });
  } finally {
    await deps.dispose().catch(() => {});
  }
}
