import type { Deps } from "../services";
import { enqueueWebhookEvent, type WebhookEvent } from "../webhooks/producer";

// TEMPORARY: the same function as src/webhooks/producer.ts's emitWebhookEvents (added on another branch); the
// merge swaps this import for that one and deletes this file.

/** Publishes lifecycle events after the response is sent; call only once the change they describe has committed. */
export async function emitWebhookEvents(deps: Deps, events: readonly WebhookEvent[]): Promise<void> {
  if (events.length === 0) return;
  deps.afterResponse(Promise.all(events.map((event) => enqueueWebhookEvent(deps, event))));
}
