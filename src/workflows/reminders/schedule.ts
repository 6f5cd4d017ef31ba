// When a step's message is due, from the workflow's trigger and offset (Cal.com's scheduleWorkflowReminders,
// packages/features/ee/workflows/lib/reminders/reminderScheduler.ts): BEFORE_EVENT at start − offset,
// AFTER_EVENT at end + offset; the other booking triggers send when the change happens.
import type { TimeUnit, WorkflowActions, WorkflowMethods, WorkflowTriggerEvents } from "../../generated/prisma/client";

/** Triggers whose messages wait for a time relative to the booking. */
export const TIMED_TRIGGERS: readonly WorkflowTriggerEvents[] = ["BEFORE_EVENT", "AFTER_EVENT"];

/** What happened to a booking, and the triggers whose messages go out at once because of it. */
export type BookingChangeKind = "created" | "requested" | "confirmed" | "rescheduled" | "cancelled" | "declined";

export const IMMEDIATE_TRIGGERS: Record<BookingChangeKind, readonly WorkflowTriggerEvents[]> = {
  created: ["NEW_EVENT"],
  // Cal.com schedules a booking's workflows only once it is accepted; a request has a trigger of its own.
  requested: ["BOOKING_REQUESTED"],
  confirmed: ["NEW_EVENT"],
  rescheduled: ["RESCHEDULE_EVENT"],
  cancelled: ["EVENT_CANCELLED"],
  declined: ["BOOKING_REJECTED"],
};

const UNIT_MS: Record<TimeUnit, number> = { MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 };

export interface WorkflowTiming {
  trigger: WorkflowTriggerEvents;
  time: number | null;
  timeUnit: TimeUnit | null;
}

export function offsetMs(timing: WorkflowTiming): number {
  return (timing.time ?? 0) * UNIT_MS[timing.timeUnit ?? "HOUR"];
}

/** The moment a timed trigger's message is due for this booking, or null for a trigger that is not timed. */
export function scheduledDateFor(timing: WorkflowTiming, booking: { startTime: Date; endTime: Date }): Date | null {
  if (timing.trigger === "BEFORE_EVENT") return new Date(booking.startTime.getTime() - offsetMs(timing));
  if (timing.trigger === "AFTER_EVENT") return new Date(booking.endTime.getTime() + offsetMs(timing));
  return null;
}

export function methodOf(action: WorkflowActions): WorkflowMethods {
  if (action.startsWith("EMAIL")) return "EMAIL";
  if (action.startsWith("SMS")) return "SMS";
  if (action.startsWith("WHATSAPP")) return "WHATSAPP";
  return "AI_PHONE_CALL";
}

/** Cloudflare Queues delay a message by at most 12 hours; later reminders wait for the cron to enqueue them. */
export const MAX_QUEUE_DELAY_SECONDS = 12 * 3600;
