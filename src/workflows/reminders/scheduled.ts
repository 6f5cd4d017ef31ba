// The Worker's `scheduled` handler: settings read as the queue consumer reads them, then the workflow cron.
import { ensureCalendarChannels } from "../../calendars/notifications/channels";
import { readEnv } from "../../env";
import { createDeps } from "../../services";
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
    // Calendar change-notification channels: made where missing, renewed before they expire.
    const channels = await ensureCalendarChannels(deps);
    deps.logger.info("calendar channels", { cron: controller.cron, ...channels });
  } finally {
    await deps.dispose().catch(() => {});
  }
}
