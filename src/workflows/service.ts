// Team workflows of an organization (Orgs / Teams / Workflows): event-type workflows (`…/workflows`,
// `…/workflows/{id}`) and routing-form workflows (`…/workflows/routing-form`, `…/workflows/{id}/routing-form`),
// each family seeing only its own Workflow.type. Guards as Cal.com's controller: TEAM_ADMIN of the team or an org
// ADMIN/OWNER, the SCALE plan for platform orgs, the `workflow.*` permission where PBAC is on, then the workflow
// must be the team's (404). After every write the workflow's reminders are brought in line with it
// (src/workflows/reminders/sync.ts): existing future bookings gain, move or lose their reminders.
import type { Actor } from "../auth/principal";
import type { WorkflowType } from "../generated/prisma/client";
import { requireOrgTeamAccess } from "../organizations/access";
import { type PbacOperationId, withPermissions } from "../roles/route-permissions";
import type { Deps } from "../services";
import {
  eventTypeWorkflowNotFound,
  eventTypesNotInTeam,
  invalidVerifiedEmail,
  invalidVerifiedPhone,
  routingFormsNotInTeam,
  routingFormWorkflowNotFound,
  stepNotInWorkflow,
  unsupportedTemplate,
} from "./errors";
import { ACTION_TO_ENUM, TEMPLATE_TO_ENUM, TIME_UNIT_TO_ENUM, TRIGGER_TO_ENUM, toEventTypeWorkflowOutput, toRoutingFormWorkflowOutput } from "./output";
import { syncWorkflowReminders } from "./reminders/sync";
import { OFFSET_TRIGGERS, type ListQuery, type StepInput, type TeamInput, type TriggerInput, type WorkflowBody, type WorkflowIdInput } from "./schemas";
import {
  deleteWorkflowRow,
  eventTypesOutsideTeam,
  findTeamWorkflow,
  formsOutsideTeam,
  insertWorkflow,
  listTeamWorkflows,
  replaceWorkflow,
  type StepRow,
  teamVerifiedEmail,
  teamVerifiedPhone,
  type WorkflowRecord,
  type WorkflowRow,
} from "./store";

type Action = "read" | "create" | "update" | "delete";

/** One family of workflows: its stored type, its operations (for the PBAC table), its 404 and its renderer. */
interface Family<O> {
  type: WorkflowType;
  operations: Record<Action | "list", PbacOperationId>;
  notFound: (workflowId: number) => Error;
  render: (workflow: WorkflowRecord) => O;
}

const P = "OrganizationTeamWorkflowsController_";
const EVENT_TYPE_FAMILY: Family<ReturnType<typeof toEventTypeWorkflowOutput>> = {
  type: "EVENT_TYPE",
  operations: {
    list: `${P}getWorkflows`,
    read: `${P}getWorkflowById`,
    create: `${P}createEventTypeWorkflow`,
    update: `${P}updateWorkflow`,
    delete: `${P}deleteWorkflow`,
  },
  notFound: eventTypeWorkflowNotFound,
  render: toEventTypeWorkflowOutput,
};
const ROUTING_FORM_FAMILY: Family<ReturnType<typeof toRoutingFormWorkflowOutput>> = {
  type: "ROUTING_FORM",
  operations: {
    list: `${P}getRoutingFormWorkflows`,
    read: `${P}getRoutingFormWorkflowById`,
    create: `${P}createFormWorkflow`,
    update: `${P}updateRoutingFormWorkflow`,
    delete: `${P}deleteRoutingFormWorkflow`,
  },
  notFound: routingFormWorkflowNotFound,
  render: toRoutingFormWorkflowOutput,
};

const guard = (deps: Deps, actor: Actor, family: Family<unknown>, action: Action | "list", ids: TeamInput) =>
  requireOrgTeamAccess(
    deps,
    actor,
    { orgId: ids.orgId, teamId: ids.teamId },
    withPermissions(family.operations[action], { role: "TEAM_ADMIN", plan: "SCALE" }),
  );

async function requireWorkflow(deps: Deps, family: Family<unknown>, input: WorkflowIdInput): Promise<WorkflowRecord> {
  const workflow = await findTeamWorkflow(deps.db, input.teamId, input.workflowId, family.type);
  if (!workflow) throw family.notFound(input.workflowId);
  return workflow;
}

// ---- Body → rows ----

function triggerColumns(trigger: TriggerInput): Pick<WorkflowRow, "trigger" | "time" | "timeUnit"> {
  const offset = (OFFSET_TRIGGERS as readonly string[]).includes(trigger.type) ? trigger.offset : undefined;
  return {
    trigger: TRIGGER_TO_ENUM[trigger.type as keyof typeof TRIGGER_TO_ENUM],
    time: offset?.value ?? null,
    timeUnit: offset ? TIME_UNIT_TO_ENUM[offset.unit] : null,
  };
}

async function stepRow(deps: Deps, teamId: number, step: StepInput): Promise<StepRow> {
  const template = TEMPLATE_TO_ENUM[step.template];
  if (!template) throw unsupportedTemplate(step.template);
  let sendTo: string | null = null;
  if (step.action === "email_address" && step.verifiedEmailId !== undefined) {
    sendTo = await teamVerifiedEmail(deps.db, teamId, step.verifiedEmailId);
    if (!sendTo) throw invalidVerifiedEmail();
  }
  if ((step.action === "sms_number" || step.action === "whatsapp_number") && step.verifiedPhoneId !== undefined) {
    sendTo = await teamVerifiedPhone(deps.db, teamId, step.verifiedPhoneId);
    if (!sendTo) throw invalidVerifiedPhone();
  }
  const isEmail = step.action.startsWith("email");
  const asksPhone = step.action === "sms_attendee" || step.action === "whatsapp_attendee";
  return {
    ...(step.id ? { id: step.id } : {}),
    stepNumber: step.stepNumber,
    action: ACTION_TO_ENUM[step.action],
    sendTo,
    reminderBody: (isEmail ? step.message.html : step.message.text) ?? null,
    emailSubject: step.message.subject,
    template,
    numberRequired: asksPhone ? (step.phoneRequired ?? false) : null,
    sender: step.sender,
    includeCalendarEvent: isEmail ? (step.includeCalendarEvent ?? false) : false,
  };
}

async function stepRows(deps: Deps, teamId: number, steps: readonly StepInput[], current: WorkflowRecord | null): Promise<StepRow[]> {
  const own = new Set(current?.steps.map((s) => s.id) ?? []);
  const rows: StepRow[] = [];
  for (const step of steps) {
    if (step.id !== undefined && !own.has(step.id)) throw stepNotInWorkflow(step.id, current?.id ?? 0);
    rows.push(await stepRow(deps, teamId, step));
  }
  return rows;
}

/** The activation, checked against the team: event types (or forms) of another team are a 400. */
async function activationColumns(
  deps: Deps,
  family: Family<unknown>,
  teamId: number,
  activation: NonNullable<WorkflowBody["activation"]>,
): Promise<Pick<WorkflowRow, "isActiveOnAll" | "eventTypeIds" | "routingFormIds">> {
  if (family.type === "EVENT_TYPE") {
    const ids = activation.ids as number[];
    const outside = await eventTypesOutsideTeam(deps.db, teamId, ids);
    if (outside.length) throw eventTypesNotInTeam(outside, teamId);
    return { isActiveOnAll: activation.all, eventTypeIds: activation.all ? [] : [...new Set(ids)], routingFormIds: [] };
  }
  const ids = activation.ids as string[];
  const outside = await formsOutsideTeam(deps.db, teamId, ids);
  if (outside.length) throw routingFormsNotInTeam(outside, teamId);
  return { isActiveOnAll: activation.all, eventTypeIds: [], routingFormIds: activation.all ? [] : [...new Set(ids)] };
}

function currentRow(workflow: WorkflowRecord): WorkflowRow {
  return {
    name: workflow.name,
    trigger: workflow.trigger,
    time: workflow.time,
    timeUnit: workflow.timeUnit,
    isActiveOnAll: workflow.isActiveOnAll,
    eventTypeIds: workflow.activeOn.map((a) => a.eventTypeId),
    routingFormIds: workflow.activeOnRoutingForms.map((a) => a.routingFormId),
  };
}

/**
 * Brings the workflow's reminders in line once the write is committed. A failure here is logged, not answered: the
 * workflow is saved, and a 500 would only invite a retry that creates it twice (the next write syncs again).
 */
async function syncReminders(deps: Deps, workflowId: number): Promise<void> {
  try {
    await syncWorkflowReminders(deps, workflowId);
  } catch (error) {
    deps.logger.error("workflow reminders could not be synced with the workflow", { workflowId, error: String(error) });
  }
}

async function reloaded<O>(deps: Deps, family: Family<O>, teamId: number, workflowId: number): Promise<O> {
  const workflow = await findTeamWorkflow(deps.db, teamId, workflowId, family.type);
  if (!workflow) throw family.notFound(workflowId);
  return family.render(workflow);
}

// ---- Operations (shared by both families) ----

async function list<O>(deps: Deps, actor: Actor, family: Family<O>, input: TeamInput & { query: ListQuery }): Promise<O[]> {
  await guard(deps, actor, family, "list", input);
  const rows = await listTeamWorkflows(deps.db, input.teamId, family.type, { skip: input.query.skip ?? 0, take: input.query.take ?? 250 });
  return rows.map(family.render);
}

async function get<O>(deps: Deps, actor: Actor, family: Family<O>, input: WorkflowIdInput): Promise<O> {
  await guard(deps, actor, family, "read", input);
  return family.render(await requireWorkflow(deps, family, input));
}

async function create<O>(
  deps: Deps,
  actor: Actor,
  family: Family<O>,
  input: TeamInput & { body: Required<Pick<WorkflowBody, "name" | "activation" | "trigger" | "steps">> },
) {
  await guard(deps, actor, family, "create", input);
  const { body, teamId } = input;
  const row: WorkflowRow = { name: body.name, ...triggerColumns(body.trigger), ...(await activationColumns(deps, family, teamId, body.activation)) };
  const steps = await stepRows(deps, teamId, body.steps, null);
  const workflowId = await deps.txDb.$transaction((tx) => insertWorkflow(tx, teamId, family.type, row, steps));
  await syncReminders(deps, workflowId);
  return reloaded(deps, family, teamId, workflowId);
}

async function update<O>(deps: Deps, actor: Actor, family: Family<O>, input: WorkflowIdInput & { body: WorkflowBody }): Promise<O> {
  await guard(deps, actor, family, "update", input);
  const current = await requireWorkflow(deps, family, input);
  const { body, teamId } = input;
  const row: WorkflowRow = {
    ...currentRow(current),
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.trigger ? triggerColumns(body.trigger) : {}),
    ...(body.activation ? await activationColumns(deps, family, teamId, body.activation) : {}),
  };
  // Without `steps` the steps stay as they are; with them, a step with an id is updated, one without is added.
  const steps = body.steps ? await stepRows(deps, teamId, body.steps, current) : null;
  await deps.txDb.$transaction((tx) => replaceWorkflow(tx, current.id, row, steps));
  await syncReminders(deps, current.id);
  return reloaded(deps, family, teamId, current.id);
}

async function remove(deps: Deps, actor: Actor, family: Family<unknown>, input: WorkflowIdInput): Promise<void> {
  await guard(deps, actor, family, "delete", input);
  const workflow = await requireWorkflow(deps, family, input);
  // The pending reminders are cancelled (and kept, detached) before the rows cascade away.
  await deps.txDb.$transaction((tx) => deleteWorkflowRow(tx, workflow.id));
  await syncReminders(deps, workflow.id);
}

// ---- Bodies of the two families → the shared shape ----

type EventTypeActivation = { isActiveOnAllEventTypes: boolean; activeOnEventTypeIds?: number[] };
type FormActivation = { isActiveOnAllRoutingForms: boolean; activeOnRoutingFormIds?: string[] };

const eventTypeActivation = (a: EventTypeActivation) => ({ all: a.isActiveOnAllEventTypes, ids: a.activeOnEventTypeIds ?? [] });
const formActivation = (a: FormActivation) => ({ all: a.isActiveOnAllRoutingForms, ids: a.activeOnRoutingFormIds ?? [] });

interface BodyIn<A> {
  name?: string;
  activation?: A;
  trigger?: TriggerInput;
  steps?: StepInput[];
}
const normalise = <A>(body: BodyIn<A>, activation: (a: A) => { all: boolean; ids: (number | string)[] }): WorkflowBody => ({
  ...(body.name !== undefined ? { name: body.name } : {}),
  ...(body.activation ? { activation: activation(body.activation) } : {}),
  ...(body.trigger ? { trigger: body.trigger } : {}),
  ...(body.steps ? { steps: body.steps } : {}),
});
type Created<A> = Required<Pick<BodyIn<A>, "name" | "activation" | "trigger" | "steps">>;
const normaliseCreated = <A>(body: Created<A>, activation: (a: A) => { all: boolean; ids: (number | string)[] }) => ({
  name: body.name,
  activation: activation(body.activation),
  trigger: body.trigger,
  steps: body.steps,
});

export const listEventTypeWorkflows = (deps: Deps, actor: Actor, input: TeamInput & { query: ListQuery }) => list(deps, actor, EVENT_TYPE_FAMILY, input);
export const getEventTypeWorkflow = (deps: Deps, actor: Actor, input: WorkflowIdInput) => get(deps, actor, EVENT_TYPE_FAMILY, input);
export const createEventTypeWorkflow = (deps: Deps, actor: Actor, input: TeamInput & { body: Created<EventTypeActivation> }) =>
  create(deps, actor, EVENT_TYPE_FAMILY, { ...input, body: normaliseCreated(input.body, eventTypeActivation) });
export const updateEventTypeWorkflow = (deps: Deps, actor: Actor, input: WorkflowIdInput & { body: BodyIn<EventTypeActivation> }) =>
  update(deps, actor, EVENT_TYPE_FAMILY, { ...input, body: normalise(input.body, eventTypeActivation) });
export const deleteEventTypeWorkflow = (deps: Deps, actor: Actor, input: WorkflowIdInput) => remove(deps, actor, EVENT_TYPE_FAMILY, input);

export const listRoutingFormWorkflows = (deps: Deps, actor: Actor, input: TeamInput & { query: ListQuery }) => list(deps, actor, ROUTING_FORM_FAMILY, input);
export const getRoutingFormWorkflow = (deps: Deps, actor: Actor, input: WorkflowIdInput) => get(deps, actor, ROUTING_FORM_FAMILY, input);
export const createRoutingFormWorkflow = (deps: Deps, actor: Actor, input: TeamInput & { body: Created<FormActivation> }) =>
  create(deps, actor, ROUTING_FORM_FAMILY, { ...input, body: normaliseCreated(input.body, formActivation) });
export const updateRoutingFormWorkflow = (deps: Deps, actor: Actor, input: WorkflowIdInput & { body: BodyIn<FormActivation> }) =>
  update(deps, actor, ROUTING_FORM_FAMILY, { ...input, body: normalise(input.body, formActivation) });
export const deleteRoutingFormWorkflow = (deps: Deps, actor: Actor, input: WorkflowIdInput) => remove(deps, actor, ROUTING_FORM_FAMILY, input);
