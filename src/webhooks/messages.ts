import { z } from "zod";
import { CalendarEventMessageSchema } from "../calendars/booking-events/messages";
import { WEBHOOK_TRIGGERS } from "./triggers";

// What travels on the webhook queue. Bodies are sent as JSON so dead-lettered messages stay readable.
//  - "event": a lifecycle event to fan out to every matching webhook (one per data change).
//  - "deliver": one delivery (event × webhook) to attempt; `round` is the delivery's redelivery round.
//  - "calendar-event": write a booking's event to the organizer's calendar (src/calendars/booking-events/).
export const WebhookEventMessageSchema = z.object({
  kind: z.literal("event"),
  eventId: z.string().min(1),
  trigger: z.enum(WEBHOOK_TRIGGERS),
  createdAt: z.string(),
  payload: z.unknown(),
  userId: z.number().int().nullable(),
  eventTypeId: z.number().int().nullable(),
  oAuthClientId: z.string().nullable(),
  /** A team booking's co-hosts, whose user-level webhooks fire too (absent from messages of other events). */
  coHostIds: z.array(z.number().int()).optional(),
  /** A managed child's parent event type, whose webhooks fire too. */
  parentEventTypeId: z.number().int().nullable().optional(),
  /** Organizations whose webhooks fire too (the organizer's and the team's). */
  organizationIds: z.array(z.number().int()).optional(),
});

export const WebhookDeliverMessageSchema = z.object({
  kind: z.literal("deliver"),
  deliveryId: z.string().min(1),
  round: z.number().int().min(0),
});

export const WebhookQueueMessageSchema = z.discriminatedUnion("kind", [WebhookEventMessageSchema, WebhookDeliverMessageSchema, CalendarEventMessageSchema]);

export type WebhookEventMessage = z.infer<typeof WebhookEventMessageSchema>;
export type WebhookDeliverMessage = z.infer<typeof WebhookDeliverMessageSchema>;
export type WebhookQueueMessage = z.infer<typeof WebhookQueueMessageSchema>;

/** The JSON body Cal.com posts to subscribers (before any payloadTemplate). */
export interface WebhookEnvelope {
  triggerEvent: string;
  createdAt: string;
  payload: unknown;
}

export const deliverMessage = (deliveryId: string, round: number): MessageSendRequest<WebhookQueueMessage> => ({
  body: { kind: "deliver", deliveryId, round },
  contentType: "json",
});
