// Inputs of the webhook operations: bodies, path params and queries (outputs: ./output.ts).
import { z } from "@hono/zod-openapi";
import { SkipTakeQuery, stringPathParam, WebhookIdParams } from "../http/common";
import { WEBHOOK_TRIGGERS } from "./triggers";

export const TEMPLATE_EXAMPLE = JSON.stringify({
  content: "A new event has been scheduled",
  type: "{{type}}",
  name: "{{title}}",
  organizer: "{{organizer.name}}",
  booker: "{{attendees.0.name}}",
});
export const PAYLOAD_TEMPLATE_DESCRIPTION =
  "The template of the payload that will be sent to the subscriberUrl: `{{path.to.value}}` placeholders over the event's payload plus `triggerEvent` and `createdAt`. A template that parses as JSON is sent as application/json, any other as application/x-www-form-urlencoded.";

export const WebhookTriggerSchema = z.enum(WEBHOOK_TRIGGERS);

// Cal.com's inputs: class-validator with whitelist (unknown keys dropped), @IsOptional (null accepted) on the optional ones.
const webhookFields = {
  payloadTemplate: z.string().max(65_536).nullable().optional().openapi({ description: PAYLOAD_TEMPLATE_DESCRIPTION, example: TEMPLATE_EXAMPLE }),
  active: z.boolean(),
  subscriberUrl: z.string().min(1).max(2048).openapi({
    description:
      "http(s) URL of a public host. Loopback, private, link-local, CGNAT and cloud-metadata addresses, internal names and URLs with credentials are refused (400).",
    example: "https://example.com/webhooks/cal",
  }),
  triggers: z.array(WebhookTriggerSchema).openapi({ example: ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"] }),
  secret: z.string().max(1024).nullable().optional().openapi({
    description: "Signs each delivery (x-cal-signature-256, X-Cal-Signature-Timestamped). Returned only in the response to the request that sets it.",
  }),
  version: z.enum(["2021-10-20"]).optional().openapi({ description: "The version of the webhook", example: "2021-10-20" }),
};

export const CreateWebhookInputSchema = z.object(webhookFields).openapi("CreateWebhookInputDto");
export const UpdateWebhookInputSchema = z
  .object({
    ...webhookFields,
    active: webhookFields.active.optional(),
    subscriberUrl: webhookFields.subscriberUrl.optional(),
    triggers: webhookFields.triggers.optional(),
  })
  .openapi("UpdateWebhookInputDto");

export type CreateWebhookInput = z.infer<typeof CreateWebhookInputSchema>;
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInputSchema>;

// Our delivery-log endpoints (not in Cal.com).
export const DELIVERY_STATUSES = ["pending", "retrying", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const WebhookDeliveriesQuery = z.object({
  take: SkipTakeQuery.shape.take.openapi({ description: "Maximum number of deliveries to return (default 50)" }),
  skip: SkipTakeQuery.shape.skip.openapi({ description: "Number of deliveries to skip" }),
  status: z.enum(DELIVERY_STATUSES).optional().openapi({ description: "Only deliveries in this state" }),
});

export const WebhookDeliveryParams = WebhookIdParams.extend({ deliveryId: stringPathParam("deliveryId", { max: 255 }) });
