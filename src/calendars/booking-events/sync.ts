// The consumer of calendar-event messages: makes the organizer's calendar match the booking as it is now.
//  - accepted: the event is written (a pending BookingReference first, with the provider id the write will use),
//    or updated when what it shows changed (reschedule: the new booking inherits the old one's reference);
//  - cancelled, rejected, pending again: the event is deleted and the reference marked `deleted`, as Cal.com does.
// Idempotent: a redelivered message finds the work done (same digest, or deleted); a create retried after a lost
// database write reuses its provider id, which CalDAV answers with 412 and we overwrite; a lease on the row keeps
// two consumers from working on one reference at once. A provider that is down is retried with backoff through
// the queue (`message.retry`); a refusal that retrying cannot fix (invalid credentials, calendar gone) marks the
// reference `failed`. Nothing here touches the booking itself.
import type { Deps } from "../../services";
import { retryDelaySeconds } from "../../queues/backoff";
import { invalidateCalendarBusy } from "../availability";
import { type CalendarProvider, CalendarProviderError } from "../provider";
import { calendarProviderFor } from "../providers";
import { bookingEventInput, conferenceFromCalendar, eventFingerprint } from "./event";
import { type CalendarEventMessage, calendarEventMessage } from "./messages";
import {
  carryReferences,
  claimReference,
  createPendingReference,
  type EventBooking,
  findBookingIdAndStatus,
  findCalendarTarget,
  findEventBooking,
  findSuccessor,
  type LiveReference,
  liveReferences,
  seriesUids,
  setBookingVideoCallUrl,
  updateReference,
} from "./store";

export type CalendarSyncOutcome = { action: "ack"; result: string } | { action: "retry"; delaySeconds: number; result: string };

// Long enough for one attempt: a few CalDAV requests of at most 15 s each.
const LEASE_MS = 60_000;
const MAX_ERROR_LENGTH = 500;

const ack = (result: string): CalendarSyncOutcome => ({ action: "ack", result });

async function primaryCalendar(provider: CalendarProvider): Promise<string> {
  const calendars = (await provider.listCalendars()).filter((c) => !c.readOnly);
  const chosen = calendars.find((c) => c.primary) ?? calendars[0];
  if (!chosen) throw new CalendarProviderError("The connection has no calendar to write to", "not_found");
  return chosen.externalId;
}

/**
 * The organizer's calendar changed under our hand: their cached busy time (src/calendars/availability.ts) must not keep
 * a cancelled booking's event busy for its freshness bound. A failed invalidation only delays that, so it never turns a
 * written event into a retry.
 */
async function calendarChanged(deps: Deps, userId: number | null): Promise<void> {
  if (userId === null) return;
  await invalidateCalendarBusy(deps, [userId]).catch((error: unknown) =>
    deps.logger.warn("calendar busy invalidation failed", { userId, error: error instanceof Error ? error.message : String(error) }),
  );
}

async function syncReference(deps: Deps, booking: EventBooking, listed: LiveReference, queueAttempts: number): Promise<CalendarSyncOutcome> {
  const { db } = deps;
  const now = new Date(deps.now());
  if (!(await claimReference(db, listed.id, now, new Date(now.getTime() + LEASE_MS)))) {
    const current = await db.bookingReference.findUnique({ where: { id: listed.id }, select: { syncLeaseUntil: true } });
    const waitMs = (current?.syncLeaseUntil?.getTime() ?? now.getTime()) - now.getTime();
    return { action: "retry", delaySeconds: Math.max(1, Math.ceil(waitMs / 1000) + 1), result: "reference leased by another consumer" };
  }
  // Read again under the lease: another consumer may have written or deleted it since it was listed.
  const ref = await db.bookingReference.findUnique({ where: { id: listed.id } });
  if (!ref || ref.deleted === true || ref.bookingId !== booking.id) {
    if (ref) await updateReference(db, ref.id, {});
    return ack("settled by another consumer");
  }
  try {
    const credential = ref.credentialId ? await db.credential.findUnique({ where: { id: ref.credentialId } }) : null;
    // A reassigned booking leaves its old organizer's calendar (and is then written to the new organizer's).
    const wanted = booking.status === "ACCEPTED" && (!credential || credential.userId === booking.userId);
    if (!credential) {
      // The connection was removed: nothing can be written or deleted through it any more.
      if (!wanted) await updateReference(db, ref.id, { deleted: true });
      else await updateReference(db, ref.id, { syncState: "failed", syncError: "The calendar connection was removed" });
      return ack("credential gone");
    }
    const provider = calendarProviderFor(deps, credential);
    if (!wanted) {
      const eventId = ref.uid || ref.syncEventId;
      if (eventId && ref.externalCalendarId) await provider.deleteEvent({ uid: eventId, externalCalendarId: ref.externalCalendarId });
      await updateReference(db, ref.id, { deleted: true, syncError: null });
      await calendarChanged(deps, credential.userId);
      return ack(booking.status === "ACCEPTED" ? "deleted from the previous organizer's calendar" : "deleted");
    }
    const event = bookingEventInput(booking);
    const fingerprint = await eventFingerprint(event);
    if (ref.uid === "") {
      const externalId = ref.externalCalendarId ?? (await primaryCalendar(provider));
      const written = await provider.createEvent(externalId, event, { eventId: ref.syncEventId ?? undefined });
      await updateReference(db, ref.id, {
        uid: written.uid,
        externalCalendarId: written.externalCalendarId,
        meetingUrl: written.meetingUrl ?? null,
        meetingId: written.meetingId ?? null,
        meetingPassword: written.meetingPassword ?? null,
        syncState: "written",
        syncFingerprint: fingerprint,
        syncedAt: new Date(deps.now()),
        syncError: null,
      });
      await adoptConferenceLink(deps, booking, written.meetingUrl);
      await calendarChanged(deps, credential.userId);
      return ack("created");
    }
    if (ref.syncState === "written" && ref.syncFingerprint === fingerprint) {
      await updateReference(db, ref.id, {});
      return ack("up to date");
    }
    const updated = await provider.updateEvent({ uid: ref.uid, externalCalendarId: ref.externalCalendarId ?? "" }, event);
    await updateReference(db, ref.id, {
      syncState: "written",
      syncFingerprint: fingerprint,
      syncedAt: new Date(deps.now()),
      syncError: null,
      ...(updated.meetingUrl ? { meetingUrl: updated.meetingUrl } : {}),
    });
    await adoptConferenceLink(deps, booking, updated.meetingUrl);
    await calendarChanged(deps, credential.userId);
    return ack("updated");
  } catch (error) {
    const permanent = error instanceof CalendarProviderError && error.kind !== "unavailable";
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    await updateReference(db, ref.id, {
      syncAttempts: { increment: 1 },
      syncError: message,
      ...(permanent ? { syncState: "failed" } : {}),
    }).catch(() => {});
    deps.logger.warn("calendar event write failed", { bookingUid: booking.uid, referenceId: ref.id, permanent, queueAttempts, error: message });
    if (permanent) return ack(`failed: ${message}`);
    return { action: "retry", delaySeconds: retryDelaySeconds(queueAttempts, deps.env.WEBHOOK_RETRY_MAX_DELAY_SECONDS), result: `retrying: ${message}` };
  }
}

/** A Meet / Teams booking takes the link its calendar event got as its meeting URL (README "Conferencing"). */
async function adoptConferenceLink(deps: Deps, booking: EventBooking, meetingUrl: string | null | undefined): Promise<void> {
  if (!meetingUrl || !conferenceFromCalendar(booking)) return;
  if (await setBookingVideoCallUrl(deps.db, booking.id, meetingUrl)) deps.logger.info("booking meeting link from calendar", { bookingUid: booking.uid });
}

async function syncBooking(deps: Deps, uid: string, queueAttempts: number): Promise<CalendarSyncOutcome[]> {
  const { db } = deps;
  const booking = await findEventBooking(db, uid);
  if (!booking) return [ack("booking gone")];
  // A reschedule: the new booking takes over the old one's event; the old one hands it over if it runs first.
  if (booking.fromReschedule) {
    const previous = await findBookingIdAndStatus(db, booking.fromReschedule);
    if (previous?.status === "CANCELLED") await carryReferences(db, previous.id, booking.id);
  }
  if (booking.status === "CANCELLED" && booking.rescheduled) {
    const successor = await findSuccessor(db, booking.uid);
    if (successor && (await carryReferences(db, booking.id, successor.id)) > 0) await deps.webhookQueue.send(calendarEventMessage(successor.uid).body);
  }
  const outcomes: CalendarSyncOutcome[] = [];
  // Two rounds at most: the second writes to a new organizer's calendar once the first removed the old event.
  for (let round = 0; round < 2; round++) {
    let refs = await liveReferences(db, booking.id);
    if (booking.status === "ACCEPTED" && refs.length === 0 && booking.userId !== null) {
      const target = await findCalendarTarget(db, booking.userId);
      if (!target) return [...outcomes, ack("no calendar connected")];
      await createPendingReference(db, booking.id, target);
      refs = await liveReferences(db, booking.id);
    }
    for (const ref of refs) outcomes.push(await syncReference(deps, booking, ref, queueAttempts));
    if (!outcomes.some((o) => o.result === "deleted from the previous organizer's calendar")) break;
  }
  return outcomes;
}

/** One calendar-event message: ack when every reference is settled, else retry after the shortest delay asked for. */
export async function processCalendarEventMessage(deps: Deps, message: CalendarEventMessage, queueAttempts: number): Promise<CalendarSyncOutcome> {
  const uids = message.series ? await seriesUids(deps.db, message.bookingUid) : [message.bookingUid];
  const outcomes: CalendarSyncOutcome[] = [];
  for (const uid of uids) outcomes.push(...(await syncBooking(deps, uid, queueAttempts)));
  const retries = outcomes.flatMap((o) => (o.action === "retry" ? [o.delaySeconds] : []));
  const result = outcomes.map((o) => o.result).join("; ") || "nothing to do";
  return retries.length ? { action: "retry", delaySeconds: Math.min(...retries), result } : ack(result);
}

/** Out of retries (the dead-letter queue): references whose last attempt failed are marked failed. */
export async function markCalendarEventFailed(deps: Pick<Deps, "db" | "logger">, message: CalendarEventMessage): Promise<void> {
  const booking = await deps.db.booking.findUnique({ where: { uid: message.bookingUid }, select: { id: true } });
  if (!booking) return;
  const marked = await deps.db.bookingReference.updateMany({
    where: { bookingId: booking.id, syncState: { not: null }, syncError: { not: null }, OR: [{ deleted: null }, { deleted: false }] },
    data: { syncState: "failed", syncLeaseUntil: null },
  });
  deps.logger.warn("calendar event write failed after its last retry", { bookingUid: message.bookingUid, marked: marked.count });
}
