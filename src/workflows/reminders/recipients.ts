// Who a step's messages go to and what they say (Cal.com's scheduleEmailReminder / scheduleSMSReminder,
// packages/features/ee/workflows/lib/reminders/): the host, each attendee (one message each, in their own time
// zone, so attendees never see each other's addresses), or the step's own address or number.
import type { EmailMessage, SmsMessage } from "../../messaging";
import { renderEmail, renderSms, type TemplateBooking } from "../../messaging/template";
import type { ReminderBooking, WorkflowStepRecord } from "./store";

export type PlannedMessages = { method: "EMAIL"; messages: EmailMessage[] } | { method: "SMS"; messages: SmsMessage[] } | { method: "NONE"; reason: string };

function stringAt(record: unknown, key: string): string | null {
  if (typeof record !== "object" || record === null) return null;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

function templateBooking(booking: ReminderBooking): TemplateBooking {
  return {
    title: booking.title,
    startTime: booking.startTime,
    endTime: booking.endTime,
    location: booking.location,
    description: booking.description,
    uid: booking.uid,
    organizer: { name: booking.user?.name ?? null, email: booking.user?.email ?? "", timeZone: booking.user?.timeZone ?? "UTC" },
    attendees: booking.attendees,
    meetingUrl: stringAt(booking.metadata, "videoCallUrl"),
  };
}

/** The number an SMS to the attendee goes to: the booking form's SMS reminder number, else an attendee's phone. */
function attendeePhone(booking: ReminderBooking): string | null {
  return (
    stringAt(booking.responses, "smsReminderNumber") ??
    stringAt(booking.responses, "attendeePhoneNumber") ??
    booking.attendees.find((a) => a.phoneNumber)?.phoneNumber ??
    null
  );
}

export function planMessages(step: WorkflowStepRecord, booking: ReminderBooking, websiteUrl: string): PlannedMessages {
  const base = templateBooking(booking);
  const organizer = base.organizer;
  const context = (timeZone: string, recipientName: string | null) => ({ booking: base, timeZone, recipientName, websiteUrl });
  switch (step.action) {
    case "EMAIL_HOST": {
      if (!organizer.email) return { method: "NONE", reason: "The booking has no host email address" };
      const texts = renderEmail(step, context(organizer.timeZone, organizer.name));
      return { method: "EMAIL", messages: [{ to: [organizer.email], ...texts }] };
    }
    case "EMAIL_ATTENDEE": {
      if (booking.attendees.length === 0) return { method: "NONE", reason: "The booking has no attendees" };
      return {
        method: "EMAIL",
        messages: booking.attendees.map((a) => ({ to: [a.email], replyTo: organizer.email || undefined, ...renderEmail(step, context(a.timeZone, a.name)) })),
      };
    }
    case "EMAIL_ADDRESS": {
      if (!step.sendTo) return { method: "NONE", reason: "The step has no email address to send to" };
      return { method: "EMAIL", messages: [{ to: [step.sendTo], ...renderEmail(step, context(organizer.timeZone, null)) }] };
    }
    case "SMS_ATTENDEE": {
      const phone = attendeePhone(booking);
      if (!phone) return { method: "NONE", reason: "The booking has no attendee phone number" };
      return {
        method: "SMS",
        messages: [{ to: phone, body: renderSms(step, context(booking.attendees[0]?.timeZone ?? organizer.timeZone, booking.attendees[0]?.name ?? null)) }],
      };
    }
    case "SMS_NUMBER": {
      if (!step.sendTo) return { method: "NONE", reason: "The step has no phone number to send to" };
      return { method: "SMS", messages: [{ to: step.sendTo, body: renderSms(step, context(organizer.timeZone, null)) }] };
    }
    case "WHATSAPP_ATTENDEE":
    case "WHATSAPP_NUMBER":
      return { method: "NONE", reason: "WhatsApp messages are not supported by this deployment" };
    case "CAL_AI_PHONE_CALL":
      return { method: "NONE", reason: "Cal.ai phone calls are not supported by this deployment" };
  }
}
