// Brings a workflow's reminders in line with the workflow after it was created or changed (the CRUD service
// calls it): every future accepted booking of the event types it is active on gets a pending reminder per step
// at the workflow's time; pending reminders of bookings it no longer covers, or of a trigger that no longer
// waits, are cancelled with the reason. Steps removed take their reminders with them (the rows cascade).
import type { Deps } from "../../services";
import { dispatchReminders } from "./dispatch";
import { ensureTimedReminders } from "./plan";
import { TIMED_TRIGGERS } from "./schedule";
import { cancelPendingReminders, findFutureBookings, findPendingRemindersOfSteps, findWorkflow, type ReminderRecord } from "./store";

export type SyncServices = Pick<Deps, "db" | "env" | "logger" | "now">;

export interface SyncResult {
  bookings: number;
  queued: number;
  cancelled: number;
}

/** The event types a workflow covers: those it is active on, or all of its owner's, with their managed children. */
async function coveredEventTypeIds(services: SyncServices, workflow: NonNullable<Awaited<ReturnType<typeof findWorkflow>>>): Promise<number[]> {
  let ids: number[];
  if (workflow.isActiveOnAll) {
    const owned = await services.db.eventType.findMany({
      where: workflow.teamId !== null ? { teamId: workflow.teamId } : { userId: workflow.userId ?? -1, teamId: null },
      select: { id: true },
    });
    ids = owned.map((e) => e.id);
  } else {
    ids = workflow.activeOn.map((a) => a.eventTypeId);
  }
  if (ids.length === 0) return [];
  const children = await services.db.eventType.findMany({ where: { parentId: { in: ids } }, select: { id: true } });
  return [...new Set([...ids, ...children.map((c) => c.id)])];
}

export async function syncWorkflowReminders(services: SyncServices, workflowId: number): Promise<SyncResult> {
  const workflow = await findWorkflow(services.db, workflowId);
  if (!workflow || workflow.type !== "EVENT_TYPE") return { bookings: 0, queued: 0, cancelled: 0 };
  const now = services.now();
  const stepIds = workflow.steps.map((s) => s.id);
  const pending = await findPendingRemindersOfSteps(services.db, stepIds);

  if (!TIMED_TRIGGERS.includes(workflow.trigger)) {
    // Messages of a trigger that no longer waits: the ones still to come are cancelled (due ones are on their way).
    const waiting = pending.filter((r) => r.scheduledDate.getTime() > now + 60_000);
    const cancelled = await cancelPendingReminders(
      services.db,
      waiting.map((r) => r.id),
      "The workflow's trigger changed",
    );
    return { bookings: 0, queued: 0, cancelled };
  }

  const bookings = await findFutureBookings(services.db, await coveredEventTypeIds(services, workflow), new Date(now));
  const toQueue: ReminderRecord[] = [];
  for (const booking of bookings) toQueue.push(...(await ensureTimedReminders(services, booking, [workflow])));

  const covered = new Set(bookings.map((b) => b.uid));
  const orphaned = pending.filter((r) => r.bookingUid === null || !covered.has(r.bookingUid));
  const cancelled = await cancelPendingReminders(
    services.db,
    orphaned.map((r) => r.id),
    "The workflow no longer applies to this booking",
  );
  const queued = await dispatchReminders(services, toQueue);
  return { bookings: bookings.length, queued: queued.length, cancelled };
}
