// Creating and moving a booking's reminders, shared by the booking hooks and the workflow sync.
import type { WorkflowTriggerEvents } from "../../generated/prisma/client";
import type { Deps } from "../../services";
import { methodOf, scheduledDateFor, TIMED_TRIGGERS } from "./schedule";
import { findRemindersOf, insertReminder, movePendingReminder, type ReminderBooking, type ReminderRecord, type WorkflowWithSteps } from "./store";

export type PlanServices = Pick<Deps, "db" | "env" | "logger" | "now">;

const isTimed = (workflow: WorkflowWithSteps) => TIMED_TRIGGERS.includes(workflow.trigger);

/**
 * Makes sure each step of the timed workflows has its reminder for this booking: a PENDING row at its time (a
 * pending row at another time is moved there). A time already past when the booking is made is recorded as
 * NOT_SENT with the reason (Cal.com skips it without a trace). Answers the rows that need queueing.
 */
export async function ensureTimedReminders(
  services: PlanServices,
  booking: ReminderBooking,
  workflows: readonly WorkflowWithSteps[],
): Promise<ReminderRecord[]> {
  const timed = workflows.filter(isTimed);
  const stepIds = timed.flatMap((w) => w.steps.map((s) => s.id));
  if (stepIds.length === 0) return [];
  const existing = await findRemindersOf(services.db, [booking.uid], stepIds);
  const now = services.now();
  const toQueue: ReminderRecord[] = [];
  for (const workflow of timed) {
    const scheduledDate = scheduledDateFor(workflow, booking)!;
    for (const step of workflow.steps) {
      const rows = existing.filter((r) => r.workflowStepId === step.id);
      const pending = rows.find((r) => r.status === "PENDING");
      if (pending) {
        if (pending.scheduledDate.getTime() === scheduledDate.getTime()) {
          if (!pending.scheduled) toQueue.push(pending);
          continue;
        }
        const moved = await movePendingReminder(services.db, pending.id, booking.uid, scheduledDate);
        if (moved) toQueue.push(moved);
        continue;
      }
      // Sent, cancelled or recorded already: a booking gets each step's reminder once.
      if (rows.length > 0) continue;
      const method = methodOf(step.action);
      if (scheduledDate.getTime() < now) {
        await insertReminder(services.db, {
          bookingUid: booking.uid,
          workflowStepId: step.id,
          method,
          scheduledDate,
          status: "NOT_SENT",
          statusReason: `The reminder's time (${scheduledDate.toISOString()}) had passed when the booking was scheduled`,
        });
        continue;
      }
      toQueue.push(await insertReminder(services.db, { bookingUid: booking.uid, workflowStepId: step.id, method, scheduledDate }));
    }
  }
  return toQueue;
}

/** A reminder per step of the workflows with this trigger, due now (NEW_EVENT, EVENT_CANCELLED, …). */
export async function createImmediateReminders(
  services: PlanServices,
  booking: ReminderBooking,
  workflows: readonly WorkflowWithSteps[],
  trigger: WorkflowTriggerEvents,
): Promise<ReminderRecord[]> {
  const created: ReminderRecord[] = [];
  const now = new Date(services.now());
  for (const workflow of workflows.filter((w) => w.trigger === trigger)) {
    for (const step of workflow.steps) {
      created.push(await insertReminder(services.db, { bookingUid: booking.uid, workflowStepId: step.id, method: methodOf(step.action), scheduledDate: now }));
    }
  }
  return created;
}
