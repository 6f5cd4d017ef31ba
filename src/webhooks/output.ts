// Outputs of the webhook operations: Cal.com's per-owner webhook DTOs and our delivery log, with their renderers.
import { z } from "@hono/zod-openapi";
import type { Webhook, WebhookDeliveryStatus } from "../generated/prisma/client";
import { successOf } from "../http/common";
import { DELIVERY_STATUSES, type DeliveryStatus, PAYLOAD_TEMPLATE_DESCRIPTION, TEMPLATE_EXAMPLE, WebhookTriggerSchema } from "./schemas";
import type { WebhookTrigger } from "./triggers";

// ---------------------------------------------------------------------------------------------------------
// Webhooks

export interface WebhookOutputOptions {
  /** True in the response to the request that set the secret (the only time it is shown). */
  revealSecret?: boolean;
}

/** A PATCH reveals the secret only when it sets one. */
export const revealsSecret = (input: { secret?: string | null }): WebhookOutputOptions => ({ revealSecret: typeof input.secret === "string" });

/** An owner's webhook output: its schemas (one webhook, a list) and the renderer. */
export interface WebhookOutputs {
  one: z.ZodType;
  many: z.ZodType;
  render(webhook: Webhook, options?: WebhookOutputOptions): Record<string, unknown>;
}

/**
 * Cal.com's <Name>OutputDto, <Name>OutputResponseDto and <Name>sOutputResponseDto: the same fields for every owner,
 * with the owner's id second (`ownerField`, read from the row by `ownerValue`). Cal.com's published schemas say
 * `id: number` and `triggers: object[]`; Cal.com actually returns the uuid string and the trigger names, and so do we.
 */
export function webhookOutputs(name: string, ownerField: string, ownerType: z.ZodType, ownerValue: (webhook: Webhook) => unknown): WebhookOutputs {
  const schema = z
    .object({
      payloadTemplate: z.string().nullable().openapi({ description: PAYLOAD_TEMPLATE_DESCRIPTION, example: TEMPLATE_EXAMPLE }),
      [ownerField]: ownerType,
      id: z.string().openapi({ example: "0f6a1e33-7d5c-4c41-9b1e-2d1bb7a6f0b1" }),
      triggers: z.array(WebhookTriggerSchema),
      subscriberUrl: z.string(),
      active: z.boolean(),
      secret: z.string().optional().openapi({ description: "Present only in the response to the request that set the secret; never returned afterwards." }),
    })
    .openapi(`${name}OutputDto`);
  return {
    one: successOf(schema).openapi(`${name}OutputResponseDto`),
    many: successOf(z.array(schema)).openapi(`${name}sOutputResponseDto`),
    // Keys in Cal.com's order: the owner's id comes second.
    render: (webhook, options = {}) => ({
      payloadTemplate: webhook.payloadTemplate,
      [ownerField]: ownerValue(webhook),
      id: webhook.id,
      triggers: webhook.eventTriggers,
      subscriberUrl: webhook.subscriberUrl,
      active: webhook.active,
      ...(options.revealSecret && webhook.secret ? { secret: webhook.secret } : {}),
    }),
  };
}

export const userWebhookOutputs = webhookOutputs("UserWebhook", "userId", z.number(), (webhook) => webhook.userId);
export const eventTypeWebhookOutputs = webhookOutputs("EventTypeWebhook", "eventTypeId", z.number(), (webhook) => webhook.eventTypeId);
export const oAuthClientWebhookOutputs = webhookOutputs("OAuthClientWebhook", "oAuthClientId", z.string(), (webhook) => webhook.platformOAuthClientId);
/** Cal.com's TeamWebhookOutputDto, which its organization webhooks answer (`teamId` = the organization's id). */
export const organizationWebhookOutputs = webhookOutputs("TeamWebhook", "teamId", z.number(), (webhook) => webhook.teamId);

export const DeleteManyWebhooksOutputResponseSchema = successOf(z.string().openapi({ example: "2 webhooks deleted" })).openapi(
  "DeleteManyWebhooksOutputResponseDto",
);

// ---------------------------------------------------------------------------------------------------------
// Our delivery log (not in Cal.com)

export const OUR_ADDITION = "**Not part of Cal.com's API**: an addition of this implementation (Cal.com sends each webhook once and keeps no log).";

export const WHOSE_WEBHOOKS =
  "Serves any webhook the caller owns: their own webhooks, their event types' webhooks and, for an ADMIN or OWNER of a platform organization, the webhooks of the organization's OAuth clients. Anyone else's webhook is a 403.";

const STATUS_FROM_DB: Record<WebhookDeliveryStatus, DeliveryStatus> = { PENDING: "pending", RETRYING: "retrying", DELIVERED: "delivered", FAILED: "failed" };

const FAILURE_REASONS = ["retries_exhausted", "blocked_url", "webhook_inactive", "webhook_disabled", "enqueue_failed"] as const;

const timestamp = z.string().nullable().openapi({ example: "2026-11-26T10:00:00.000Z" });

export const WebhookDeliveryOutputSchema = z
  .object({
    id: z.string().openapi({ description: "The delivery id, sent as X-Cal-Webhook-Delivery-Id; the same on every retry and redelivery." }),
    eventId: z.string(),
    triggerEvent: WebhookTriggerSchema,
    status: z.enum(DELIVERY_STATUSES).openapi({
      description: "pending: not attempted yet; retrying: failed, another attempt is scheduled; delivered: a 2xx answer; failed: given up.",
    }),
    attempts: z.number().int().openapi({ description: "HTTP attempts made, over all rounds." }),
    redeliveries: z.number().int().openapi({ description: "Times the owner asked for a redelivery." }),
    lastResponseCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastDurationMs: z.number().int().nullable(),
    failureReason: z.enum(FAILURE_REASONS).nullable().openapi({ description: "Why a failed delivery was given up." }),
    createdAt: z.string(),
    firstAttemptAt: timestamp,
    lastAttemptAt: timestamp,
    nextAttemptAt: timestamp,
    deliveredAt: timestamp,
    failedAt: timestamp,
  })
  .openapi("WebhookDeliveryOutput");

export type WebhookDeliveryOutput = z.infer<typeof WebhookDeliveryOutputSchema>;

export const WebhookHealthSchema = z
  .object({
    id: z.string(),
    active: z.boolean(),
    failingSince: timestamp.openapi({ description: "Start of the current run of failed deliveries (null after a success)." }),
    disabledAt: timestamp,
    disabledReason: z.string().nullable().openapi({ description: "Why the webhook was disabled automatically." }),
  })
  .openapi("WebhookHealthOutput");

export const WebhookDeliveriesOutputResponseSchema = successOf(
  z.object({ webhook: WebhookHealthSchema, deliveries: z.array(WebhookDeliveryOutputSchema) }),
).openapi("WebhookDeliveriesOutputResponse");

export const RedeliverOutputResponseSchema = successOf(WebhookDeliveryOutputSchema).openapi("WebhookRedeliveryOutputResponse");

/** The delivery columns the log shows. */
export interface DeliveryRow {
  id: string;
  eventId: string;
  triggerEvent: WebhookTrigger;
  status: WebhookDeliveryStatus;
  attempts: number;
  round: number;
  lastResponseCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  failureReason: string | null;
  createdAt: Date;
  firstAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toDeliveryOutput(row: DeliveryRow): WebhookDeliveryOutput {
  return {
    id: row.id,
    eventId: row.eventId,
    triggerEvent: row.triggerEvent,
    status: STATUS_FROM_DB[row.status],
    attempts: row.attempts,
    redeliveries: row.round,
    lastResponseCode: row.lastResponseCode,
    lastError: row.lastError,
    lastDurationMs: row.lastDurationMs,
    failureReason: row.failureReason as WebhookDeliveryOutput["failureReason"],
    createdAt: row.createdAt.toISOString(),
    firstAttemptAt: iso(row.firstAttemptAt),
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    failedAt: iso(row.failedAt),
  };
}

export function toWebhookHealth(webhook: Pick<Webhook, "id" | "active" | "failingSince" | "disabledAt" | "disabledReason">) {
  return {
    id: webhook.id,
    active: webhook.active,
    failingSince: iso(webhook.failingSince),
    disabledAt: iso(webhook.disabledAt),
    disabledReason: webhook.disabledReason,
  };
}
