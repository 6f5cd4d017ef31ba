// Helpers for the workflow execution tests: a host bookable at any hour, reminder rows, real deps for calling
// the domain functions (with settings overridden), and the messaging capture.
import { env } from "cloudflare:workers";
import { readEnv } from "../../src/env";
import { createDeps, type Deps } from "../../src/services";
import type { CapturedMessage } from "../support/messaging-capture";
import { createBookableEventType, createHost, type Host } from "./bookings";
import { sql } from "./fixtures";

const bindings = env as unknown as Record<string, unknown> & { TEST_MESSAGING_CAPTURE_URL: string };

export const ALL_DAY = [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], startTime: "00:00", endTime: "23:59" }];

/** A host free at every hour of every day, and a 30-minute event type of theirs. */
export async function createAlwaysBookableHost(): Promise<{ host: Host; eventTypeId: number }> {
  const host = await createHost(ALL_DAY);
  const { id } = await createBookableEventType(host);
  return { host, eventTypeId: id };
}

/** A whole hour about `hours` from now (never 23:00 UTC, whose 30 minutes would run into the day's last minute). */
export function startInHours(hours: number): Date {
  const hour = 3_600_000;
  let start = Math.ceil((Date.now() + hours * hour) / hour) * hour;
  if (new Date(start).getUTCHours() === 23) start += hour;
  return new Date(start);
}

export interface ReminderRow {
  id: number;
  bookingUid: string | null;
  workflowStepId: number | null;
  method: string;
  scheduledDate: Date;
  scheduled: boolean;
  status: string;
  statusReason: string | null;
  retryCount: number;
  sentAt: Date | null;
  referenceId: string | null;
}

export function remindersOfStep(stepId: number): Promise<ReminderRow[]> {
  return sql<ReminderRow>`
    SELECT "id", "bookingUid", "workflowStepId", "method"::text AS "method", "scheduledDate", "scheduled", "status"::text AS "status",
           "statusReason", "retryCount", "sentAt", "referenceId"
    FROM "WorkflowReminder" WHERE "workflowStepId" = ${stepId} ORDER BY "id"`;
}

/** Real deps as the queue consumer builds them, with settings changed (`undefined` removes one). */
export function depsWith(overrides: Record<string, unknown> = {}): Deps {
  const parsed = readEnv({ ...bindings, ...overrides });
  if (!parsed.ok) throw new Error(`test env refused: ${parsed.problems.join("; ")}`);
  return createDeps(parsed.env, `test-${Math.random().toString(36).slice(2)}`);
}

export const captureUrl = (path: string) => `${bindings.TEST_MESSAGING_CAPTURE_URL}${path}`;

export async function captured(mailbox: string): Promise<CapturedMessage[]> {
  const response = await fetch(captureUrl(`/received/${mailbox}`));
  return ((await response.json()) as { messages: CapturedMessage[] }).messages;
}

/** Polls until `predicate` holds for the captured messages of a mailbox (the real queue consumer runs in the background). */
export async function waitForCaptured(mailbox: string, predicate: (messages: CapturedMessage[]) => boolean, timeoutMs = 15_000): Promise<CapturedMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await captured(mailbox);
    if (predicate(messages) || Date.now() > deadline) return messages;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Polls a reminder until its status leaves PENDING. */
export async function waitForStatus(stepId: number, status: string, timeoutMs = 15_000): Promise<ReminderRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await remindersOfStep(stepId);
    if (rows.some((r) => r.status === status) || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
