import { EventTypeIdParams } from "../../../src/http/common";
import { eventTypeWebhookOutputs } from "../../../src/webhooks/output";
import { userEventTypeWebhookAccess } from "../../../src/webhooks/ownership";
import { webhookOwnerOperations } from "../../../src/webhooks/operations";

// Cal.com's EventTypeWebhooksController: the webhooks of one of the caller's event types (IsUserEventTypeWebhookGuard).
export const eventTypeWebhookOperations = webhookOwnerOperations({
  path: "/v2/event-types/{eventTypeId}/webhooks",
  params: EventTypeIdParams,
  tag: "Event Types / Webhooks",
  operations: {
    create: {
      operationId: "EventTypeWebhooksController_createEventTypeWebhook",
      description: "For an event type of the caller. Fires for events of that event type's bookings. The `secret` is returned in this response only.",
    },
    list: { operationId: "EventTypeWebhooksController_getEventTypeWebhooks" },
    deleteAll: { operationId: "EventTypeWebhooksController_deleteAllEventTypeWebhooks" },
    get: { operationId: "EventTypeWebhooksController_getEventTypeWebhook" },
    update: { operationId: "EventTypeWebhooksController_updateEventTypeWebhook" },
    delete: { operationId: "EventTypeWebhooksController_deleteEventTypeWebhook" },
  },
  whose: "The event type's",
  outputs: eventTypeWebhookOutputs,
  access: userEventTypeWebhookAccess,
  checks: "before validation",
});
