// A booking's reminders follow it: created with the booking, moved by a reschedule, cancelled with it. Reminders
// beyond the queue's 12-hour delay wait for the cron; nearer ones go on the queue at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendee, book, onBooking } from "../../helpers/bookings";
import { insertWorkflowRow, sql } from "../../helpers/fixtures";
import { createAlwaysBookableHost, depsWith, remindersOfStep, startInHours } from "../../helpers/workflow-reminders";
import type { Host } from "../../helpers/bookings";
import { runWorkflowCron } from "../../../src/workflows/reminders/cron";
import type { Deps } from "../../../src/services";

let host: Host;
let eventTypeId: number;
let stepId: number;
let deps: Deps;
const HOUR = 3_600_000;

beforeAll(async () => {
  ({ host, eventTypeId } = await createAlwaysBookableHost());
  const workflow = await insertWorkflowRow({
    userId: host.userId,
    trigger: "BEFORE_EVENT",
    time: 1,
    timeUnit: "HOUR",
    eventTypeIds: [eventTypeId],
    steps: [{ action: "EMAIL_ATTENDEE", emailSubject: "Soon: {EVENT_NAME}", reminderBody: "<p>Hi {ATTENDEE}, see you at {EVENT_TIME}.</p>" }],
  });
  stepId = workflow.stepIds[0]!;
  deps = depsWith();
});

afterAll(() => deps.dispose());

const pendingOf = async (bookingUid: string) => (await remindersOfStep(stepId)).filter((r) => r.bookingUid === bookingUid);

describe("a '1 hour before' reminder of a booking 24 hours ahead", () => {
  it("is one PENDING reminder at start − 1 h; a reschedule moves it; a cancel cancels it", async () => {
    const start = startInHours(24);
    const created = await book({ start: start.toISOString(), eventTypeId, attendee: attendee("Rita Reminded") });
    expect(created.status, created.text).toBe(201);
    const uid: string = created.body.data.uid;

    const [reminder, ...others] = await pendingOf(uid);
    expect(others).toEqual([]);
    expect(reminder).toMatchObject({ status: "PENDING", method: "EMAIL", statusReason: null, sentAt: null });
    expect(reminder!.scheduledDate.getTime()).toBe(start.getTime() - HOUR);
    // 23 hours away: beyond a queue message's 12-hour delay, so it waits for the cron.
    expect(reminder!.scheduled).toBe(false);

    const newStart = new Date(start.getTime() + 2 * HOUR);
    const moved = await onBooking(uid, "/reschedule", { method: "POST", body: { start: newStart.toISOString(), reschedulingReason: "later" } });
    expect(moved.status, moved.text).toBe(201);
    const newUid: string = moved.body.data.uid;
    expect(newUid).not.toBe(uid);
    expect(await pendingOf(uid)).toEqual([]);
    const [after, ...extra] = await pendingOf(newUid);
    expect(extra).toEqual([]);
    // The same reminder, moved: one row for the step in all.
    expect(after).toMatchObject({ id: reminder!.id, status: "PENDING", scheduled: false });
    expect(after!.scheduledDate.getTime()).toBe(newStart.getTime() - HOUR);

    const cancelled = await onBooking(newUid, "/cancel", { method: "POST", body: { cancellationReason: "no longer needed" } });
    expect(cancelled.status, cancelled.text).toBe(200);
    const [final] = await pendingOf(newUid);
    expect(final).toMatchObject({ id: reminder!.id, status: "CANCELLED", statusReason: "The booking was cancelled" });
  });

  it("a booking 3 hours ahead goes on the queue at once (scheduled), and the cron finds nothing left to queue for it", async () => {
    const start = startInHours(3);
    const created = await book({ start: start.toISOString(), eventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const [reminder] = await pendingOf(created.body.data.uid);
    expect(reminder).toMatchObject({ status: "PENDING", scheduled: true });
    expect(reminder!.scheduledDate.getTime()).toBe(start.getTime() - HOUR);
  });

  it("the cron enqueues a waiting reminder once it comes within 12 hours, and only then", async () => {
    const start = startInHours(30);
    const created = await book({ start: start.toISOString(), eventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const [reminder] = await pendingOf(created.body.data.uid);
    expect(reminder!.scheduled).toBe(false);

    // Now: 29–30 hours away, out of reach.
    await runWorkflowCron(deps);
    expect((await pendingOf(created.body.data.uid))[0]!.scheduled).toBe(false);
    // 11 hours before it is due: queued. (Not "18 hours later": startInHours rounds up to the hour, so in the first
    // minute past an hour the reminder was 29 h 59 m away, and 18 hours on it lay seconds beyond the cron's reach.)
    const later = { ...deps, now: () => reminder!.scheduledDate.getTime() - 11 * HOUR };
    const result = await runWorkflowCron(later);
    expect(result.queued).toBeGreaterThanOrEqual(1);
    expect((await pendingOf(created.body.data.uid))[0]!.scheduled).toBe(true);
  });

  it("a booking made after its reminder's time records it NOT_SENT with the reason, never silently", async () => {
    // The next half-hour slot at least 5 minutes away, so always less than the reminder's hour ahead (a whole hour
    // from startInHours(0.5) is 1–1.5 hours ahead when the clock is past the half hour, and the reminder not due).
    // Not 23:30 UTC: its 30 minutes would run past the all-day schedule's last minute (409); 00:00 is then still
    // under the hour ahead.
    const halfHour = 1_800_000;
    let startMs = Math.ceil((Date.now() + 5 * 60_000) / halfHour) * halfHour;
    if (new Date(startMs).getUTCHours() === 23 && new Date(startMs).getUTCMinutes() === 30) startMs += halfHour;
    const start = new Date(startMs);
    const created = await book({ start: start.toISOString(), eventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const rows = await pendingOf(created.body.data.uid);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("NOT_SENT");
    expect(rows[0]!.statusReason).toMatch(/had passed when the booking was scheduled/);
  });

  it("a booking of another event type gets no reminder from this workflow", async () => {
    const other = await createAlwaysBookableHost();
    const created = await book({ start: startInHours(24).toISOString(), eventTypeId: other.eventTypeId, attendee: attendee() });
    expect(created.status, created.text).toBe(201);
    const rows = await sql`SELECT "id" FROM "WorkflowReminder" WHERE "bookingUid" = ${created.body.data.uid}`;
    expect(rows).toEqual([]);
  });
});
