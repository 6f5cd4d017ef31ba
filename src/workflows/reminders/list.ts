// The reminders of a team's workflow, newest scheduled first: what each step's messages became.
import type { Actor } from "../../auth/principal";
import { notFound } from "../../errors";
import { type PaginationMeta, paginationMeta } from "../../http/common";
import type { Deps } from "../../services";
import { requireTeamAccess } from "../../teams/store";
import type { WorkflowReminderOutput, WorkflowRemindersInput } from "./output";
import { findWorkflowReminders } from "./store";

export async function listWorkflowReminders(
  deps: Deps,
  actor: Actor,
  input: WorkflowRemindersInput,
): Promise<{ data: WorkflowReminderOutput[]; pagination: PaginationMeta }> {
  await requireTeamAccess(deps, actor, { orgId: input.orgId, teamId: input.teamId }, "TEAM_ADMIN");
  const workflow = await deps.db.workflow.findFirst({ where: { id: input.workflowId, teamId: input.teamId }, select: { id: true } });
  // Cal.com's message for a workflow outside the team (OrganizationTeamWorkflowsService.getTeamWorkflowById).
  if (!workflow) throw notFound(`Workflow with id ${input.workflowId} not found`);
  const skip = input.skip ?? 0;
  const take = input.take ?? 50;
  const where = { workflowStep: { workflowId: workflow.id }, ...(input.status ? { status: input.status } : {}) };
  const [rows, total] = await Promise.all([
    findWorkflowReminders(deps.db, workflow.id, { skip, take, status: input.status }),
    deps.db.workflowReminder.count({ where }),
  ]);
  return {
    data: rows.map((row) => ({
      id: row.id,
      uuid: row.uuid,
      bookingUid: row.bookingUid,
      stepId: row.workflowStepId,
      stepNumber: row.workflowStep?.stepNumber ?? null,
      action: row.workflowStep?.action ?? null,
      method: row.method,
      scheduledDate: row.scheduledDate.toISOString(),
      status: row.status,
      statusReason: row.statusReason,
      attempts: row.retryCount,
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
    pagination: paginationMeta(total, skip, take),
  };
}
