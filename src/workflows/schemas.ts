// Inputs of the team workflow operations (Cal.com's CreateEventTypeWorkflowDto, CreateFormWorkflowDto and their
// Update twins, v2/modules/workflows/inputs/*): the trigger is chosen by its `type`, each step by its `action`,
// with the fields that action needs. Unknown keys are dropped.
import { z } from "@hono/zod-openapi";
import { intPathParam, pathParams, SkipTakeQuery } from "../http/common";
import { OrgTeamParams } from "../teams/schemas";

export const WorkflowIdParams = pathParams(OrgTeamParams, z.object({ workflowId: intPathParam("workflowId") }));
export const WorkflowListQuery = SkipTakeQuery;

// ---- Triggers ----

export const TIME_UNITS = ["hour", "minute", "day"] as const;

const OffsetSchema = z
  .object({
    value: z.number({ error: "offset.value must be a number" }).int("offset.value must be an integer").min(0).max(100_000).openapi({ example: 24 }),
    unit: z.enum(TIME_UNITS, { error: `offset.unit must be one of ${TIME_UNITS.join(", ")}` }).openapi({ example: "hour" }),
  })
  .openapi("WorkflowTriggerOffsetDto");

/** Triggers with an offset (the message waits for a time relative to the booking or submission). */
export const OFFSET_TRIGGERS = ["beforeEvent", "afterEvent", "afterHostsCalVideoNoShow", "afterGuestsCalVideoNoShow", "formSubmittedNoEvent"] as const;

export const EVENT_TYPE_TRIGGERS = [
  "beforeEvent",
  "eventCancelled",
  "newEvent",
  "afterEvent",
  "rescheduleEvent",
  "afterHostsCalVideoNoShow",
  "afterGuestsCalVideoNoShow",
  "bookingRejected",
  "bookingRequested",
  "bookingPaymentInitiated",
  "bookingPaid",
  "bookingNoShowUpdated",
] as const;
export const FORM_TRIGGERS = ["formSubmitted", "formSubmittedNoEvent"] as const;

const offsetTrigger = <T extends string>(type: T) =>
  z.object({ type: z.literal(type), offset: OffsetSchema.openapi({ description: "Required for this trigger" }) });
const plainTrigger = <T extends string>(type: T) => z.object({ type: z.literal(type) });

export const EventTypeTriggerSchema = z
  .discriminatedUnion(
    "type",
    [
      offsetTrigger("beforeEvent"),
      offsetTrigger("afterEvent"),
      plainTrigger("eventCancelled"),
      plainTrigger("newEvent"),
      plainTrigger("rescheduleEvent"),
      offsetTrigger("afterGuestsCalVideoNoShow"),
      offsetTrigger("afterHostsCalVideoNoShow"),
      plainTrigger("bookingRejected"),
      plainTrigger("bookingRequested"),
      plainTrigger("bookingPaid"),
      plainTrigger("bookingPaymentInitiated"),
      plainTrigger("bookingNoShowUpdated"),
    ],
    { error: `trigger.type must be one of ${EVENT_TYPE_TRIGGERS.join(", ")}` },
  )
  .openapi({ description: `Trigger configuration for the event-type workflow, allowed triggers are ${EVENT_TYPE_TRIGGERS.join(",")}` });

export const FormTriggerSchema = z
  .discriminatedUnion("type", [plainTrigger("formSubmitted"), offsetTrigger("formSubmittedNoEvent")], {
    error: `trigger.type must be one of ${FORM_TRIGGERS.join(", ")}`,
  })
  .openapi({ description: `Trigger configuration for the routing-form workflow, allowed triggers are ${FORM_TRIGGERS.join(",")}` });

// ---- Steps ----

export const STEP_ACTIONS = [
  "email_host",
  "email_attendee",
  "email_address",
  "sms_attendee",
  "sms_number",
  "whatsapp_attendee",
  "whatsapp_number",
  "cal_ai_phone_call",
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
/** The actions a routing-form workflow may take. */
export const FORM_STEP_ACTIONS = ["email_attendee", "email_address", "sms_attendee", "sms_number"] as const;
/** The actions the API creates (cal_ai_phone_call steps are made in Cal.com's web app, never here). */
const CREATABLE_ACTIONS = ["email_host", "email_attendee", "email_address", "sms_attendee", "sms_number", "whatsapp_attendee", "whatsapp_number"] as const;

export const TEMPLATES = ["reminder", "custom", "rescheduled", "completed", "rating", "cancelled"] as const;
export const RECIPIENTS = ["const", "attendee", "email", "phone_number"] as const;

const HtmlMessageSchema = z
  .object({
    subject: z.string({ error: "message.subject must be a string" }).max(1000),
    html: z.string({ error: "message.html must be a string" }).max(100_000),
  })
  .openapi("HtmlWorkflowMessageDto");
const TextMessageSchema = z
  .object({
    subject: z.string({ error: "message.subject must be a string" }).max(1000),
    text: z.string({ error: "message.text must be a string" }).max(10_000),
  })
  .openapi("TextWorkflowMessageDto");

const stepBase = {
  stepNumber: z.number({ error: "stepNumber must be a number" }).int("stepNumber must be an integer").min(1).max(1000),
  recipient: z.enum(RECIPIENTS, { error: `recipient must be one of ${RECIPIENTS.join(", ")}` }),
  template: z.enum(TEMPLATES, { error: `template must be one of ${TEMPLATES.join(", ")}` }),
  sender: z.string({ error: "sender must be a string" }).max(255),
};
const includeCalendarEvent = z.boolean({ error: "includeCalendarEvent must be a boolean" });
const phoneRequired = z.boolean({ error: "phoneRequired must be a boolean" }).optional();
const verifiedEmailId = z.number({ error: "verifiedEmailId must be a number" }).int().positive();
const verifiedPhoneId = z.number({ error: "verifiedPhoneId must be a number" }).int().positive();

const emailStep = <A extends string>(action: A) => z.object({ action: z.literal(action), ...stepBase, includeCalendarEvent, message: HtmlMessageSchema });
const EmailAddressStep = z.object({ action: z.literal("email_address"), ...stepBase, includeCalendarEvent, verifiedEmailId, message: HtmlMessageSchema });
const phoneAttendeeStep = <A extends string>(action: A) => z.object({ action: z.literal(action), ...stepBase, phoneRequired, message: TextMessageSchema });
const phoneNumberStep = <A extends string>(action: A) => z.object({ action: z.literal(action), ...stepBase, verifiedPhoneId, message: TextMessageSchema });
const stepId = { id: z.number({ error: "id must be a number" }).int().positive().optional() };

const EVENT_TYPE_STEPS = [
  EmailAddressStep,
  emailStep("email_attendee"),
  emailStep("email_host"),
  phoneAttendeeStep("whatsapp_attendee"),
  phoneNumberStep("whatsapp_number"),
  phoneNumberStep("sms_number"),
  phoneAttendeeStep("sms_attendee"),
] as const;
const FORM_STEPS = [EmailAddressStep, emailStep("email_attendee"), phoneAttendeeStep("sms_attendee"), phoneNumberStep("sms_number")] as const;

const stepsArray = <S extends z.ZodType>(step: S, allowed: readonly string[]) =>
  z
    .array(step, { error: "steps must be an array" })
    .min(1, `Your workflow must contain at least one allowed step. allowed steps are ${allowed.join(",")}`)
    .max(50, "a workflow has at most 50 steps")
    .openapi({ description: `Steps to execute as part of the workflow, allowed steps are ${allowed.join(",")}` });
const unionError = (allowed: readonly string[]) => ({ error: `step action must be one of ${allowed.join(",")}` });
const EVENT_TYPE_ACTIONS = CREATABLE_ACTIONS;

const EventTypeStepsSchema = stepsArray(z.discriminatedUnion("action", [...EVENT_TYPE_STEPS], unionError(EVENT_TYPE_ACTIONS)), EVENT_TYPE_ACTIONS);
const EventTypeUpdateStepsSchema = stepsArray(
  z.discriminatedUnion(
    "action",
    [
      EVENT_TYPE_STEPS[0].extend(stepId),
      EVENT_TYPE_STEPS[1].extend(stepId),
      EVENT_TYPE_STEPS[2].extend(stepId),
      EVENT_TYPE_STEPS[3].extend(stepId),
      EVENT_TYPE_STEPS[4].extend(stepId),
      EVENT_TYPE_STEPS[5].extend(stepId),
      EVENT_TYPE_STEPS[6].extend(stepId),
    ],
    unionError(EVENT_TYPE_ACTIONS),
  ),
  EVENT_TYPE_ACTIONS,
);
const FormStepsSchema = stepsArray(z.discriminatedUnion("action", [...FORM_STEPS], unionError(FORM_STEP_ACTIONS)), FORM_STEP_ACTIONS);
const FormUpdateStepsSchema = stepsArray(
  z.discriminatedUnion(
    "action",
    [FORM_STEPS[0].extend(stepId), FORM_STEPS[1].extend(stepId), FORM_STEPS[2].extend(stepId), FORM_STEPS[3].extend(stepId)],
    unionError(FORM_STEP_ACTIONS),
  ),
  FORM_STEP_ACTIONS,
);

// ---- Activation ----

const EventTypeActivationSchema = z
  .object({
    isActiveOnAllEventTypes: z.boolean({ error: "activation.isActiveOnAllEventTypes must be a boolean" }),
    activeOnEventTypeIds: z
      .array(z.number({ error: "activeOnEventTypeIds must be numbers" }).int().positive().max(2147483647), { error: "activeOnEventTypeIds must be an array" })
      .max(500)
      .optional(),
  })
  .openapi("WorkflowActivationDto");

const FormActivationSchema = z
  .object({
    isActiveOnAllRoutingForms: z.boolean({ error: "activation.isActiveOnAllRoutingForms must be a boolean" }),
    activeOnRoutingFormIds: z
      .array(z.string({ error: "activeOnRoutingFormIds must be strings" }).min(1).max(100), { error: "activeOnRoutingFormIds must be an array" })
      .max(500)
      .optional(),
  })
  .openapi("WorkflowFormActivationDto");

const NameSchema = z.string({ error: "name must be a string" }).max(255, "name must be at most 255 characters").openapi({ example: "Platform Test Workflow" });

export const CreateEventTypeWorkflowSchema = z
  .object({ name: NameSchema, activation: EventTypeActivationSchema, trigger: EventTypeTriggerSchema, steps: EventTypeStepsSchema })
  .openapi("CreateEventTypeWorkflowDto");
export const UpdateEventTypeWorkflowSchema = z
  .object({
    name: NameSchema.optional(),
    activation: EventTypeActivationSchema.optional(),
    trigger: EventTypeTriggerSchema.optional(),
    steps: EventTypeUpdateStepsSchema.optional(),
  })
  .openapi("UpdateEventTypeWorkflowDto");
export const CreateFormWorkflowSchema = z
  .object({ name: NameSchema, activation: FormActivationSchema, trigger: FormTriggerSchema, steps: FormStepsSchema })
  .openapi("CreateFormWorkflowDto");
export const UpdateFormWorkflowSchema = z
  .object({
    name: NameSchema.optional(),
    activation: FormActivationSchema.optional(),
    trigger: FormTriggerSchema.optional(),
    steps: FormUpdateStepsSchema.optional(),
  })
  .openapi("UpdateFormWorkflowDto");

export type WorkflowIdInput = z.infer<typeof WorkflowIdParams>;
export type TeamInput = z.infer<typeof OrgTeamParams>;
export type ListQuery = z.infer<typeof WorkflowListQuery>;

/** A step as the service takes it (either family, create or update). */
export interface StepInput {
  id?: number;
  action: StepAction;
  stepNumber: number;
  template: (typeof TEMPLATES)[number];
  sender: string;
  includeCalendarEvent?: boolean;
  phoneRequired?: boolean;
  verifiedEmailId?: number;
  verifiedPhoneId?: number;
  message: { subject: string; html?: string; text?: string };
}
export interface TriggerInput {
  type: string;
  offset?: { value: number; unit: (typeof TIME_UNITS)[number] };
}
/** The body of either family, activation normalised: `all` and the ids (event type ids or form ids). */
export interface WorkflowBody {
  name?: string;
  activation?: { all: boolean; ids: (number | string)[] };
  trigger?: TriggerInput;
  steps?: StepInput[];
}
