// What a booking change does to workflow reminders, called by src/bookings/ once the change is committed:
// a new or confirmed booking gets its reminders (and NEW_EVENT messages), a reschedule moves its pending
// reminders to the new booking and time, a cancellation or rejection cancels them; the matching immediate
// triggers send at once (through the queue). Never throws: the booking change has happened, so a failure here
// is logged rather than failing the request.
import type { Deps } from "../../services";
import { dispatchReminders } from "./dispatch";
import { createImmediateReminders, ensureTimedReminders, type PlanServices } from "./plan";
import { IMMEDIATE_TRIGGERS, scheduledDateFor, TIMED_TRIGGERS } from "./schedule";
import {
  cancelPendingReminders,
  findPendingRemindersOfBookings,
  findReminderBooking,
  findWorkflowsForEventType,
  movePendingReminder,
  type ReminderBooking,
  type ReminderRecord,
  type WorkflowWithSteps,
} from "./store";

export type BookingChange =
  /**
   * New bookings (each occurrence of a recurring one): accepted ones get reminders, pending ones BOOKING_REQUESTED.
   * `eventTypeId`, when the caller knows it: without a workflow on it there is nothing to load.
   */
  | { kind: "created"; bookingUids: readonly string[]; eventTypeId?: number }
  | { kind: "confirmed"; bookingUids: readonly string[] }
  | { kind: "declined"; bookingUids: readonly string[] }
  /** The booking cancelled (with the rest of its series when the series was cancelled). */
  | { kind: "cancelled"; bookingUid: string }
  /** Moved from one booking to its replacement; a seat move leaves the old booking's reminders where they are. */
  | { kind: "rescheduled"; fromUid: string; toUid: string; seatMove?: boolean };

type HookServices = PlanServices;

function workflowCache(services: HookServices) {
  const cache = new Map<number, Promise<WorkflowWithSteps[]>>();
  return (booking: Pick<ReminderBooking, "eventTypeId">) => {
    if (booking.eventTypeId === null) return Promise.resolve([]);
    const cached = cache.get(booking.eventTypeId);
    if (cached) return cached;
    const found = findWorkflowsForEventType(services.db, booking.eventTypeId);
    cache.set(booking.eventTypeId, found);
    return found;
  };
}

async function bookingsOf(services: HookServices, uids: readonly string[]): Promise<ReminderBooking[]> {
  const found = await Promise.all(uids.map((uid) => findReminderBooking(services.db, uid)));
  return found.filter((b): b is ReminderBooking => b !== null);
}

async function applyChange(services: HookServices, change: BookingChange): Promise<ReminderRecord[]> {
  const workflowsOf = workflowCache(services);
  const toQueue: ReminderRecord[] = [];
  switch (change.kind) {
    case "created":
    case "confirmed": {
      // Most event types have no workflow: one statement tells, before any booking is read.
      if (change.kind === "created" && change.eventTypeId !== undefined) {
        if ((await workflowsOf({ eventTypeId: change.eventTypeId })).length === 0) return toQueue;
      }
      for (const booking of await bookingsOf(services, change.bookingUids)) {
        const workflows = await workflowsOf(booking);
        if (workflows.length === 0) continue;
        if (booking.status === "PENDING" && change.kind === "created") {
          toQueue.push(...(await createImmediateReminders(services, booking, workflows, "BOOKING_REQUESTED")));
          continue;
        }
        if (booking.status !== "ACCEPTED") continue;
        toQueue.push(...(await ensureTimedReminders(services, booking, workflows)));
        toQueue.push(...(await createImmediateReminders(services, booking, workflows, "NEW_EVENT")));
      }
      return toQueue;
    }
    case "declined": {
      for (const booking of await bookingsOf(services, change.bookingUids)) {
        const pending = await findPendingRemindersOfBookings(services.db, [booking.uid]);
        await cancelPendingReminders(
          services.db,
          pending.map((r) => r.id),
          "The booking was rejected",
        );
        toQueue.push(...(await createImmediateReminders(services, booking, await workflowsOf(booking), "BOOKING_REJECTED")));
      }
      return toQueue;
    }
    case "cancelled": {
      const booking = await findReminderBooking(services.db, change.bookingUid);
      // A seat given up leaves the booking, and its reminders, in place.
      if (!booking || booking.status !== "CANCELLED") return toQueue;
      // The rest of a cancelled series went with it.
      const series = booking.recurringEventId
        ? await services.db.booking.findMany({ where: { recurringEventId: booking.recurringEventId, status: "CANCELLED" }, select: { uid: true } })
        : [];
      const uids = [booking.uid, ...series.map((b) => b.uid)];
      const pending = await findPendingRemindersOfBookings(services.db, uids);
      await cancelPendingReminders(
        services.db,
        pending.map((r) => r.id),
        "The booking was cancelled",
      );
      toQueue.push(...(await createImmediateReminders(services, booking, await workflowsOf(booking), IMMEDIATE_TRIGGERS.cancelled[0]!)));
      return toQueue;
    }
    case "rescheduled": {
      const moved = await findReminderBooking(services.db, change.toUid);
      if (!moved) return toQueue;
      const workflows = await workflowsOf(moved);
      if (!change.seatMove) {
        // The old booking's pending timed reminders follow it to the new time; the rest stay with the old booking.
        const timedSteps = new Map(workflows.filter((w) => TIMED_TRIGGERS.includes(w.trigger)).flatMap((w) => w.steps.map((s) => [s.id, w] as const)));
        for (const reminder of await findPendingRemindersOfBookings(services.db, [change.fromUid])) {
          const workflow = reminder.workflowStepId ? timedSteps.get(reminder.workflowStepId) : undefined;
          if (!workflow) continue;
          const row = await movePendingReminder(services.db, reminder.id, moved.uid, scheduledDateFor(workflow, moved)!);
          if (row) toQueue.push(row);
        }
      }
      if (moved.status === "ACCEPTED") {
        const ensured = await ensureTimedReminders(services, moved, workflows);
        toQueue.push(...ensured.filter((r) => !toQueue.some((q) => q.id === r.id)));
        toQueue.push(...(await createImmediateReminders(services, moved, workflows, "RESCHEDULE_EVENT")));
      }
      return toQueue;
    }
  }
}

export async function notifyBookingChanges(deps: Pick<Deps, "db" | "env" | "logger" | "now">, change: BookingChange): Promise<void> {
  try {
    const toQueue = await applyChange(deps, change);
    if (toQueue.length > 0) await dispatchReminders(deps, toQueue);
  } catch (error) {
    deps.logger.error("workflow reminders could not be updated for a booking change", { kind: change.kind, error: String(error) });
  }
}
