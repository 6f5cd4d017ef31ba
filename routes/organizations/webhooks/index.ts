import { OrgIdParams } from "../../../src/http/common";
import { organizationWebhookOutputs } from "../../../src/webhooks/output";
import { organizationWebhookAccess } from "../../../src/webhooks/ownership";
import { webhookOwnerOperations } from "../../../src/webhooks/operations";

// Cal.com's OrganizationsWebhooksController: IsOrgGuard, RolesGuard (ORG_ADMIN), PlatformPlanGuard (ESSENTIALS),
// IsAdminAPIEnabledGuard on every route, IsWebhookInOrg on the /{webhookId} routes; stored with teamId = orgId.
export const organizationWebhookOperations = webhookOwnerOperations({
  path: "/v2/organizations/{orgId}/webhooks",
  params: OrgIdParams,
  tag: "Orgs / Webhooks",
  operations: {
    create: {
      operationId: "OrganizationsWebhooksController_createOrganizationWebhook",
      description:
        "ORG_ADMIN. Fires for the booking events of every user and team of the organization. DELEGATION_CREDENTIAL_ERROR is accepted here only. The `secret` is returned in this response only.",
    },
    list: { operationId: "OrganizationsWebhooksController_getAllOrganizationWebhooks" },
    get: { operationId: "OrganizationsWebhooksController_getOrganizationWebhook" },
    update: { operationId: "OrganizationsWebhooksController_updateOrgWebhook" },
    delete: { operationId: "OrganizationsWebhooksController_deleteWebhook" },
  },
  whose: "The organization's",
  outputs: organizationWebhookOutputs,
  access: organizationWebhookAccess,
  checks: "before validation",
});
