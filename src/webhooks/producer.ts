// The API other code calls, in the request that changes the data, to emit a webhook event. Nothing is sent
// inline: the event goes on the webhook queue and the Worker's queue handler fans it out to every matching
// active webhook (src/queues/). Call it after the change is committed.
import type { Deps } from "../services";
import { captureException } from "../services/error-reporting";
import type { WebhookEventMessage } from "./messages";
import { hasMatchingWebhook } from "./subscribers";
import type { WebhookTrigger } from "./triggers";

export interface WebhookEvent {
  trigger: WebhookTrigger;
  /** When the event happened; Cal.com's `createdAt` in the body. Defaults to now. */
  createdAt?: Date | string;
  /** Cal.com's `payload` for this trigger (e.g. the booking's CalendarEvent shape). */
  payload: Record<string, unknown>;
  /**
   * The user whose data changed (the organizer for bookings): their user-level webhooks fire, and for a
   * managed user the webhooks of their OAuth client too.
   */
  userId: number | null;
  /** Other users whose user-level webhooks fire too (a team booking's co-hosts). */
  coHostIds?: readonly number[];
  /** The event type involved: its event-type-level webhooks fire too. */
  eventTypeId?: number | null;
  /** A managed child's parent event type: its webhooks fire for the children's events too (as Cal.com's). */
  parentEventTypeId?: number | null;
  /** An OAuth client whose webhooks fire too (not needed for a managed user's events: found from `userId`). */
  oAuthClientId?: string | null;
  /** Organizations whose webhooks fire too: the organizer's and the event type's team's. */
  organizationIds?: readonly number[];
}

/** What the producer uses of the request's deps (the queue consumer and tests pass just these). */
export type WebhookProducerServices = Pick<Deps, "db" | "webhookQueue" | "logger">;

export type EnqueueResult = { enqueued: true; eventId: string } | { enqueued: false; reason: "no_subscribers" | "too_large" | "queue_unavailable" };

// Queues accept messages up to 128 KB; keep room for the envelope.
const MAX_MESSAGE_BYTES = 120 * 1024;

async function hasSubscribers(services: WebhookProducerServices, message: WebhookEventMessage): Promise<boolean> {
  try {
    return (await hasMatchingWebhook(services.db, message.trigger, message)) === true;
  } catch (error) {
    // Cannot tell: enqueue anyway and let the fan-out decide.
    services.logger.warn("webhook subscriber check failed", { error: String(error) });
    return true;
  }
}

/**
 * Enqueues a webhook event for fan-out. Never throws for delivery reasons: the caller's data change has
 * already happened, so a queue outage is logged (and reported to Sentry) rather than failing the request.
 */
export async function enqueueWebhookEvent(services: WebhookProducerServices, event: WebhookEvent): Promise<EnqueueResult> {
  const message: WebhookEventMessage = {
    kind: "event",
    eventId: crypto.randomUUID(),
    trigger: event.trigger,
    createdAt: new Date(event.createdAt ?? Date.now()).toISOString(),
    payload: event.payload,
    userId: event.userId,
    eventTypeId: event.eventTypeId ?? null,
    oAuthClientId: event.oAuthClientId ?? null,
    ...(event.coHostIds?.length ? { coHostIds: [...event.coHostIds] } : {}),
    ...(event.parentEventTypeId ? { parentEventTypeId: event.parentEventTypeId } : {}),
    ...(event.organizationIds?.length ? { organizationIds: [...new Set(event.organizationIds)] } : {}),
  };
  if (!(await hasSubscribers(services, message))) return { enqueued: false, reason: "no_subscribers" };

  const bytes = new TextEncoder().encode(JSON.stringify(message)).byteLength;
  if (bytes > MAX_MESSAGE_BYTES) {
    services.logger.error("webhook event too large for the queue; not sent", { trigger: message.trigger, eventId: message.eventId, bytes });
    return { enqueued: false, reason: "too_large" };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await services.webhookQueue.send(message, { contentType: "json" });
      return { enqueued: true, eventId: message.eventId };
    } catch (error) {
      if (attempt < 2) continue;
      services.logger.error("webhook event could not be enqueued", { trigger: message.trigger, eventId: message.eventId, error: String(error) });
      captureException(error, { tags: { webhookEventId: message.eventId } });
      return { enqueued: false, reason: "queue_unavailable" };
    }
  }
}

/**
 * Publishes the events of a committed change: the subscriber lookups and queue sends run after the response
 * is sent, so the caller never waits on them. Nothing to do for an empty list.
 */
export async function emitWebhookEvents(deps: Deps, events: readonly WebhookEvent[]): Promise<void> {
  if (events.length === 0) return;
  const sending = Promise.all(events.map((event) => enqueueWebhookEvent(deps, event))).catch((error) => {
    deps.logger.error("webhook events could not be emitted", { error: String(error) });
  });
  deps.afterResponse(sending);
}
