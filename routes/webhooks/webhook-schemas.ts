import { z } from "@hono/zod-openapi";
import type { Webhook } from "../../src/generated/prisma/client";
import { EventTypeIdParamsSchema } from "../../src/webhooks/ownership";
import { WEBHOOK_TRIGGERS } from "../../src/webhooks/triggers";
import { ClientParamsSchema } from "../oauth-client-users/output";

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
    description:
      "http(s) URL of a public host. Loopback, private, link-local, CGNAT and cloud-metadata addresses, internal names and URLs with credentials are refused (400).",
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
  .object({
    ...webhookFields,
    active: webhookFields.active.optional(),
    subscriberUrl: webhookFields.subscriberUrl.optional(),
    triggers: webhookFields.triggers.optional(),
  })
  .openapi("UpdateWebhookInputDto");

export type CreateWebhookInput = z.infer<typeof CreateWebhookInputSchema>;
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInputSchema>;

// Cal.com's <Owner>WebhookOutputDto: the same fields, with the owner's id second. Its published schemas say
// `id: number` and `triggers: object[]`; Cal.com actually returns the uuid string and the trigger names, and so do we.
const webhookOutputSchema = <Owner extends z.ZodRawShape>(owner: Owner) =>
  z.object({
    payloadTemplate: z.string().nullable().openapi({ description: PAYLOAD_TEMPLATE_DESCRIPTION, example: TEMPLATE_EXAMPLE }),
    ...owner,
    id: z.string().openapi({ example: "0f6a1e33-7d5c-4c41-9b1e-2d1bb7a6f0b1" }),
    triggers: z.array(Trigger),
    subscriberUrl: z.string(),
    active: z.boolean(),
    secret: z.string().optional().openapi({ description: "Present only in the response to the request that set the secret; never returned afterwards." }),
  });

export const UserWebhookOutputSchema = webhookOutputSchema({ userId: z.number() }).openapi("UserWebhookOutputDto");
export const EventTypeWebhookOutputSchema = webhookOutputSchema({ eventTypeId: z.number() }).openapi("EventTypeWebhookOutputDto");
export const OAuthClientWebhookOutputSchema = webhookOutputSchema({ oAuthClientId: z.string() }).openapi("OAuthClientWebhookOutputDto");

const successOf = <T extends z.ZodTypeAny>(data: T) => z.object({ status: z.literal("success"), data });

export const UserWebhookOutputResponseSchema = successOf(UserWebhookOutputSchema).openapi("UserWebhookOutputResponseDto");
export const UserWebhooksOutputResponseSchema = successOf(z.array(UserWebhookOutputSchema)).openapi("UserWebhooksOutputResponseDto");
export const EventTypeWebhookOutputResponseSchema = successOf(EventTypeWebhookOutputSchema).openapi("EventTypeWebhookOutputResponseDto");
export const EventTypeWebhooksOutputResponseSchema = successOf(z.array(EventTypeWebhookOutputSchema)).openapi("EventTypeWebhooksOutputResponseDto");
export const OAuthClientWebhookOutputResponseSchema = successOf(OAuthClientWebhookOutputSchema).openapi("OAuthClientWebhookOutputResponseDto");
export const OAuthClientWebhooksOutputResponseSchema = successOf(z.array(OAuthClientWebhookOutputSchema)).openapi("OAuthClientWebhooksOutputResponseDto");
export const DeleteManyWebhooksOutputResponseSchema = successOf(z.string().openapi({ example: "2 webhooks deleted" })).openapi(
  "DeleteManyWebhooksOutputResponseDto",
);

export type UserWebhookOutput = z.infer<typeof UserWebhookOutputSchema>;

export const WebhookIdParamsSchema = z.object({ webhookId: z.string().openapi({ param: { name: "webhookId", in: "path" } }) });
export const EventTypeWebhookParamsSchema = EventTypeIdParamsSchema.extend(WebhookIdParamsSchema.shape);
export const ClientWebhookParamsSchema = ClientParamsSchema.extend(WebhookIdParamsSchema.shape);

// Cal.com's SkipTakePagination.
export const SkipTakeQuerySchema = z.object({
  take: z.coerce.number().int().min(1).max(250).optional().openapi({ description: "Maximum number of items to return", example: 25 }),
  skip: z.coerce.number().int().min(0).optional().openapi({ description: "Number of items to skip", example: 0 }),
});

export interface WebhookOutputOptions {
  /** True in the response to the request that set the secret (the only time it is shown). */
  revealSecret?: boolean;
}

// Keys in Cal.com's order: the owner's id comes second.
function webhookOutput<Owner extends object>(webhook: Webhook, owner: Owner, options: WebhookOutputOptions) {
  return {
    payloadTemplate: webhook.payloadTemplate,
    ...owner,
    id: webhook.id,
    triggers: webhook.eventTriggers,
    subscriberUrl: webhook.subscriberUrl,
    active: webhook.active,
    ...(options.revealSecret && webhook.secret ? { secret: webhook.secret } : {}),
  };
}

export const toUserWebhookOutput = (webhook: Webhook, options: WebhookOutputOptions = {}): UserWebhookOutput =>
  webhookOutput(webhook, { userId: webhook.userId! }, options);

export const toEventTypeWebhookOutput = (webhook: Webhook, options: WebhookOutputOptions = {}): z.infer<typeof EventTypeWebhookOutputSchema> =>
  webhookOutput(webhook, { eventTypeId: webhook.eventTypeId! }, options);

export const toOAuthClientWebhookOutput = (webhook: Webhook, options: WebhookOutputOptions = {}): z.infer<typeof OAuthClientWebhookOutputSchema> =>
  webhookOutput(webhook, { oAuthClientId: webhook.platformOAuthClientId! }, options);

/** A PATCH reveals the secret only when it sets one. */
export const revealsSecret = (input: { secret?: string | null }): WebhookOutputOptions => ({ revealSecret: typeof input.secret === "string" });
