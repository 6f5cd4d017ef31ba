// The messages the webhook operations answer, one factory each (Cal.com's wording where the operation is Cal.com's).
import { ApiError, badRequest, conflict, forbidden, notFound, recordAlreadyExists, serviceUnavailable } from "../errors";
import { ORGANIZATION_ONLY_TRIGGER } from "./triggers";

export const webhookNotFound = (webhookId: string) => notFound(`Webhook (${webhookId}) not found`);

// Cal.com's per-owner services: "Webhook with this subscriber url already exists for this <owner noun>".
export const subscriberUrlTaken = (ownerNoun: string) => conflict(`Webhook with this subscriber url already exists for this ${ownerNoun}`);

// On update Cal.com answers from its Prisma exception filter (P2002), whose message and code this is.
export const subscriberUrlTakenOnUpdate = recordAlreadyExists;

// Cal.com's "Webhook URL is not allowed: <reason>", naming the field in details as a validation error does.
export function subscriberUrlRefused(reason: string) {
  const message = `Webhook URL is not allowed: ${reason}`;
  return new ApiError("BadRequestException", message, {
    target: "json",
    errors: [{ property: "subscriberUrl", message, code: "subscriber_url_refused" }],
  });
}

export const organizationOnlyTrigger = () =>
  new ApiError("BadRequestException", `${ORGANIZATION_ONLY_TRIGGER} trigger is only available for organization webhooks`, {
    target: "json",
    errors: [{ property: "triggers", message: `${ORGANIZATION_ONLY_TRIGGER} is only available for organization webhooks`, code: "invalid_value" }],
  });

// Cal.com's IsUserEventTypeWebhookGuard.
const EVENT_TYPE_GUARD = "IsUserEventTypeWebhookGuard";
export const webhookEventTypeNotFound = (eventTypeId: number) => notFound(`${EVENT_TYPE_GUARD} - Event type (${eventTypeId}) not found`);
export const notEventTypeOwner = (userId: number, eventTypeId: number) =>
  forbidden(EVENT_TYPE_GUARD, `User (${userId}) is not the owner of event type (${eventTypeId})`);
export const webhookWithoutEventType = (webhookId: string) => badRequest(`${EVENT_TYPE_GUARD} - Webhook (${webhookId}) is not associated with an event type`);
export const webhookOfAnotherEventType = (webhookId: string, eventTypeId: number) =>
  forbidden(EVENT_TYPE_GUARD, `Webhook (${webhookId}) is not associated with event type (${eventTypeId})`);

// Cal.com's IsTeamEventTypeWebhookGuard.
const TEAM_EVENT_TYPE_GUARD = "IsTeamEventTypeWebhookGuard";
export const notTeamAdminForWebhooks = (userId: number, teamId: number) =>
  forbidden(TEAM_EVENT_TYPE_GUARD, `User (${userId}) is not an admin/owner of team (${teamId})`);
export const teamWebhookEventTypeNotFound = (eventTypeId: number, teamId: number) =>
  notFound(`${TEAM_EVENT_TYPE_GUARD} - Event type (${eventTypeId}) not found for team (${teamId})`);
export const teamWebhookNotFound = (webhookId: string) => notFound(`${TEAM_EVENT_TYPE_GUARD} - Webhook (${webhookId}) not found`);
export const teamWebhookWithoutEventType = (webhookId: string) => badRequest(`${TEAM_EVENT_TYPE_GUARD} - Webhook (${webhookId}) no event type`);
export const teamWebhookOfAnotherEventType = () => forbidden(TEAM_EVENT_TYPE_GUARD, "Webhook mismatch with event type");

// Cal.com's IsOAuthClientWebhookGuard.
export const webhookOfAnotherOAuthClient = () => forbidden("IsOAuthClientWebhookGuard", "Webhook does not belong to this oAuthClient");

// Cal.com's IsWebhookInOrg (an unknown webhook is refused the same way, so ids cannot be probed).
export const webhookNotInOrganization = (webhookId: string, organizationId: number) =>
  forbidden("IsWebhookInOrg", `webhook with id=${webhookId} is not part of the organization with id=${organizationId}.`);

// Our delivery-log endpoints (not in Cal.com).
export const webhookDeliveryNotFound = (deliveryId: string) => notFound(`Webhook delivery (${deliveryId}) not found`);
export const webhookNotActive = (webhookId: string) => badRequest(`Webhook (${webhookId}) is not active: set "active" to true before redelivering`);
export const deliveryInProgress = (deliveryId: string) => conflict(`Webhook delivery (${deliveryId}) is still in progress`);
export const redeliveryNotQueued = () => serviceUnavailable("The redelivery could not be queued; try again");
