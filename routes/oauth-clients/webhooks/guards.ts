import { oAuthClientOfCallerOrganization, organizationRoles } from "../../../src/auth/guards/platform";
import { oAuthClientWebhookGuard } from "../../../src/webhooks/ownership";

// Cal.com's OAuthClientWebhooksController: OrganizationRolesGuard then OAuthClientGuard on every route (reads
// allow MEMBER, writes need ADMIN or OWNER), and IsOAuthClientWebhookGuard on the /{webhookId} routes.
export const readClientWebhooksGuards = [organizationRoles(["ADMIN", "OWNER", "MEMBER"]), oAuthClientOfCallerOrganization];
export const manageClientWebhooksGuards = [organizationRoles(["ADMIN", "OWNER"]), oAuthClientOfCallerOrganization];
export const readClientWebhookGuards = [...readClientWebhooksGuards, oAuthClientWebhookGuard];
export const manageClientWebhookGuards = [...manageClientWebhooksGuards, oAuthClientWebhookGuard];
