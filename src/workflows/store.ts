// Storage of team workflows (Workflow, WorkflowStep, WorkflowsOnEventTypes, WorkflowsOnRoutingForms) and the
// verified addresses their steps send to. Several writes of one operation go in one transaction (Cal.com inserts
// a placeholder first and leaves it behind when the update fails; here nothing is left behind).
import type { Prisma, TimeUnit, WorkflowActions, WorkflowTemplates, WorkflowTriggerEvents, WorkflowType } from "../generated/prisma/client";
import type { Queryable, Tx } from "../services/db";

export const WORKFLOW_RECORD_SELECT = {
  id: true,
  name: true,
  teamId: true,
  type: true,
  trigger: true,
  time: true,
  timeUnit: true,
  isActiveOnAll: true,
  steps: {
    select: {
      id: true,
      stepNumber: true,
      action: true,
      sendTo: true,
      reminderBody: true,
      emailSubject: true,
      template: true,
      numberRequired: true,
      sender: true,
      includeCalendarEvent: true,
    },
    orderBy: [{ stepNumber: "asc" }, { id: "asc" }],
  },
  activeOn: { select: { eventTypeId: true } },
  activeOnRoutingForms: { select: { routingFormId: true } },
} as const satisfies Prisma.WorkflowSelect;

export type WorkflowRecord = Prisma.WorkflowGetPayload<{ select: typeof WORKFLOW_RECORD_SELECT }>;

export function findTeamWorkflow(db: Queryable, teamId: number, workflowId: number, type: WorkflowType): Promise<WorkflowRecord | null> {
  return db.workflow.findFirst({ where: { id: workflowId, teamId, type }, select: WORKFLOW_RECORD_SELECT });
}

export function listTeamWorkflows(db: Queryable, teamId: number, type: WorkflowType, page: { skip: number; take: number }): Promise<WorkflowRecord[]> {
  return db.workflow.findMany({ where: { teamId, type }, select: WORKFLOW_RECORD_SELECT, orderBy: { id: "asc" }, skip: page.skip, take: page.take });
}

/** The ids among `ids` that are not event types of the team. */
export async function eventTypesOutsideTeam(db: Queryable, teamId: number, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await db.eventType.findMany({ where: { id: { in: [...ids] }, teamId }, select: { id: true } });
  const inTeam = new Set(found.map((e) => e.id));
  return [...new Set(ids)].filter((id) => !inTeam.has(id));
}

/** The ids among `ids` that are not routing forms of the team. */
export async function formsOutsideTeam(db: Queryable, teamId: number, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db.app_RoutingForms_Form.findMany({ where: { id: { in: [...ids] }, teamId }, select: { id: true } });
  const inTeam = new Set(found.map((f) => f.id));
  return [...new Set(ids)].filter((id) => !inTeam.has(id));
}

export async function teamVerifiedEmail(db: Queryable, teamId: number, id: number): Promise<string | null> {
  return (await db.verifiedEmail.findFirst({ where: { id, teamId }, select: { email: true } }))?.email ?? null;
}

export async function teamVerifiedPhone(db: Queryable, teamId: number, id: number): Promise<string | null> {
  return (await db.verifiedNumber.findFirst({ where: { id, teamId }, select: { phoneNumber: true } }))?.phoneNumber ?? null;
}

/** A step as stored. */
export interface StepRow {
  id?: number;
  stepNumber: number;
  action: WorkflowActions;
  sendTo: string | null;
  reminderBody: string | null;
  emailSubject: string | null;
  template: WorkflowTemplates;
  numberRequired: boolean | null;
  sender: string | null;
  includeCalendarEvent: boolean;
}

/** The workflow's own columns and what it is active on, as stored. */
export interface WorkflowRow {
  name: string;
  trigger: WorkflowTriggerEvents;
  time: number | null;
  timeUnit: TimeUnit | null;
  isActiveOnAll: boolean;
  eventTypeIds: number[];
  routingFormIds: string[];
}

const stepData = ({ id: _id, ...step }: StepRow) => step;

export async function insertWorkflow(tx: Tx, teamId: number, type: WorkflowType, row: WorkflowRow, steps: readonly StepRow[]): Promise<number> {
  const created = await tx.workflow.create({
    data: {
      teamId,
      type,
      name: row.name,
      trigger: row.trigger,
      time: row.time,
      timeUnit: row.timeUnit,
      isActiveOnAll: row.isActiveOnAll,
      steps: { create: steps.map(stepData) },
      activeOn: { create: row.eventTypeIds.map((eventTypeId) => ({ eventTypeId })) },
      activeOnRoutingForms: { create: row.routingFormIds.map((routingFormId) => ({ routingFormId })) },
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * Detaches the reminders of steps about to be deleted, so they outlive the cascade: pending ones are cancelled
 * with the reason (a queued message then finds them CANCELLED), the others kept as the record of what was sent.
 */
export async function retireRemindersOfSteps(tx: Tx, stepIds: readonly number[], reason: string): Promise<number> {
  if (stepIds.length === 0) return 0;
  const cancelled = await tx.workflowReminder.updateMany({
    where: { workflowStepId: { in: [...stepIds] }, status: "PENDING" },
    data: { status: "CANCELLED", cancelled: true, statusReason: reason, workflowStepId: null },
  });
  await tx.workflowReminder.updateMany({ where: { workflowStepId: { in: [...stepIds] } }, data: { workflowStepId: null } });
  return cancelled.count;
}

/** Rewrites a workflow: its columns, its steps (listed ones updated or added, the others removed) and activation. */
export async function replaceWorkflow(tx: Tx, workflowId: number, row: WorkflowRow, steps: readonly StepRow[] | null): Promise<void> {
  await tx.workflow.update({
    where: { id: workflowId },
    data: { name: row.name, trigger: row.trigger, time: row.time, timeUnit: row.timeUnit, isActiveOnAll: row.isActiveOnAll },
  });
  if (steps) {
    const kept = steps.flatMap((s) => (s.id ? [s.id] : []));
    const removed = await tx.workflowStep.findMany({ where: { workflowId, id: { notIn: kept } }, select: { id: true } });
    await retireRemindersOfSteps(
      tx,
      removed.map((s) => s.id),
      "The workflow step was removed",
    );
    await tx.workflowStep.deleteMany({ where: { workflowId, id: { notIn: kept } } });
    for (const step of steps) {
      if (step.id) await tx.workflowStep.update({ where: { id: step.id }, data: stepData(step) });
      else await tx.workflowStep.create({ data: { ...stepData(step), workflowId } });
    }
  }
  await tx.workflowsOnEventTypes.deleteMany({ where: { workflowId, eventTypeId: { notIn: row.eventTypeIds } } });
  await tx.workflowsOnEventTypes.createMany({ data: row.eventTypeIds.map((eventTypeId) => ({ workflowId, eventTypeId })), skipDuplicates: true });
  await tx.workflowsOnRoutingForms.deleteMany({ where: { workflowId, routingFormId: { notIn: row.routingFormIds } } });
  await tx.workflowsOnRoutingForms.createMany({ data: row.routingFormIds.map((routingFormId) => ({ workflowId, routingFormId })), skipDuplicates: true });
}

/** Deletes a workflow (steps and activation cascade) after retiring its steps' reminders. */
export async function deleteWorkflowRow(tx: Tx, workflowId: number): Promise<number> {
  const steps = await tx.workflowStep.findMany({ where: { workflowId }, select: { id: true } });
  const cancelled = await retireRemindersOfSteps(
    tx,
    steps.map((s) => s.id),
    "The workflow was deleted",
  );
  await tx.workflow.delete({ where: { id: workflowId } });
  return cancelled;
}
