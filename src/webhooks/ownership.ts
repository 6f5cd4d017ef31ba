import { ApiError } from "../errors";
import type { Db } from "../services/db";

// Cal.com's IsUserWebhookGuard: an unknown id is 404, someone else's webhook is Nest's bare 403.
export async function loadUserWebhook(db: Db, webhookId: string, userId: number) {
  const webhook = await db.webhook.findUnique({ where: { id: webhookId } });
  if (!webhook) throw new ApiError("NotFoundException", `Webhook (${webhookId}) not found`);
  if (webhook.userId !== userId) throw new ApiError("ForbiddenException", "Forbidden resource");
  return webhook;
}

export type UserWebhookRow = Awaited<ReturnType<typeof loadUserWebhook>>;
