import type { WebhookEnvelope } from "./messages";
import { signatureHeaders } from "./signature";
import { renderWebhookBody } from "./template";

// Our additions to Cal.com's headers. The delivery id is the same on every attempt and redelivery of one
// event to one webhook: subscribers deduplicate on it (queues deliver at least once).
export const DELIVERY_ID_HEADER = "X-Cal-Webhook-Delivery-Id";
export const ATTEMPT_HEADER = "X-Cal-Webhook-Attempt";

export interface DeliveryRequestInput {
  envelope: WebhookEnvelope;
  payloadTemplate: string | null;
  secret: string | null;
  deliveryId: string;
  attempt: number;
  timestampSeconds: number;
}

export async function buildDeliveryRequest(input: DeliveryRequestInput): Promise<{ body: string; headers: Record<string, string> }> {
  const { body, contentType } = renderWebhookBody(input.envelope, input.payloadTemplate);
  return {
    body,
    headers: {
      "Content-Type": contentType,
      ...(await signatureHeaders(input.secret, body, input.timestampSeconds)),
      [DELIVERY_ID_HEADER]: input.deliveryId,
      [ATTEMPT_HEADER]: String(input.attempt),
    },
  };
}
