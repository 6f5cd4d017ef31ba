import type { Prisma } from "../generated/prisma/client";
import type { WebhookTrigger } from "./triggers";

export interface WebhookOwners {
  userId: number | null;
  eventTypeId: number | null;
  oAuthClientId: string | null;
}

/**
 * Active webhooks subscribed to `trigger` at the user, event-type or OAuth-client level; undefined when no
 * owner is known. A managed user's events also reach the webhooks of the OAuth clients the user belongs to
 * (Cal.com sends platform webhooks for its managed users' bookings), so producers need only name the user.
 */
export function matchingWebhooksWhere(trigger: WebhookTrigger, owners: WebhookOwners): Prisma.WebhookWhereInput | undefined {
  const levels: Prisma.WebhookWhereInput[] = [];
  if (owners.userId !== null) {
    levels.push({ userId: owners.userId });
    levels.push({ platformOAuthClient: { users: { some: { id: owners.userId } } } });
  }
  if (owners.eventTypeId !== null) levels.push({ eventTypeId: owners.eventTypeId });
  if (owners.oAuthClientId !== null) levels.push({ platformOAuthClientId: owners.oAuthClientId });
  if (levels.length === 0) return undefined;
  return { active: true, eventTriggers: { has: trigger }, OR: levels };
}
