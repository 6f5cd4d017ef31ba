import { z } from "@hono/zod-openapi";
import { WEBHOOK_TRIGGERS } from "../../src/webhooks/triggers";

export const OUR_ADDITION = "**Not part of Cal.com's API**: an addition of this implementation (Cal.com sends each webhook once and keeps no log).";

export const WHOSE_WEBHOOKS =
  "Serves any webhook the caller owns: their own webhooks, their event types' webhooks and, for an ADMIN or OWNER of a platform organization, the webhooks of the organization's OAuth clients. Anyone else's webhook is a 403.";

export const DELIVERY_STATUSES = ["pending", "retrying", "delivered", "failed"] as const;
const STATUS_FROM_DB = { PENDING: "pending", RETRYING: "retrying", DELIVERED: "delivered", FAILED: "failed" } as const;
export const STATUS_TO_DB = { pending: "PENDING", retrying: "RETRYING", delivered: "DELIVERED", failed: "FAILED" } as const;

const timestamp = z.string().nullable().openapi({ example: "2026-11-26T10:00:00.000Z" });

export const WebhookDeliveryOutputSchema = z
  .object({
    id: z.string().openapi({ description: "The delivery id, sent as X-Cal-Webhook-Delivery-Id; the same on every retry and redelivery." }),
    eventId: z.string(),
    triggerEvent: z.enum(WEBHOOK_TRIGGERS),
    status: z.enum(DELIVERY_STATUSES).openapi({
      description: "pending: not attempted yet; retrying: failed, another attempt is scheduled; delivered: a 2xx answer; failed: given up.",
    }),
    attempts: z.number().int().openapi({ description: "HTTP attempts made, over all rounds." }),
    redeliveries: z.number().int().openapi({ description: "Times the owner asked for a redelivery." }),
    lastResponseCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastDurationMs: z.number().int().nullable(),
    failureReason: z
      .enum(["retries_exhausted", "blocked_url", "webhook_inactive", "webhook_disabled", "enqueue_failed"])
      .nullable()
      .openapi({ description: "Why a failed delivery was given up." }),
    createdAt: z.string(),
    firstAttemptAt: timestamp,
    lastAttemptAt: timestamp,
    nextAttemptAt: timestamp,
    deliveredAt: timestamp,
    failedAt: timestamp,
  })
  .openapi("WebhookDeliveryOutput");

export const WebhookHealthSchema = z
  .object({
    id: z.string(),
    active: z.boolean(),
    failingSince: timestamp.openapi({ description: "Start of the current run of failed deliveries (null after a success)." }),
    disabledAt: timestamp,
    disabledReason: z.string().nullable().openapi({ description: "Why the webhook was disabled automatically." }),
  })
  .openapi("WebhookHealthOutput");

type DeliveryRow = {
  id: string;
  eventId: string;
  triggerEvent: (typeof WEBHOOK_TRIGGERS)[number];
  status: keyof typeof STATUS_FROM_DB;
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
};

export const deliverySelect = {
  id: true,
  eventId: true,
  triggerEvent: true,
  status: true,
  attempts: true,
  round: true,
  lastResponseCode: true,
  lastError: true,
  lastDurationMs: true,
  failureReason: true,
  createdAt: true,
  firstAttemptAt: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  deliveredAt: true,
  failedAt: true,
} as const;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toDeliveryOutput(row: DeliveryRow): z.infer<typeof WebhookDeliveryOutputSchema> {
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
    failureReason: row.failureReason as z.infer<typeof WebhookDeliveryOutputSchema>["failureReason"],
    createdAt: row.createdAt.toISOString(),
    firstAttemptAt: iso(row.firstAttemptAt),
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    failedAt: iso(row.failedAt),
  };
}

export function toWebhookHealth(webhook: { id: string; active: boolean; failingSince: Date | null; disabledAt: Date | null; disabledReason: string | null }) {
  return {
    id: webhook.id,
    active: webhook.active,
    failingSince: iso(webhook.failingSince),
    disabledAt: iso(webhook.disabledAt),
    disabledReason: webhook.disabledReason,
  };
}
