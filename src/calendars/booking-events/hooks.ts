// What a booking change does to the organizer's calendar, called by src/bookings/ once the change is committed
// (next to the workflow reminders' notifyBookingChanges): one queue message per affected booking, consumed by
// sync.ts. The request only enqueues, so a calendar that is slow or down never delays or fails a booking; the
// consumer writes, retries with backoff and records progress on the BookingReference row. Never throws.
import type { Deps } from "../../services";
import type { BookingChange } from "../../workflows/reminders/booking-hooks";
import { calendarEventMessage } from "./messages";

/** A booking changed in place (location, guests, reassigned host): its event is updated or moved. */
export type BookingEdit = { kind: "edited"; bookingUid: string };

function messagesFor(change: BookingChange | BookingEdit) {
  switch (change.kind) {
    case "edited":
      return [calendarEventMessage(change.bookingUid)];
    case "created":
    case "confirmed":
    case "declined":
      return change.bookingUids.map((uid) => calendarEventMessage(uid));
    case "cancelled":
      // A cancelled series takes its other occurrences with it.
      return [calendarEventMessage(change.bookingUid, true)];
    case "rescheduled":
      // The new booking takes over the old one's event (updated in place); the old one is then left with nothing,
      // or, after a seat move, is updated for the attendee who left.
      return [calendarEventMessage(change.toUid), calendarEventMessage(change.fromUid)];
  }
}

export async function writeBookingCalendarEvents(deps: Pick<Deps, "webhookQueue" | "logger">, change: BookingChange | BookingEdit): Promise<void> {
  const messages = [...new Map(messagesFor(change).map((m) => [m.body.bookingUid, m])).values()];
  if (messages.length === 0) return;
  try {
    await deps.webhookQueue.sendBatch(messages as Parameters<Deps["webhookQueue"]["sendBatch"]>[0]);
  } catch (error) {
    deps.logger.error("calendar event messages could not be enqueued for a booking change", { kind: change.kind, error: String(error) });
  }
}
