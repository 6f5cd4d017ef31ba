import type { Prisma } from "../generated/prisma/client";
import type { Queryable } from "../services/db";
import type { WebhookTrigger } from "./triggers";

export interface WebhookOwners {
  userId: number | null;
  eventTypeId: number | null;
  oAuthClientId: string | null;
  /** More users whose user-level webhooks fire (a team booking's co-hosts). */
  coHostIds?: readonly number[];
  /** A managed child's parent event type. */
  parentEventTypeId?: number | null;
  /** Organizations whose webhooks (Webhook.teamId) fire: the organizer's and the event type's team's. */
  organizationIds?: readonly number[];
}

/**
 * Active webhooks subscribed to `trigger` at the user, event-type or OAuth-client level; undefined when no
 * owner is known. A team booking's co-hosts' user webhooks fire as the organizer's, and a managed child's parent
 * event type's as the child's. A managed user's events also reach the webhooks of the OAuth clients the user belongs to
 * (Cal.com sends platform webhooks for its managed users' bookings), so producers need only name the user. An
 * organization's webhooks fire for the events of its users and teams: the message names the organizations, so
 * they are one more branch of the same query.
 */
export function matchingWebhooksWhere(trigger: WebhookTrigger, owners: WebhookOwners): Prisma.WebhookWhereInput | undefined {
  const levels: Prisma.WebhookWhereInput[] = [];
  if (owners.userId !== null) {
    levels.push({ userId: owners.userId });
    levels.push({ platformOAuthClient: { users: { some: { id: owners.userId } } } });
  }
  for (const coHostId of owners.coHostIds ?? []) {
    if (coHostId !== owners.userId) levels.push({ userId: coHostId });
  }
  if (owners.eventTypeId !== null) levels.push({ eventTypeId: owners.eventTypeId });
  if (owners.parentEventTypeId) levels.push({ eventTypeId: owners.parentEventTypeId });
  if (owners.oAuthClientId !== null) levels.push({ platformOAuthClientId: owners.oAuthClientId });
  if (owners.organizationIds?.length) levels.push({ teamId: { in: [...owners.organizationIds] } });
  if (levels.length === 0) return undefined;
  return { active: true, eventTriggers: { has: trigger }, OR: levels };
}

/**
 * Whether any webhook matches: matchingWebhooksWhere's question as one SQL statement, which the request's
 * `$queryRaw` sends straight over HTTP (the producer asks it for every booking change; a Prisma model read
 * cost a query compilation and more CPU than the rest of the check). Undefined when no owner is known.
 */
export async function hasMatchingWebhook(db: Pick<Queryable, "$queryRaw">, trigger: WebhookTrigger, owners: WebhookOwners): Promise<boolean | undefined> {
  const userIds = owners.userId !== null ? [owners.userId, ...(owners.coHostIds ?? [])] : [...(owners.coHostIds ?? [])];
  const eventTypeIds = [owners.eventTypeId, owners.parentEventTypeId].filter((id): id is number => typeof id === "number");
  const organizationIds = [...(owners.organizationIds ?? [])];
  if (userIds.length === 0 && eventTypeIds.length === 0 && owners.oAuthClientId === null && organizationIds.length === 0) return undefined;
  const rows = await db.$queryRaw<{ matched: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Webhook" w
      WHERE w."active" AND ${trigger}::"WebhookTriggerEvents" = ANY (w."eventTriggers")
        AND (w."userId" = ANY (${userIds}::int[])
          OR w."platformOAuthClientId" IN (SELECT "A" FROM "_PlatformOAuthClientToUser" WHERE "B" = ${owners.userId})
          OR w."eventTypeId" = ANY (${eventTypeIds}::int[])
          OR w."platformOAuthClientId" = ${owners.oAuthClientId}
          OR w."teamId" = ANY (${organizationIds}::int[]))
    ) AS matched`;
  return rows[0]?.matched === true;
}
