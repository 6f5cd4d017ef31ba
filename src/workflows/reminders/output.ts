// Input and output of the reminders list (GET …/workflows/{workflowId}/reminders, not in Cal.com).
import { z } from "@hono/zod-openapi";
import { intPathParam, paginatedSuccessOf, paginationQuery, pathParams } from "../../http/common";
import { OrgTeamParams } from "../../teams/schemas";

export const REMINDER_STATUSES = ["PENDING", "SENT", "NOT_SENT", "CANCELLED", "FAILED"] as const;

export const OUR_ADDITION =
  "**Not part of Cal.com's API**: an addition of this implementation. Cal.com keeps scheduled reminders but not what became of them; here every message a workflow step makes is listed with its outcome, so a message that could not be sent (no provider configured, no recipient) is visible with the reason instead of being dropped silently.";

export const WorkflowReminderParams = pathParams(OrgTeamParams, z.object({ workflowId: intPathParam("workflowId") }));

export const WorkflowRemindersQuery = paginationQuery({ take: 50 }).extend({
  status: z.enum(REMINDER_STATUSES).optional().openapi({ description: "Only reminders in this state" }),
});

export const WorkflowReminderOutputSchema = z
  .object({
    id: z.number().int(),
    uuid: z.string().nullable(),
    bookingUid: z.string().nullable(),
    stepId: z.number().int().nullable(),
    stepNumber: z.number().int().nullable(),
    action: z.string().nullable().openapi({ example: "EMAIL_ATTENDEE" }),
    method: z.enum(["EMAIL", "SMS", "WHATSAPP", "AI_PHONE_CALL"]),
    scheduledDate: z.string().openapi({ example: "2026-12-07T09:00:00.000Z" }),
    status: z.enum(REMINDER_STATUSES).openapi({
      description:
        "PENDING until its time; SENT through the provider; NOT_SENT when no provider or recipient could take it; CANCELLED when its booking was cancelled or the workflow no longer applies; FAILED when the provider refused it (after 5 attempts for temporary errors).",
    }),
    statusReason: z.string().nullable().openapi({ description: "Why it was not sent, cancelled or failed; the last error while retrying" }),
    attempts: z.number().int().openapi({ description: "Failed sends so far" }),
    sentAt: z.string().nullable(),
  })
  .openapi("WorkflowReminderOutput");

export const WorkflowRemindersOutputResponseSchema = paginatedSuccessOf(WorkflowReminderOutputSchema).openapi("WorkflowRemindersOutputResponse");

export type WorkflowRemindersInput = z.infer<typeof WorkflowReminderParams> & z.infer<typeof WorkflowRemindersQuery>;
export type WorkflowReminderOutput = z.infer<typeof WorkflowReminderOutputSchema>;
