import { oAuthClientOfCallerOrganization, organizationRoles } from "../../../src/auth/guards/platform";
import { ClientIdParams } from "../../../src/http/common";
import { oAuthClientWebhookOutputs } from "../../../src/webhooks/output";
import { oAuthClientWebhookAccess } from "../../../src/webhooks/ownership";
import { webhookOwnerOperations } from "../../../src/webhooks/operations";

// Cal.com's OAuthClientWebhooksController: OrganizationRolesGuard then OAuthClientGuard on every route (reads
// allow MEMBER, writes need ADMIN or OWNER), and IsOAuthClientWebhookGuard on the /{webhookId} routes.
export const oAuthClientWebhookOperations = webhookOwnerOperations({
  path: "/v2/oauth-clients/{clientId}/webhooks",
  params: ClientIdParams,
  tag: "Platform / Webhooks",
  operations: {
    create: {
      operationId: "OAuthClientWebhooksController_createOAuthClientWebhook",
      description:
        "For an admin or owner of the client's platform organization. Fires for events of the client's managed users. The `secret` is returned in this response only.",
    },
    list: { operationId: "OAuthClientWebhooksController_getOAuthClientWebhooks" },
    deleteAll: { operationId: "OAuthClientWebhooksController_deleteAllOAuthClientWebhooks" },
    get: { operationId: "OAuthClientWebhooksController_getOAuthClientWebhook" },
    update: { operationId: "OAuthClientWebhooksController_updateOAuthClientWebhook" },
    delete: { operationId: "OAuthClientWebhooksController_deleteOAuthClientWebhook" },
  },
  whose: "The client's",
  outputs: oAuthClientWebhookOutputs,
  access: oAuthClientWebhookAccess,
  guards: {
    read: [organizationRoles(["ADMIN", "OWNER", "MEMBER"]), oAuthClientOfCallerOrganization],
    manage: [organizationRoles(["ADMIN", "OWNER"]), oAuthClientOfCallerOrganization],
  },
  checks: "before validation",
});
