import { callerOrganizationIdOf } from "../auth/guards/platform";
// Who may touch which webhook: Cal.com's guards for its user, event-type and OAuth-client webhook routes, as
// plain functions (src/webhooks/operations.ts calls them), and the rule for our delivery-log endpoints, which
// serve all three kinds.
import type { Actor } from "../auth/principal";
import { forbiddenResource } from "../errors";
import type { Webhook } from "../generated/prisma/client";
import { EventTypeIdParams, OrgIdParams, pathParams, TeamIdParams } from "../http/common";
import { requireOrgAccess } from "../organizations/access";
import type { Deps } from "../services";
import { hasTeamRole, teamMembershipOf } from "../teams/access";
import { validationError } from "../validation";
import {
  notEventTypeOwner,
  notTeamAdminForWebhooks,
  teamWebhookEventTypeNotFound,
  teamWebhookNotFound,
  teamWebhookOfAnotherEventType,
  teamWebhookWithoutEventType,
  webhookEventTypeNotFound,
  webhookNotFound,
  webhookOfAnotherEventType,
  webhookNotInOrganization,
  webhookOfAnotherOAuthClient,
  webhookWithoutEventType,
} from "./errors";
import type { WebhookOwner } from "./store";

/** The raw path params of the request (Cal.com's guards read them before input validation). */
export type WebhookPath = Readonly<Record<string, string | undefined>>;

/** How an owner's webhooks are reached: the owner the path names, and a webhook of that owner. */
export interface WebhookOwnerAccess<Owner extends WebhookOwner = WebhookOwner> {
  /** The path's owner, once the caller may act on its webhooks: Cal.com's 400/403/404 otherwise. */
  owner(deps: Deps, actor: Actor, path: WebhookPath): Promise<Owner>;
  /** The `webhookId` webhook, checked to belong to `owner`: 404 unknown, 403 (or Cal.com's 400) another's. */
  webhook(deps: Deps, owner: Owner, webhookId: string): Promise<Webhook>;
}

type OwnerOfKind<K extends WebhookOwner["kind"]> = Extract<WebhookOwner, { kind: K }>;

async function findWebhook(deps: Deps, webhookId: string): Promise<Webhook> {
  const webhook = await deps.db.webhook.findUnique({ where: { id: webhookId } });
  if (!webhook) throw webhookNotFound(webhookId);
  return webhook;
}

/** The caller's own webhooks (Cal.com's IsUserWebhookGuard: an unknown id is 404, someone else's webhook Nest's bare 403). */
export const userWebhookAccess: WebhookOwnerAccess<OwnerOfKind<"user">> = {
  owner: async (_deps, actor) => ({ kind: "user", userId: actor.userId }),
  async webhook(deps, owner, webhookId) {
    const webhook = await findWebhook(deps, webhookId);
    if (webhook.userId !== owner.userId) throw forbiddenResource();
    return webhook;
  },
};

/**
 * The webhooks of one of the caller's event types (Cal.com's IsUserEventTypeWebhookGuard): the event type must
 * exist (404) and be the caller's (403); a webhook must exist (404), be an event-type webhook (400) and belong to
 * that event type (403).
 */
export const userEventTypeWebhookAccess: WebhookOwnerAccess<OwnerOfKind<"eventType">> = {
  async owner(deps, actor, path) {
    const params = EventTypeIdParams.safeParse({ eventTypeId: path.eventTypeId });
    if (!params.success) throw validationError(params.error, "param");
    const { eventTypeId } = params.data;
    const eventType = await deps.db.eventType.findUnique({ where: { id: eventTypeId }, select: { userId: true } });
    if (!eventType) throw webhookEventTypeNotFound(eventTypeId);
    if (eventType.userId !== actor.userId) throw notEventTypeOwner(actor.userId, eventTypeId);
    return { kind: "eventType", eventTypeId };
  },
  async webhook(deps, owner, webhookId) {
    const { eventTypeId } = owner;
    const webhook = await findWebhook(deps, webhookId);
    if (webhook.eventTypeId === null) throw webhookWithoutEventType(webhookId);
    if (webhook.eventTypeId !== eventTypeId) throw webhookOfAnotherEventType(webhookId, eventTypeId);
    return webhook;
  },
};

const TeamEventTypePath = pathParams(TeamIdParams, EventTypeIdParams);

/** Whether the caller holds an accepted ADMIN or OWNER membership of the team. */
async function administersTeam(deps: Deps, userId: number, teamId: number): Promise<boolean> {
  const membership = await teamMembershipOf(deps, userId, teamId);
  return membership?.accepted === true && hasTeamRole(membership.role, "TEAM_ADMIN");
}

/**
 * The webhooks of a team's event type (Cal.com's IsTeamEventTypeWebhookGuard, after RolesGuard): the caller must
 * be an accepted ADMIN or OWNER of the team (403), the event type the team's (404); a webhook must exist (404),
 * be an event-type webhook (400) and belong to that event type (403).
 */
export const teamEventTypeWebhookAccess: WebhookOwnerAccess<OwnerOfKind<"eventType">> = {
  async owner(deps, actor, path) {
    const params = TeamEventTypePath.safeParse({ teamId: path.teamId, eventTypeId: path.eventTypeId });
    if (!params.success) throw validationError(params.error, "param");
    const { teamId, eventTypeId } = params.data;
    if (!(await administersTeam(deps, actor.userId, teamId))) throw notTeamAdminForWebhooks(actor.userId, teamId);
    const eventType = await deps.db.eventType.findFirst({ where: { id: eventTypeId, teamId }, select: { id: true } });
    if (!eventType) throw teamWebhookEventTypeNotFound(eventTypeId, teamId);
    return { kind: "eventType", eventTypeId };
  },
  async webhook(deps, owner, webhookId) {
    const webhook = await deps.db.webhook.findUnique({ where: { id: webhookId } });
    if (!webhook) throw teamWebhookNotFound(webhookId);
    if (webhook.eventTypeId === null) throw teamWebhookWithoutEventType(webhookId);
    if (webhook.eventTypeId !== owner.eventTypeId) throw teamWebhookOfAnotherEventType();
    return webhook;
  },
};

/**
 * The webhooks of a platform OAuth client. The client (its existence, its organization, the caller's role there)
 * is checked by Cal.com's OrganizationRolesGuard and OAuthClientGuard before this runs; a webhook must exist (404)
 * and be that client's (IsOAuthClientWebhookGuard's 403).
 */
export const oAuthClientWebhookAccess: WebhookOwnerAccess<OwnerOfKind<"oAuthClient">> = {
  owner: async (_deps, _actor, path) => ({ kind: "oAuthClient", oAuthClientId: path.clientId ?? "" }),
  async webhook(deps, owner, webhookId) {
    const webhook = await findWebhook(deps, webhookId);
    if (webhook.platformOAuthClientId !== owner.oAuthClientId) throw webhookOfAnotherOAuthClient();
    return webhook;
  },
};

/**
 * An organization's webhooks (Cal.com's OrganizationsWebhooksController): the org guards with ORG_ADMIN and the
 * ESSENTIALS plan, then IsWebhookInOrg (403 for a webhook of anyone else, and for an unknown id).
 */
export const organizationWebhookAccess: WebhookOwnerAccess<OwnerOfKind<"organization">> = {
  async owner(deps, actor, path) {
    const params = OrgIdParams.safeParse({ orgId: path.orgId });
    if (!params.success) throw validationError(params.error, "param");
    const { orgId } = params.data;
    await requireOrgAccess(deps, actor, orgId, { role: "ORG_ADMIN", plan: "ESSENTIALS" });
    return { kind: "organization", organizationId: orgId };
  },
  async webhook(deps, owner, webhookId) {
    const webhook = await deps.db.webhook.findUnique({ where: { id: webhookId } });
    if (!webhook || webhook.teamId !== owner.organizationId) throw webhookNotInOrganization(webhookId, owner.organizationId);
    return webhook;
  },
};

/** Whether the caller is an accepted ADMIN or OWNER of the organization. */
async function administersOrganization(deps: Deps, userId: number, organizationId: number): Promise<boolean> {
  const membership = await deps.db.membership.findFirst({
    where: { userId, teamId: organizationId, accepted: true, role: { in: ["ADMIN", "OWNER"] }, team: { isOrganization: true } },
    select: { id: true },
  });
  return membership !== null;
}

// Platform roles that manage an OAuth client's webhooks (Cal.com's create/update/delete need ADMIN or OWNER).
async function managesOrganization(deps: Deps, actor: Actor, organizationId: number): Promise<boolean> {
  if ((await callerOrganizationIdOf(deps, actor)) !== organizationId) return false;
  const membership = await deps.db.membership.findFirst({
    where: { userId: actor.userId, teamId: organizationId, accepted: true, role: { in: ["ADMIN", "OWNER"] }, team: { isPlatform: true } },
    select: { id: true },
  });
  return membership !== null;
}

/**
 * A webhook whose delivery log the caller may read and redeliver (our endpoints, not Cal.com's): a user
 * webhook of the caller, a webhook of one of the caller's event types (of a team's event type: for its accepted
 * ADMIN or OWNER), or a webhook of an OAuth client of the caller's platform organization when the caller is its
 * ADMIN or OWNER. Unknown: 404; anyone else's: 403.
 */
export async function loadWebhookOfCaller(deps: Deps, actor: Actor, webhookId: string): Promise<Webhook> {
  const found = await deps.db.webhook.findUnique({
    where: { id: webhookId },
    include: { eventType: { select: { userId: true, teamId: true } }, platformOAuthClient: { select: { organizationId: true } } },
  });
  if (!found) throw webhookNotFound(webhookId);
  const { eventType, platformOAuthClient, ...webhook } = found;
  const allowed =
    webhook.userId !== null
      ? webhook.userId === actor.userId
      : eventType
        ? eventType.teamId !== null
          ? await administersTeam(deps, actor.userId, eventType.teamId)
          : eventType.userId === actor.userId
        : platformOAuthClient
          ? await managesOrganization(deps, actor, platformOAuthClient.organizationId)
          : webhook.teamId !== null
            ? await administersOrganization(deps, actor.userId, webhook.teamId)
            : false;
  if (!allowed) throw forbiddenResource();
  return webhook;
}
