// One implementation of webhook CRUD for every owner Cal.com has at this level: a user, one of the user's
// event types, or a platform OAuth client. The operations (src/webhooks/operations.ts) resolve and authorise
// the owner, then call these.
import type { Prisma, Webhook } from "../generated/prisma/client";
import type { Deps } from "../services";
import { subscriberUrlTaken, subscriberUrlTakenOnUpdate } from "./errors";
import { assertSubscriberUrlAllowed, assertTriggersAllowedFor } from "./validation";
import type { WebhookTrigger } from "./triggers";

export type WebhookOwner =
  | { kind: "user"; userId: number }
  | { kind: "eventType"; eventTypeId: number }
  | { kind: "oAuthClient"; oAuthClientId: string }
  // Cal.com stores an organization's webhooks with `teamId` = the organization's id.
  | { kind: "organization"; organizationId: number };

export type WebhookOwnerKind = WebhookOwner["kind"];

/** The owner's column on the Webhook row, usable as a filter and as create data. */
export function ownerColumns(owner: WebhookOwner): Pick<Prisma.WebhookUncheckedCreateInput, "userId" | "eventTypeId" | "platformOAuthClientId" | "teamId"> {
  switch (owner.kind) {
    case "user":
      return { userId: owner.userId };
    case "eventType":
      return { eventTypeId: owner.eventTypeId };
    case "oAuthClient":
      return { platformOAuthClientId: owner.oAuthClientId };
    case "organization":
      return { teamId: owner.organizationId };
  }
}

// Cal.com's wording in its per-owner services ("… already exists for this user"; its organization service says
// "user" too).
const OWNER_NOUN: Record<WebhookOwnerKind, string> = { user: "user", eventType: "event type", oAuthClient: "oAuth client", organization: "user" };

export interface WebhookFields {
  subscriberUrl: string;
  triggers: WebhookTrigger[];
  active: boolean;
  payloadTemplate?: string | null;
  secret?: string | null;
}

export type WebhookChanges = Partial<WebhookFields>;

export const uniqueTriggers = (triggers: readonly WebhookTrigger[]) => [...new Set(triggers)];

export async function createOwnedWebhook(deps: Deps, owner: WebhookOwner, input: WebhookFields): Promise<Webhook> {
  assertTriggersAllowedFor(owner.kind, input.triggers);
  assertSubscriberUrlAllowed(deps.env, input.subscriberUrl);
  const columns = ownerColumns(owner);
  const existing = await deps.db.webhook.findFirst({ where: { ...columns, subscriberUrl: input.subscriberUrl }, select: { id: true } });
  if (existing) throw subscriberUrlTaken(OWNER_NOUN[owner.kind]);
  return deps.db.webhook.create({
    data: {
      id: crypto.randomUUID(),
      ...columns,
      subscriberUrl: input.subscriberUrl,
      eventTriggers: uniqueTriggers(input.triggers),
      active: input.active,
      payloadTemplate: input.payloadTemplate ?? null,
      secret: input.secret ?? null,
    },
  });
}

/** Applies a partial update to `current`, a webhook its route has already checked belongs to `owner`. */
export async function updateOwnedWebhook(deps: Deps, owner: WebhookOwner, current: Webhook, input: WebhookChanges): Promise<Webhook> {
  assertTriggersAllowedFor(owner.kind, input.triggers);
  const urlChanged = input.subscriberUrl !== undefined && input.subscriberUrl !== current.subscriberUrl;
  if (urlChanged) {
    assertSubscriberUrlAllowed(deps.env, input.subscriberUrl!);
    // Cal.com answers this from its Prisma filter (unique owner + subscriberUrl); checked first so the answer
    // does not depend on how the driver reports the unique violation, and for every owner alike.
    const taken = await deps.db.webhook.findFirst({ where: { ...ownerColumns(owner), subscriberUrl: input.subscriberUrl }, select: { id: true } });
    if (taken) throw subscriberUrlTakenOnUpdate();
  }

  const data: Prisma.WebhookUpdateInput = {
    subscriberUrl: input.subscriberUrl,
    eventTriggers: input.triggers ? uniqueTriggers(input.triggers) : undefined,
    active: input.active,
    payloadTemplate: input.payloadTemplate,
    secret: input.secret,
  };
  // A new endpoint or an explicit re-activation starts the failure clock (and the disabled reason) afresh.
  const reactivated = input.active === true && !current.active;
  if (urlChanged || reactivated) data.failingSince = null;
  if (reactivated) Object.assign(data, { disabledAt: null, disabledReason: null });
  return deps.db.webhook.update({ where: { id: current.id }, data });
}

export function listOwnedWebhooks(deps: Deps, owner: WebhookOwner, page: { skip?: number; take?: number }): Promise<Webhook[]> {
  return deps.db.webhook.findMany({
    where: ownerColumns(owner),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: page.skip ?? 0,
    take: page.take ?? 250,
  });
}

/** Deletes every webhook of `owner` (their delivery logs go with them); Cal.com's "<n> webhooks deleted". */
export async function deleteAllOwnedWebhooks(deps: Deps, owner: WebhookOwner): Promise<string> {
  const { count } = await deps.db.webhook.deleteMany({ where: ownerColumns(owner) });
  return `${count} webhooks deleted`;
}

export async function deleteOwnedWebhook(deps: Deps, webhook: Webhook): Promise<Webhook> {
  await deps.db.webhook.delete({ where: { id: webhook.id } });
  return webhook;
}
