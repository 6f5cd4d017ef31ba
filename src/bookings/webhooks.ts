import type { StoredBookingField } from "../event-types/booking-fields";
import { isValidTimeZone } from "../slots/format";
import { offsetMsAt } from "../slots/zoned-time";
import type { WebhookEvent } from "../webhooks/producer";
import type { WebhookTrigger } from "../webhooks/triggers";
import type { BookingAttendeeRecord, BookingRecord } from "./store";

// Webhook payloads shaped as Cal.com's EventPayloadType (packages/features/webhooks/lib/sendPayload.ts): the
// booking's CalendarEvent, the event type's info, and the fields the trigger adds. One shape for every booking
// trigger, so subscribers can parse them all the same way; Cal.com's `language.translate` functions never
// serialise, so `language` is `{locale}`.

type Json = Record<string, unknown>;

/** Cal.com formats payload times with dayjs's `format()` in UTC: no milliseconds. */
export const payloadTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

const utcOffsetMinutes = (timeZone: string, at: Date) => (isValidTimeZone(timeZone) ? Math.round(offsetMsAt(at.getTime(), timeZone) / 60_000) : 0);

// Cal.com's getCalEventResponses: every answered field as {label, value}, labelled from the booking form.
function labelledResponses(responses: Json, fields: readonly StoredBookingField[], only: (field: StoredBookingField | undefined) => boolean) {
  const out: Json = {};
  for (const [key, value] of Object.entries(responses)) {
    if (value === undefined) continue;
    const field = fields.find((f) => f.slug === key);
    if (!only(field)) continue;
    out[key] = { label: field?.label ?? key, value, ...(field?.hidden ? { isHidden: true } : {}) };
  }
  return out;
}

function person(attendee: Pick<BookingAttendeeRecord, "email" | "name" | "timeZone" | "locale" | "phoneNumber">, at: Date) {
  const [firstName = "", ...rest] = attendee.name.split(" ");
  return {
    email: attendee.email,
    name: attendee.name,
    firstName,
    lastName: rest.join(" "),
    timeZone: attendee.timeZone,
    phoneNumber: attendee.phoneNumber ?? undefined,
    language: { locale: attendee.locale ?? "en" },
    utcOffset: utcOffsetMinutes(attendee.timeZone, at),
  };
}

const STATUS: Record<string, string> = { accepted: "ACCEPTED", pending: "PENDING", cancelled: "CANCELLED", rejected: "REJECTED" };

/** The payload of a booking lifecycle trigger; `extra` adds the trigger's own fields (reschedule*, cancellation*, …). */
export function bookingPayload(booking: BookingRecord, extra: Json = {}, attendees = booking.attendees): Json {
  const eventType = booking.eventType;
  const fields = eventType?.bookingFields ?? [];
  const responses = booking.responses ?? {};
  const host = booking.user;
  const { videoCallUrl, ...userMetadata } = booking.metadata ?? {};
  return {
    type: eventType?.slug ?? "",
    title: booking.title,
    description: booking.description ?? eventType?.description ?? "",
    additionalNotes: booking.description ?? "",
    customInputs: {},
    startTime: payloadTime(booking.startTime),
    endTime: payloadTime(booking.endTime),
    organizer: host
      ? {
          id: host.id,
          name: host.name ?? "Nameless",
          email: host.email,
          username: host.username ?? undefined,
          timeZone: host.timeZone,
          timeFormat: host.timeFormat === 24 ? "HH:mm" : "h:mma",
          language: { locale: host.locale ?? "en" },
          utcOffset: utcOffsetMinutes(host.timeZone, booking.startTime),
        }
      : null,
    responses: labelledResponses(responses, fields, () => true),
    userFieldsResponses: labelledResponses(responses, fields, (field) => field !== undefined && !field.isDefault),
    attendees: attendees.map((attendee) => person(attendee, booking.startTime)),
    location: booking.location ?? "",
    destinationCalendar: [],
    uid: booking.uid,
    iCalUID: booking.iCalUID || booking.uid,
    iCalSequence: booking.iCalSequence,
    recurringEventId: booking.recurringEventId ?? undefined,
    eventTypeId: booking.eventTypeId,
    seatsPerTimeSlot: eventType?.seatsPerTimeSlot ?? null,
    seatsShowAttendees: eventType?.seatsShowAttendees ?? false,
    hideOrganizerEmail: eventType?.hideOrganizerEmail ?? false,
    requiresConfirmation: eventType?.requiresConfirmation ?? false,
    eventTitle: eventType?.title ?? null,
    eventDescription: eventType?.description ?? null,
    price: eventType?.price ?? null,
    currency: eventType?.currency ?? null,
    length: eventType?.length ?? null,
    bookingId: booking.id,
    metadata: { ...(typeof videoCallUrl === "string" ? { videoCallUrl } : {}), ...userMetadata },
    status: STATUS[booking.status] ?? booking.status.toUpperCase(),
    ...extra,
  };
}

/**
 * A lifecycle event for the booking's hosts (organizer and co-hosts), its event type (and a managed child's parent),
 * for managed users their OAuth client, and the organizations of the organizer and of the event type's team.
 */
export function bookingEvent(trigger: WebhookTrigger, booking: BookingRecord, payload: Json): WebhookEvent {
  return {
    trigger,
    payload,
    userId: booking.userId,
    coHostIds: booking.coHostIds,
    eventTypeId: booking.eventTypeId,
    parentEventTypeId: booking.eventType?.parentId ?? null,
    oAuthClientId: booking.eventType?.oAuthClientId ?? null,
    organizationIds: [booking.user?.organizationId, booking.eventType?.organizationId].filter((id): id is number => typeof id === "number"),
  };
}
