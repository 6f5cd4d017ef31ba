// Outputs of the team workflow operations (Cal.com's EventTypeWorkflowOutput / RoutingFormWorkflowOutput,
// v2/modules/workflows/services/workflows.output.service.ts): the trigger and actions with the API's names, steps
// sorted by stepNumber, the sender "Default Sender" when none was set.
import { z } from "@hono/zod-openapi";
import type { TimeUnit, WorkflowActions, WorkflowTemplates, WorkflowTriggerEvents } from "../generated/prisma/client";
import { SuccessOnlySchema, successOf } from "../http/common";
import { EVENT_TYPE_TRIGGERS, FORM_STEP_ACTIONS, FORM_TRIGGERS, OFFSET_TRIGGERS, RECIPIENTS, STEP_ACTIONS, TEMPLATES, TIME_UNITS } from "./schemas";
import type { WorkflowRecord } from "./store";

export const TRIGGER_TO_ENUM = {
  beforeEvent: "BEFORE_EVENT",
  eventCancelled: "EVENT_CANCELLED",
  newEvent: "NEW_EVENT",
  afterEvent: "AFTER_EVENT",
  rescheduleEvent: "RESCHEDULE_EVENT",
  afterHostsCalVideoNoShow: "AFTER_HOSTS_CAL_VIDEO_NO_SHOW",
  afterGuestsCalVideoNoShow: "AFTER_GUESTS_CAL_VIDEO_NO_SHOW",
  bookingRejected: "BOOKING_REJECTED",
  bookingRequested: "BOOKING_REQUESTED",
  bookingPaymentInitiated: "BOOKING_PAYMENT_INITIATED",
  bookingPaid: "BOOKING_PAID",
  bookingNoShowUpdated: "BOOKING_NO_SHOW_UPDATED",
  formSubmitted: "FORM_SUBMITTED",
  formSubmittedNoEvent: "FORM_SUBMITTED_NO_EVENT",
} as const satisfies Record<string, WorkflowTriggerEvents>;
const ENUM_TO_TRIGGER = Object.fromEntries(Object.entries(TRIGGER_TO_ENUM).map(([api, db]) => [db, api])) as Record<WorkflowTriggerEvents, string>;

export const TIME_UNIT_TO_ENUM = { hour: "HOUR", minute: "MINUTE", day: "DAY" } as const satisfies Record<string, TimeUnit>;
const ENUM_TO_TIME_UNIT: Record<TimeUnit, (typeof TIME_UNITS)[number]> = { HOUR: "hour", MINUTE: "minute", DAY: "day" };

export const ACTION_TO_ENUM = {
  email_host: "EMAIL_HOST",
  email_attendee: "EMAIL_ATTENDEE",
  email_address: "EMAIL_ADDRESS",
  sms_attendee: "SMS_ATTENDEE",
  sms_number: "SMS_NUMBER",
  whatsapp_attendee: "WHATSAPP_ATTENDEE",
  whatsapp_number: "WHATSAPP_NUMBER",
  cal_ai_phone_call: "CAL_AI_PHONE_CALL",
} as const satisfies Record<(typeof STEP_ACTIONS)[number], WorkflowActions>;
const ENUM_TO_ACTION = Object.fromEntries(Object.entries(ACTION_TO_ENUM).map(([api, db]) => [db, api])) as Record<
  WorkflowActions,
  (typeof STEP_ACTIONS)[number]
>;

// Cal.com's "completed" template is the THANKYOU row of the schema; "rescheduled" and "cancelled" have no row here.
export const TEMPLATE_TO_ENUM: Partial<Record<(typeof TEMPLATES)[number], WorkflowTemplates>> = {
  reminder: "REMINDER",
  custom: "CUSTOM",
  completed: "THANKYOU",
  rating: "RATING",
};
const ENUM_TO_TEMPLATE: Record<WorkflowTemplates, (typeof TEMPLATES)[number]> = {
  REMINDER: "reminder",
  CUSTOM: "custom",
  THANKYOU: "completed",
  RATING: "rating",
};

type Recipient = (typeof RECIPIENTS)[number];
const STEP_CONFIG: Record<(typeof STEP_ACTIONS)[number], { recipient: Recipient; key: "html" | "text"; phone: boolean }> = {
  email_host: { recipient: "const", key: "html", phone: false },
  email_attendee: { recipient: "attendee", key: "html", phone: false },
  email_address: { recipient: "email", key: "html", phone: false },
  sms_attendee: { recipient: "attendee", key: "text", phone: true },
  sms_number: { recipient: "phone_number", key: "text", phone: false },
  whatsapp_attendee: { recipient: "attendee", key: "text", phone: true },
  whatsapp_number: { recipient: "phone_number", key: "text", phone: false },
  cal_ai_phone_call: { recipient: "attendee", key: "text", phone: false },
};

const OffsetOutputSchema = z.object({ value: z.number(), unit: z.enum(TIME_UNITS) }).openapi("WorkflowTriggerOffsetOutputDto");
const MessageOutputSchema = z.object({ subject: z.string(), html: z.string().optional(), text: z.string().optional() }).openapi("WorkflowMessageOutputDto");

const stepOutput = <A extends readonly [string, ...string[]]>(actions: A) =>
  z.object({
    id: z.number().int(),
    stepNumber: z.number().int(),
    recipient: z.enum(RECIPIENTS),
    email: z.string().openapi({ description: "The verified address of an email_address step, else empty" }),
    phone: z.string().openapi({ description: "The verified number of an sms_number / whatsapp_number step, else empty" }),
    phoneRequired: z.boolean().optional(),
    template: z.enum(TEMPLATES),
    includeCalendarEvent: z.boolean(),
    sender: z.string(),
    message: MessageOutputSchema,
    action: z.enum(actions),
  });

export const EventTypeWorkflowStepOutputSchema = stepOutput(STEP_ACTIONS).openapi("EventTypeWorkflowStepOutputDto");
export const RoutingFormWorkflowStepOutputSchema = stepOutput(FORM_STEP_ACTIONS).openapi("RoutingFormWorkflowStepOutputDto");

export const EventTypeWorkflowOutputSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    type: z.literal("event-type"),
    activation: z
      .object({ isActiveOnAllEventTypes: z.boolean(), activeOnEventTypeIds: z.array(z.number().int()) })
      .openapi("EventTypeWorkflowActivationOutputDto"),
    trigger: z.object({ type: z.enum(EVENT_TYPE_TRIGGERS), offset: OffsetOutputSchema.optional() }).openapi("EventTypeWorkflowTriggerOutputDto"),
    steps: z.array(EventTypeWorkflowStepOutputSchema),
  })
  .openapi("EventTypeWorkflowOutput");

export const RoutingFormWorkflowOutputSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    type: z.literal("routing-form"),
    activation: z
      .object({ isActiveOnAllRoutingForms: z.boolean(), activeOnRoutingFormIds: z.array(z.string()) })
      .openapi("RoutingFormWorkflowActivationOutputDto"),
    trigger: z.object({ type: z.enum(FORM_TRIGGERS), offset: OffsetOutputSchema.optional() }).openapi("RoutingFormWorkflowTriggerOutputDto"),
    steps: z.array(RoutingFormWorkflowStepOutputSchema),
  })
  .openapi("RoutingFormWorkflowOutput");

export const GetEventTypeWorkflowsOutputSchema = successOf(z.array(EventTypeWorkflowOutputSchema)).openapi("GetEventTypeWorkflowsOutput");
// The contract documents `data` as an array here; Cal.com's controller answers the one workflow (as here).
export const GetEventTypeWorkflowOutputSchema = successOf(EventTypeWorkflowOutputSchema).openapi("GetEventTypeWorkflowOutput");
export const GetRoutingFormWorkflowsOutputSchema = successOf(z.array(RoutingFormWorkflowOutputSchema)).openapi("GetRoutingFormWorkflowsOutput");
export const GetRoutingFormWorkflowOutputSchema = successOf(RoutingFormWorkflowOutputSchema).openapi("GetRoutingFormWorkflowOutput");
export const DeleteWorkflowOutputSchema = SuccessOnlySchema;

export type EventTypeWorkflowOutput = z.infer<typeof EventTypeWorkflowOutputSchema>;
export type RoutingFormWorkflowOutput = z.infer<typeof RoutingFormWorkflowOutputSchema>;

function renderStep(step: WorkflowRecord["steps"][number]) {
  const action = ENUM_TO_ACTION[step.action];
  const config = STEP_CONFIG[action];
  const body = step.reminderBody ?? "";
  return {
    id: step.id,
    stepNumber: step.stepNumber,
    recipient: config.recipient,
    email: config.recipient === "email" ? (step.sendTo ?? "") : "",
    phone: config.recipient === "phone_number" ? (step.sendTo ?? "") : "",
    ...(config.phone ? { phoneRequired: step.numberRequired ?? false } : {}),
    template: ENUM_TO_TEMPLATE[step.template],
    includeCalendarEvent: step.includeCalendarEvent,
    sender: step.sender ?? "Default Sender",
    message: { subject: step.emailSubject ?? "", ...(config.key === "html" ? { html: body } : { text: body }) },
    action,
  };
}

function renderTrigger(workflow: WorkflowRecord) {
  const type = ENUM_TO_TRIGGER[workflow.trigger];
  if (!(OFFSET_TRIGGERS as readonly string[]).includes(type)) return { type };
  return { type, offset: { value: workflow.time ?? 1, unit: workflow.timeUnit ? ENUM_TO_TIME_UNIT[workflow.timeUnit] : ("hour" as const) } };
}

const sortedSteps = (workflow: WorkflowRecord) => [...workflow.steps].sort((a, b) => a.stepNumber - b.stepNumber || a.id - b.id).map(renderStep);

export function toEventTypeWorkflowOutput(workflow: WorkflowRecord): EventTypeWorkflowOutput {
  return {
    id: workflow.id,
    name: workflow.name,
    type: "event-type",
    activation: { isActiveOnAllEventTypes: workflow.isActiveOnAll, activeOnEventTypeIds: workflow.activeOn.map((a) => a.eventTypeId).sort((a, b) => a - b) },
    trigger: renderTrigger(workflow) as EventTypeWorkflowOutput["trigger"],
    steps: sortedSteps(workflow),
  };
}

export function toRoutingFormWorkflowOutput(workflow: WorkflowRecord): RoutingFormWorkflowOutput {
  return {
    id: workflow.id,
    name: workflow.name,
    type: "routing-form",
    activation: {
      isActiveOnAllRoutingForms: workflow.isActiveOnAll,
      activeOnRoutingFormIds: workflow.activeOnRoutingForms.map((a) => a.routingFormId).sort(),
    },
    trigger: renderTrigger(workflow) as RoutingFormWorkflowOutput["trigger"],
    steps: sortedSteps(workflow) as RoutingFormWorkflowOutput["steps"],
  };
}
