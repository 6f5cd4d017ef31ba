// Storage of workflow execution: which workflows apply to a booking, the booking as a message needs it, and the
// WorkflowReminder rows.
import type { Prisma, WorkflowMethods, WorkflowReminderStatus } from "../../generated/prisma/client";
import type { Db, Tx } from "../../services/db";

type Queryable = Db | Tx;

const STEP_SELECT = {
  id: true,
  stepNumber: true,
  action: true,
  sendTo: true,
  reminderBody: true,
  emailSubject: true,
  template: true,
} as const;

export const WORKFLOW_SELECT = {
  id: true,
  trigger: true,
  time: true,
  timeUnit: true,
  steps: { select: STEP_SELECT, orderBy: { stepNumber: "asc" } },
} as const;

export type WorkflowWithSteps = Prisma.WorkflowGetPayload<{ select: typeof WORKFLOW_SELECT }>;
export type WorkflowStepRecord = WorkflowWithSteps["steps"][number];

/**
 * The event-type workflows that apply to bookings of an event type (Cal.com's getAllWorkflowsFromEventType):
 * those active on it (or on its managed parent), and those active on all event types of its owner: the user's
 * own workflows for a personal event type, the team's for a team event type (a managed child: its parent's team).
 * One statement (every booking change asks it; as Prisma reads it was four round trips), steps in order.
 */
export async function findWorkflowsForEventType(db: Queryable, eventTypeId: number): Promise<WorkflowWithSteps[]> {
  const rows = await db.$queryRaw<WorkflowWithSteps[]>`
    WITH owner AS (
      SELECT et."id", et."userId", et."teamId", et."parentId", parent."teamId" AS "parentTeamId"
      FROM "EventType" et LEFT JOIN "EventType" parent ON parent."id" = et."parentId"
      WHERE et."id" = ${eventTypeId}
    )
    SELECT w."id", w."trigger"::text AS "trigger", w."time", upper(w."timeUnit"::text) AS "timeUnit",
      COALESCE((
        SELECT json_agg(json_build_object('id', s."id", 'stepNumber', s."stepNumber", 'action', s."action"::text, 'sendTo', s."sendTo",
                                          'reminderBody', s."reminderBody", 'emailSubject', s."emailSubject", 'template', s."template"::text)
                        ORDER BY s."stepNumber", s."id")
        FROM "WorkflowStep" s WHERE s."workflowId" = w."id"
      ), '[]'::json) AS "steps"
    FROM "Workflow" w, owner o
    WHERE w."type" = 'EVENT_TYPE'
      AND (EXISTS (SELECT 1 FROM "WorkflowsOnEventTypes" a WHERE a."workflowId" = w."id" AND a."eventTypeId" IN (o."id", o."parentId"))
        OR (o."userId" IS NOT NULL AND o."teamId" IS NULL AND w."isActiveOnAll" AND w."userId" = o."userId" AND w."teamId" IS NULL)
        OR (w."isActiveOnAll" AND w."teamId" IN (o."teamId", o."parentTeamId")))
    ORDER BY w."id"`;
  return rows;
}

export function findWorkflow(db: Queryable, workflowId: number) {
  return db.workflow.findUnique({
    where: { id: workflowId },
    select: { ...WORKFLOW_SELECT, type: true, userId: true, teamId: true, isActiveOnAll: true, activeOn: { select: { eventTypeId: true } } },
  });
}

export const REMINDER_BOOKING_SELECT = {
  id: true,
  uid: true,
  status: true,
  title: true,
  description: true,
  location: true,
  startTime: true,
  endTime: true,
  eventTypeId: true,
  metadata: true,
  responses: true,
  recurringEventId: true,
  user: { select: { name: true, email: true, timeZone: true } },
  attendees: { select: { name: true, email: true, timeZone: true, phoneNumber: true }, orderBy: { id: "asc" } },
} as const;

export type ReminderBooking = Prisma.BookingGetPayload<{ select: typeof REMINDER_BOOKING_SELECT }>;

export function findReminderBooking(db: Queryable, uid: string): Promise<ReminderBooking | null> {
  return db.booking.findUnique({ where: { uid }, select: REMINDER_BOOKING_SELECT });
}

/** Accepted bookings of these event types starting after `after` (the bookings a workflow's reminders cover). */
export function findFutureBookings(db: Queryable, eventTypeIds: readonly number[], after: Date): Promise<ReminderBooking[]> {
  if (eventTypeIds.length === 0) return Promise.resolve([]);
  return db.booking.findMany({
    where: { eventTypeId: { in: [...eventTypeIds] }, status: "ACCEPTED", startTime: { gt: after } },
    select: REMINDER_BOOKING_SELECT,
    orderBy: { startTime: "asc" },
  });
}

export const REMINDER_SELECT = {
  id: true,
  bookingUid: true,
  workflowStepId: true,
  method: true,
  scheduledDate: true,
  scheduled: true,
  status: true,
  statusReason: true,
  retryCount: true,
  sentAt: true,
} as const;

export type ReminderRecord = Prisma.WorkflowReminderGetPayload<{ select: typeof REMINDER_SELECT }>;

export interface NewReminder {
  bookingUid: string;
  workflowStepId: number;
  method: WorkflowMethods;
  scheduledDate: Date;
  status?: WorkflowReminderStatus;
  statusReason?: string;
}

export function insertReminder(db: Queryable, reminder: NewReminder): Promise<ReminderRecord> {
  return db.workflowReminder.create({
    data: { ...reminder, scheduled: false, cancelled: reminder.status === "CANCELLED" ? true : null },
    select: REMINDER_SELECT,
  });
}

/** Reminders of these bookings for these steps (any status), to tell which still need a row. */
export function findRemindersOf(db: Queryable, bookingUids: readonly string[], stepIds: readonly number[]): Promise<ReminderRecord[]> {
  if (bookingUids.length === 0 || stepIds.length === 0) return Promise.resolve([]);
  return db.workflowReminder.findMany({
    where: { bookingUid: { in: [...bookingUids] }, workflowStepId: { in: [...stepIds] } },
    select: REMINDER_SELECT,
  });
}

export function findPendingRemindersOfBookings(db: Queryable, bookingUids: readonly string[]): Promise<ReminderRecord[]> {
  if (bookingUids.length === 0) return Promise.resolve([]);
  return db.workflowReminder.findMany({ where: { bookingUid: { in: [...bookingUids] }, status: "PENDING" }, select: REMINDER_SELECT });
}

/** Moves a pending reminder to another booking and time; it must be queued again (scheduled=false). */
export async function movePendingReminder(db: Queryable, id: number, bookingUid: string, scheduledDate: Date): Promise<ReminderRecord | null> {
  const moved = await db.workflowReminder.updateMany({
    where: { id, status: "PENDING" },
    data: { bookingUid, scheduledDate, scheduled: false },
  });
  return moved.count === 1 ? db.workflowReminder.findUnique({ where: { id }, select: REMINDER_SELECT }) : null;
}

/** Cancels pending reminders (a cancelled booking, a removed step); answers how many. */
export async function cancelPendingReminders(db: Queryable, ids: readonly number[], reason: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.workflowReminder.updateMany({
    where: { id: { in: [...ids] }, status: "PENDING" },
    data: { status: "CANCELLED", cancelled: true, statusReason: reason },
  });
  return result.count;
}

/** Marks reminders as handed to the queue. */
export async function markQueued(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.workflowReminder.updateMany({ where: { id: { in: [...ids] }, status: "PENDING" }, data: { scheduled: true } });
}

/** Pending reminders not yet on the queue and due before `until` (the cron's work), oldest first. */
export function findUnqueuedDue(db: Queryable, until: Date, limit: number): Promise<ReminderRecord[]> {
  return db.workflowReminder.findMany({
    where: { status: "PENDING", scheduled: false, scheduledDate: { lte: until } },
    select: REMINDER_SELECT,
    orderBy: { scheduledDate: "asc" },
    take: limit,
  });
}

/** Steps of a workflow's pending reminders that no longer belong to it, or bookings it no longer covers. */
export function findPendingRemindersOfSteps(db: Queryable, stepIds: readonly number[]): Promise<ReminderRecord[]> {
  if (stepIds.length === 0) return Promise.resolve([]);
  return db.workflowReminder.findMany({ where: { workflowStepId: { in: [...stepIds] }, status: "PENDING" }, select: REMINDER_SELECT });
}

export function findWorkflowReminders(db: Queryable, workflowId: number, options: { skip: number; take: number; status?: WorkflowReminderStatus }) {
  return db.workflowReminder.findMany({
    where: { workflowStep: { workflowId }, ...(options.status ? { status: options.status } : {}) },
    select: { ...REMINDER_SELECT, uuid: true, workflowStep: { select: { stepNumber: true, action: true } } },
    orderBy: [{ scheduledDate: "desc" }, { id: "desc" }],
    skip: options.skip,
    take: options.take,
  });
}
