// One delivery attempt. The row is claimed with a short lease before anything is sent, and a message is only
// acted on while the row still expects it (same redelivery round, fewer attempts made in this round than the
// queue says this message has had), so duplicated or stale queue messages never send twice.
import type { Env } from "../env";
import type { Deps } from "../services";
import type { Db } from "../services/db";
import type { WebhookDeliverMessage, WebhookEnvelope } from "../webhooks/messages";
import { buildDeliveryRequest } from "../webhooks/request";
import { checkSubscriberUrl } from "../webhooks/ssrf";
import { retryDelaySeconds } from "./backoff";

export type DeliveryOutcome = { action: "ack"; result: string } | { action: "retry"; delaySeconds: number; result: string };

// Long enough to cover one attempt (timeout plus database work); a crashed attempt frees the row after it.
const LEASE_MARGIN_MS = 30_000;
const MAX_ERROR_LENGTH = 500;

const IN_PROGRESS = ["PENDING", "RETRYING"] as const;

type AttemptResult = { ok: true; status: number; durationMs: number } | { ok: false; status: number | null; durationMs: number; error: string };

async function claim(db: Db, message: WebhookDeliverMessage, attempts: number, now: Date, leaseUntil: Date) {
  const claimed = await db.webhookDelivery.updateMany({
    where: {
      id: message.deliveryId,
      round: message.round,
      status: { in: [...IN_PROGRESS] },
      roundAttempts: { lt: attempts },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    data: { leaseUntil },
  });
  if (claimed.count === 1) return { claimed: true as const };
  const row = await db.webhookDelivery.findUnique({
    where: { id: message.deliveryId },
    select: { status: true, round: true, roundAttempts: true, leaseUntil: true },
  });
  const expected = row !== null && row.round === message.round && (IN_PROGRESS as readonly string[]).includes(row.status) && row.roundAttempts < attempts;
  // Still expected but leased: another invocation holds it, or one crashed. Look again when the lease ends.
  if (expected && row.leaseUntil && row.leaseUntil >= now) {
    return { claimed: false as const, retryInSeconds: Math.ceil((row.leaseUntil.getTime() - now.getTime()) / 1000) + 1 };
  }
  return { claimed: false as const };
}

async function attempt(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<AttemptResult> {
  const started = Date.now();
  try {
    // Redirects are not followed: the target of a redirect would escape the subscriber URL checks.
    const response = await fetch(url, { method: "POST", body, headers, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const durationMs = Date.now() - started;
    await response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, durationMs };
    const redirect = response.status >= 300 && response.status < 400 ? " (redirects are not followed)" : "";
    return { ok: false, status: response.status, durationMs, error: `HTTP ${response.status}${redirect}` };
  } catch (error) {
    const durationMs = Date.now() - started;
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const message = timedOut ? `Timed out after ${timeoutMs} ms` : `Request failed: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, status: null, durationMs, error: message.slice(0, MAX_ERROR_LENGTH) };
  }
}

/** Records a failure against the webhook and disables it once it has failed continuously for too long. */
async function recordWebhookFailure(db: Db, env: Env, webhookId: string, now: Date, lastError: string): Promise<"active" | "inactive" | "disabled"> {
  await db.webhook.updateMany({ where: { id: webhookId, failingSince: null }, data: { failingSince: now } });
  const webhook = await db.webhook.findUnique({ where: { id: webhookId }, select: { active: true, failingSince: true } });
  if (!webhook?.active) return "inactive";
  const failingSince = webhook.failingSince ?? now;
  if (now.getTime() - failingSince.getTime() < env.WEBHOOK_DISABLE_AFTER_SECONDS * 1000) return "active";
  const disabledReason =
    `Disabled automatically at ${now.toISOString()}: every delivery has failed since ${failingSince.toISOString()} ` +
    `(last error: ${lastError}). Fix the subscriber, then set "active" to true.`;
  await db.webhook.updateMany({ where: { id: webhookId, active: true }, data: { active: false, disabledAt: now, disabledReason } });
  return "disabled";
}

async function finishFailed(db: Db, deliveryId: string, now: Date, failureReason: string, lastError: string | undefined) {
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { status: "FAILED", failureReason, failedAt: now, nextAttemptAt: null, leaseUntil: null, ...(lastError ? { lastError } : {}) },
  });
}

export async function processDelivery(
  services: Pick<Deps, "db" | "logger">,
  env: Env,
  message: WebhookDeliverMessage,
  queueAttempts: number,
): Promise<DeliveryOutcome> {
  const { db, logger } = services;
  const now = new Date();
  const claimed = await claim(db, message, queueAttempts, now, new Date(now.getTime() + env.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS));
  if (!claimed.claimed) {
    if (claimed.retryInSeconds) return { action: "retry", delaySeconds: claimed.retryInSeconds, result: "leased elsewhere" };
    logger.info("webhook delivery message dropped (duplicate or stale)", { deliveryId: message.deliveryId, round: message.round });
    return { action: "ack", result: "duplicate" };
  }

  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: message.deliveryId },
    select: {
      id: true,
      event: true,
      attempts: true,
      firstAttemptAt: true,
      webhook: { select: { id: true, active: true, subscriberUrl: true, secret: true, payloadTemplate: true } },
    },
  });
  const { webhook } = delivery;
  if (!webhook.active) {
    await finishFailed(db, delivery.id, now, "webhook_inactive", "The webhook is not active");
    return { action: "ack", result: "webhook inactive" };
  }
  const urlCheck = checkSubscriberUrl(webhook.subscriberUrl, { allowLoopback: env.WEBHOOK_ALLOW_LOOPBACK });
  if (!urlCheck.ok) {
    logger.warn("webhook delivery refused by the subscriber URL checks", { deliveryId: delivery.id, webhookId: webhook.id, reason: urlCheck.reason });
    await finishFailed(db, delivery.id, now, "blocked_url", `Subscriber URL refused: ${urlCheck.reason}`);
    return { action: "ack", result: "blocked url" };
  }

  const attemptNumber = delivery.attempts + 1;
  const request = await buildDeliveryRequest({
    envelope: delivery.event as unknown as WebhookEnvelope,
    payloadTemplate: webhook.payloadTemplate,
    secret: webhook.secret,
    deliveryId: delivery.id,
    attempt: attemptNumber,
    timestampSeconds: Math.floor(Date.now() / 1000),
  });
  const outcome = await attempt(webhook.subscriberUrl, request.body, request.headers, env.WEBHOOK_TIMEOUT_MS);
  const attemptedAt = new Date();
  const common = {
    attempts: { increment: 1 },
    roundAttempts: { increment: 1 },
    lastResponseCode: outcome.status,
    lastDurationMs: outcome.durationMs,
    firstAttemptAt: delivery.firstAttemptAt ?? now,
    lastAttemptAt: attemptedAt,
    leaseUntil: null,
  };

  if (outcome.ok) {
    await db.webhookDelivery.update({
      where: { id: delivery.id },
      data: { ...common, status: "DELIVERED", lastError: null, deliveredAt: attemptedAt, nextAttemptAt: null, failureReason: null },
    });
    await db.webhook.updateMany({ where: { id: webhook.id, failingSince: { not: null } }, data: { failingSince: null } });
    return { action: "ack", result: `delivered (${outcome.status})` };
  }

  const delaySeconds = retryDelaySeconds(queueAttempts, env.WEBHOOK_RETRY_MAX_DELAY_SECONDS);
  await db.webhookDelivery.update({
    where: { id: delivery.id },
    data: { ...common, status: "RETRYING", lastError: outcome.error, nextAttemptAt: new Date(attemptedAt.getTime() + delaySeconds * 1000) },
  });
  const webhookState = await recordWebhookFailure(db, env, webhook.id, attemptedAt, outcome.error);
  if (webhookState !== "active") {
    await finishFailed(db, delivery.id, attemptedAt, webhookState === "disabled" ? "webhook_disabled" : "webhook_inactive", undefined);
    return { action: "ack", result: `failed (${outcome.error}); webhook ${webhookState}` };
  }
  return { action: "retry", delaySeconds, result: `failed (${outcome.error})` };
}
