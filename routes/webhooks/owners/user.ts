import { userWebhookOutputs } from "../../../src/webhooks/output";
import { userWebhookAccess } from "../../../src/webhooks/ownership";
import { webhookOwnerOperations } from "../../../src/webhooks/operations";

// Cal.com's WebhooksController: the caller's own webhooks.
export const userWebhookOperations = webhookOwnerOperations({
  path: "/v2/webhooks",
  tag: "Webhooks",
  operations: {
    create: {
      operationId: "WebhooksController_createWebhook",
      description:
        "Deliveries are queued, signed, retried with exponential backoff and logged (see the deliveries endpoints). The `secret` is returned in this response only.",
    },
    list: { operationId: "WebhooksController_getWebhooks", description: "Gets a paginated list of webhooks for the authenticated user." },
    get: { operationId: "WebhooksController_getWebhook" },
    update: { operationId: "WebhooksController_updateWebhook" },
    delete: { operationId: "WebhooksController_deleteWebhook" },
  },
  whose: "The caller's",
  outputs: userWebhookOutputs,
  access: userWebhookAccess,
  // Ours has always checked IsUserWebhookGuard's ownership after input validation; kept so no answer changes.
  checks: "in the handler",
});
