// Sends one reminder (the workflow queue's consumer, or the cron without a queue). The row is locked with
// FOR UPDATE NOWAIT and must still be PENDING at the time the message was made for, so a duplicated or stale
// queue message never sends twice: a second copy arriving meanwhile finds the lock taken and comes back later,
// then finds the reminder SENT. A failed send is retried with backoff; the fifth failure marks it FAILED.
import { type EmailSender, emailProvider, type SendResult, type SmsSender, smsProvider } from "../../messaging";
import type { WorkflowReminderStatus } from "../../generated/prisma/client";
import { retryDelaySeconds } from "../../queues/backoff";
import type { Deps } from "../../services";
import type { Tx } from "../../services/db";
import type { ReminderQueueMessage } from "./messages";
import { planMessages } from "./recipients";
import { delaySecondsUntil } from "./dispatch";
import { findReminderBooking, WORKFLOW_SELECT } from "./store";

export type ReminderOutcome = { action: "ack"; result: string } | { action: "retry"; delaySeconds: number; result: string };

export type DeliverServices = Pick<Deps, "txDb" | "env" | "logger" | "now">;

/** Sends tried before a reminder is FAILED. */
export const MAX_SEND_ATTEMPTS = 5;
// A message may arrive a little early; a reminder due within this is sent.
const EARLY_TOLERANCE_MS = 30_000;
const LOCKED_RETRY_SECONDS = 5;
const MAX_RETRY_DELAY_SECONDS = 300;
const MAX_REASON_LENGTH = 500;

// Triggers whose message is about the cancellation or rejection itself, and so still goes out after it.
const SENT_AFTER_CANCELLATION = new Set(["EVENT_CANCELLED", "BOOKING_REJECTED"]);

interface LockedReminder {
  id: number;
  status: WorkflowReminderStatus;
  scheduledDate: Date;
  retryCount: number;
  bookingUid: string | null;
  workflowStepId: number | null;
}

const ack = (result: string): ReminderOutcome => ({ action: "ack", result });

function isLockNotAvailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== "object" || error === null) return false;
  const record = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  const text = `${String(record.code ?? "")} ${String(record.message ?? "")} ${JSON.stringify(record.meta ?? null)}`;
  return /55P03|could not obtain lock/i.test(text) || isLockNotAvailable(record.cause, depth + 1);
}

async function finish(
  tx: Tx,
  id: number,
  status: WorkflowReminderStatus,
  statusReason: string | null,
  extra: { sentAt?: Date; referenceId?: string | null; retryCount?: number } = {},
) {
  await tx.workflowReminder.update({
    where: { id },
    data: {
      status,
      statusReason: statusReason?.slice(0, MAX_REASON_LENGTH) ?? null,
      ...(status === "CANCELLED" ? { cancelled: true } : {}),
      ...(extra.sentAt ? { sentAt: extra.sentAt } : {}),
      ...(extra.referenceId ? { referenceId: extra.referenceId } : {}),
      ...(extra.retryCount !== undefined ? { retryCount: extra.retryCount } : {}),
    },
  });
}

async function sendAll<M>(sender: { send(message: M): Promise<SendResult> }, messages: readonly M[]): Promise<SendResult> {
  let first: string | null = null;
  for (const message of messages) {
    const result = await sender.send(message);
    if (!result.ok) return result;
    first ??= result.providerId;
  }
  return { ok: true, providerId: first };
}

async function deliverLocked(services: DeliverServices, tx: Tx, row: LockedReminder, message: ReminderQueueMessage): Promise<ReminderOutcome> {
  const { env } = services;
  if (row.status !== "PENDING") return ack(`already ${row.status.toLowerCase()}`);
  // Moved to another time since this message was made: the move queued its own.
  if (row.scheduledDate.toISOString() !== message.scheduledFor) return ack("stale (the reminder was moved)");
  const now = services.now();
  if (row.scheduledDate.getTime() - now > EARLY_TOLERANCE_MS) {
    return { action: "retry", delaySeconds: delaySecondsUntil(row.scheduledDate, now), result: "not due yet" };
  }

  const step = row.workflowStepId
    ? await tx.workflowStep.findUnique({
        where: { id: row.workflowStepId },
        select: { ...WORKFLOW_SELECT.steps.select, workflow: { select: { trigger: true } } },
      })
    : null;
  if (!step) {
    await finish(tx, row.id, "CANCELLED", "The workflow step was removed");
    return ack("step removed");
  }
  const booking = row.bookingUid ? await findReminderBooking(tx, row.bookingUid) : null;
  if (!booking) {
    await finish(tx, row.id, "CANCELLED", "The booking no longer exists");
    return ack("booking gone");
  }
  if ((booking.status === "CANCELLED" || booking.status === "REJECTED") && !SENT_AFTER_CANCELLATION.has(step.workflow.trigger)) {
    await finish(tx, row.id, "CANCELLED", `The booking was ${booking.status === "CANCELLED" ? "cancelled" : "rejected"}`);
    return ack("booking cancelled");
  }

  const plan = planMessages(step, booking, env.WEBSITE_URL);
  if (plan.method === "NONE") {
    await finish(tx, row.id, "NOT_SENT", plan.reason);
    return ack(`not sent: ${plan.reason}`);
  }
  const provider = plan.method === "EMAIL" ? emailProvider(env) : smsProvider(env);
  if (!provider.sender) {
    await finish(tx, row.id, "NOT_SENT", provider.reason);
    return ack(`not sent: ${provider.reason}`);
  }
  const result =
    plan.method === "EMAIL" ? await sendAll(provider.sender as EmailSender, plan.messages) : await sendAll(provider.sender as SmsSender, plan.messages);
  if (result.ok) {
    await finish(tx, row.id, "SENT", null, { sentAt: new Date(services.now()), referenceId: result.providerId });
    return ack(`sent through ${provider.sender.kind}`);
  }
  const attempts = row.retryCount + 1;
  if (!result.retryable || attempts >= MAX_SEND_ATTEMPTS) {
    const why = result.retryable ? `Sending failed ${attempts} times` : "The provider refused the message";
    await finish(tx, row.id, "FAILED", `${why}: ${result.error}`, { retryCount: attempts });
    return ack(`failed: ${result.error}`);
  }
  await tx.workflowReminder.update({
    where: { id: row.id },
    data: { retryCount: attempts, statusReason: `Attempt ${attempts} of ${MAX_SEND_ATTEMPTS} failed (${result.error}); retrying`.slice(0, MAX_REASON_LENGTH) },
  });
  return { action: "retry", delaySeconds: retryDelaySeconds(attempts, MAX_RETRY_DELAY_SECONDS), result: `attempt ${attempts} failed: ${result.error}` };
}

export async function deliverReminder(services: DeliverServices, message: ReminderQueueMessage): Promise<ReminderOutcome> {
  try {
    return await services.txDb.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<LockedReminder[]>`
          SELECT "id", "status"::text AS "status", "scheduledDate", "retryCount", "bookingUid", "workflowStepId"
          FROM "WorkflowReminder" WHERE "id" = ${message.reminderId} FOR UPDATE NOWAIT`;
        if (!row) return ack("reminder gone");
        return deliverLocked(services, tx, row, message);
      },
      // The lock is held while the provider is called (each call bounded by MESSAGING_TIMEOUT_MS).
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    if (isLockNotAvailable(error)) return { action: "retry", delaySeconds: LOCKED_RETRY_SECONDS, result: "locked by another delivery" };
    throw error;
  }
}
