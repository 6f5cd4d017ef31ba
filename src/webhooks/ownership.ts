// Who may touch which webhook: Cal.com's guards for its user, event-type and OAuth-client webhook routes,
// and the rule for our delivery-log endpoints, which serve all three kinds.
import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { callerOrganizationId } from "../auth/guards/platform";
import type { AppEnv } from "../context";
import { ApiError, forbidden } from "../errors";
import type { Webhook } from "../generated/prisma/client";
import type { Db } from "../services/db";
import { validationError } from "../validation";

declare module "hono" {
  interface ContextVariableMap {
    /** The `:eventTypeId` event type, once IsUserEventTypeWebhookGuard has checked the caller owns it. */
    guardedEventTypeId: number;
    /** The `:webhookId` webhook, once a guard has checked it belongs to the owner in the path. */
    guardedWebhook: Webhook;
  }
}

const webhookNotFound = (webhookId: string) => new ApiError("NotFoundException", `Webhook (${webhookId}) not found`);

// Nest's answer when a guard returns false.
const forbiddenResource = () => new ApiError("ForbiddenException", "Forbidden resource");

// Cal.com's IsUserWebhookGuard: an unknown id is 404, someone else's webhook is Nest's bare 403.
export async function loadUserWebhook(db: Db, webhookId: string, userId: number): Promise<Webhook> {
  const webhook = await db.webhook.findUnique({ where: { id: webhookId } });
  if (!webhook) throw webhookNotFound(webhookId);
  if (webhook.userId !== userId) throw forbiddenResource();
  return webhook;
}

export const EventTypeIdParamsSchema = z.object({
  eventTypeId: z.coerce
    .number({ error: "eventTypeId must be a number" })
    .int()
    .positive()
    .max(2147483647)
    .openapi({ param: { name: "eventTypeId", in: "path" }, type: "number" }),
});

/**
 * Cal.com's IsUserEventTypeWebhookGuard, as route middleware (Nest guards run before input validation):
 * the event type must exist (404) and be the caller's (403); a `:webhookId` must exist (404), be an
 * event-type webhook (400) and belong to that event type (403).
 */
export const userEventTypeWebhookGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const guard = "IsUserEventTypeWebhookGuard";
  const params = EventTypeIdParamsSchema.safeParse({ eventTypeId: c.req.param("eventTypeId") });
  if (!params.success) throw validationError(params.error, "param");
  const { eventTypeId } = params.data;
  const userId = c.var.principal!.userId;
  const { db } = c.var.deps;

  const eventType = await db.eventType.findUnique({ where: { id: eventTypeId }, select: { userId: true } });
  if (!eventType) throw new ApiError("NotFoundException", `${guard} - Event type (${eventTypeId}) not found`);
  if (eventType.userId !== userId) throw forbidden(guard, `User (${userId}) is not the owner of event type (${eventTypeId})`);
  c.set("guardedEventTypeId", eventTypeId);

  const webhookId = c.req.param("webhookId");
  if (webhookId !== undefined) {
    const webhook = await db.webhook.findUnique({ where: { id: webhookId } });
    if (!webhook) throw webhookNotFound(webhookId);
    if (webhook.eventTypeId === null) {
      throw new ApiError("BadRequestException", `${guard} - Webhook (${webhookId}) is not associated with an event type`);
    }
    if (webhook.eventTypeId !== eventTypeId) {
      throw forbidden(guard, `Webhook (${webhookId}) is not associated with event type (${eventTypeId})`);
    }
    c.set("guardedWebhook", webhook);
  }
  await next();
};

/**
 * Cal.com's IsOAuthClientWebhookGuard, after OAuthClientGuard has checked the `:clientId` client belongs to the
 * caller's organization: the `:webhookId` webhook must exist (404) and be that client's (403).
 */
export const oAuthClientWebhookGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const webhookId = c.req.param("webhookId")!;
  const webhook = await c.var.deps.db.webhook.findUnique({ where: { id: webhookId } });
  if (!webhook) throw webhookNotFound(webhookId);
  if (webhook.platformOAuthClientId !== c.get("guardedOAuthClient").id) {
    throw forbidden("IsOAuthClientWebhookGuard", "Webhook does not belong to this oAuthClient");
  }
  c.set("guardedWebhook", webhook);
  await next();
};

// Platform roles that manage an OAuth client's webhooks (Cal.com's create/update/delete need ADMIN or OWNER).
async function managesOrganization(c: Context<AppEnv>, organizationId: number): Promise<boolean> {
  if ((await callerOrganizationId(c)) !== organizationId) return false;
  const membership = await c.var.deps.db.membership.findFirst({
    where: { userId: c.var.principal!.userId, teamId: organizationId, accepted: true, role: { in: ["ADMIN", "OWNER"] }, team: { isPlatform: true } },
    select: { id: true },
  });
  return membership !== null;
}

/**
 * A webhook whose delivery log the caller may read and redeliver (our endpoints, not Cal.com's): a user
 * webhook of the caller, a webhook of one of the caller's event types, or a webhook of an OAuth client of
 * the caller's platform organization when the caller is its ADMIN or OWNER. Unknown: 404; anyone else's: 403.
 */
export async function loadWebhookOfCaller(c: Context<AppEnv>, webhookId: string): Promise<Webhook> {
  const found = await c.var.deps.db.webhook.findUnique({
    where: { id: webhookId },
    include: { eventType: { select: { userId: true } }, platformOAuthClient: { select: { organizationId: true } } },
  });
  if (!found) throw webhookNotFound(webhookId);
  const { eventType, platformOAuthClient, ...webhook } = found;
  const userId = c.var.principal!.userId;
  const allowed =
    webhook.userId !== null
      ? webhook.userId === userId
      : eventType
        ? eventType.userId === userId
        : platformOAuthClient
          ? await managesOrganization(c, platformOAuthClient.organizationId)
          : false;
  if (!allowed) throw forbiddenResource();
  return webhook;
}
