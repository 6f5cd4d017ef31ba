import { z } from "@hono/zod-openapi";
import type { UserWebhookRow } from "../../src/webhooks/ownership";
import { WEBHOOK_TRIGGERS } from "../../src/webhooks/triggers";

const TEMPLATE_EXAMPLE = JSON.stringify({
  content: "A new event has been scheduled",
  type: "{{type}}",
  name: "{{title}}",
  organizer: "{{organizer.name}}",
  booker: "{{attendees.0.name}}",
});
const PAYLOAD_TEMPLATE_DESCRIPTION =
  "The template of the payload that will be sent to the subscriberUrl: `{{path.to.value}}` placeholders over the event's payload plus `triggerEvent` and `createdAt`. A template that parses as JSON is sent as application/json, any other as application/x-www-form-urlencoded.";

const Trigger = z.enum(WEBHOOK_TRIGGERS);

// Cal.com's inputs: class-validator with whitelist (unknown keys dropped), @IsOptional (null accepted) on the optional ones.
const webhookFields = {
  payloadTemplate: z.string().max(65_536).nullable().optional().openapi({ description: PAYLOAD_TEMPLATE_DESCRIPTION, example: TEMPLATE_EXAMPLE }),
  active: z.boolean(),
  subscriberUrl: z.string().min(1).max(2048).openapi({
    description: "http(s) URL of a public host. Loopback, private, link-local, CGNAT and cloud-metadata addresses, internal names and URLs with credentials are refused (400).",
    example: "https://example.com/webhooks/cal",
  }),
  triggers: z.array(Trigger).openapi({ example: ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"] }),
  secret: z.string().max(1024).nullable().optional().openapi({
    description: "Signs each delivery (x-cal-signature-256, X-Cal-Signature-Timestamped). Returned only in the response to the request that sets it.",
  }),
  version: z.enum(["2021-10-20"]).optional().openapi({ description: "The version of the webhook", example: "2021-10-20" }),
};

export const CreateWebhookInputSchema = z.object(webhookFields).openapi("CreateWebhookInputDto");
export const UpdateWebhookInputSchema = z
  .object({ ...webhookFields, active: webhookFields.active.optional(), subscriberUrl: webhookFields.subscriberUrl.optional(), triggers: webhookFields.triggers.optional() })
  .openapi("UpdateWebhookInputDto");

export type CreateWebhookInput = z.infer<typeof CreateWebhookInputSchema>;
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInputSchema>;

// Cal.com's UserWebhookOutputDto. Its published schema says `id: number` and `triggers: object[]`; Cal.com
// actually returns the uuid string and the trigger names, and so do we.
export const UserWebhookOutputSchema = z
  .object({
    payloadTemplate: z.string().nullable().openapi({ description: PAYLOAD_TEMPLATE_DESCRIPTION, example: TEMPLATE_EXAMPLE }),
    userId: z.number(),
    id: z.string().openapi({ example: "0f6a1e33-7d5c-4c41-9b1e-2d1bb7a6f0b1" }),
    triggers: z.array(Trigger),
    subscriberUrl: z.string(),
    active: z.boolean(),
    secret: z.string().optional().openapi({ description: "Present only in the response to the request that set the secret; never returned afterwards." }),
  })
  .openapi("UserWebhookOutputDto");

export const UserWebhookOutputResponseSchema = z
  .object({ status: z.literal("success"), data: UserWebhookOutputSchema })
  .openapi("UserWebhookOutputResponseDto");

export const UserWebhooksOutputResponseSchema = z
  .object({ status: z.literal("success"), data: z.array(UserWebhookOutputSchema) })
  .openapi("UserWebhooksOutputResponseDto");

export type UserWebhookOutput = z.infer<typeof UserWebhookOutputSchema>;

export const WebhookIdParamsSchema = z.object({ webhookId: z.string().openapi({ param: { name: "webhookId", in: "path" } }) });

export function toUserWebhookOutput(webhook: UserWebhookRow, options: { revealSecret?: boolean } = {}): UserWebhookOutput {
  return {
    payloadTemplate: webhook.payloadTemplate,
    userId: webhook.userId!,
    id: webhook.id,
    triggers: webhook.eventTriggers,
    subscriberUrl: webhook.subscriberUrl,
    active: webhook.active,
    ...(options.revealSecret && webhook.secret ? { secret: webhook.secret } : {}),
  };
}
