// Reminder texts with Cal.com's variables (packages/features/ee/workflows/lib/reminders/templates/customTemplate.ts):
// {EVENT_NAME}, {ORGANIZER}, {ATTENDEE}, {EVENT_DATE}, {EVENT_TIME}, … replaced case-insensitively. The template
// is the workflow author's; the values come from the booking, which anyone booking can fill in, so in HTML every
// value is escaped (Cal.com inserts them raw: an attendee named `<img src=x onerror=…>` reaches the host's inbox
// as markup).

export interface TemplateBooking {
  title: string;
  startTime: Date;
  endTime: Date;
  location: string | null;
  description: string | null;
  uid: string;
  organizer: { name: string | null; email: string; timeZone: string };
  attendees: readonly { name: string; email: string; timeZone: string }[];
  meetingUrl: string | null;
}

export interface TemplateContext {
  booking: TemplateBooking;
  /** Whose time zone dates are written in, and whose name {ATTENDEE}/{NAME} is (the recipient). */
  timeZone: string;
  recipientName: string | null;
  websiteUrl: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

function formatIn(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" }).format(date);
  }
}

const dateOf = (date: Date, timeZone: string) => formatIn(date, timeZone, { weekday: "long", year: "numeric", month: "long", day: "numeric" });
// Cal.com's "h:mma": 9:00am.
const timeOf = (date: Date, timeZone: string) =>
  formatIn(date, timeZone, { hour: "numeric", minute: "2-digit", hour12: true }).replace(/\s?(AM|PM)$/i, (_, half: string) => half.toLowerCase());

/** The values of the variables, unescaped. */
export function templateVariables(context: TemplateContext): Record<string, string> {
  const { booking, timeZone } = context;
  const attendee = booking.attendees[0];
  const attendeeName = attendee?.name ?? "";
  const [firstName = "", ...rest] = attendeeName.split(" ");
  return {
    EVENT_NAME: booking.title,
    ORGANIZER: booking.organizer.name ?? "",
    ORGANIZER_NAME: booking.organizer.name ?? "",
    ORGANIZER_EMAIL: booking.organizer.email,
    ATTENDEE: attendeeName,
    ATTENDEE_NAME: attendeeName,
    ATTENDEE_FIRST_NAME: firstName,
    ATTENDEE_LAST_NAME: rest.join(" "),
    ATTENDEE_EMAIL: attendee?.email ?? "",
    NAME: context.recipientName ?? "",
    EVENT_DATE: dateOf(booking.startTime, timeZone),
    EVENT_TIME: timeOf(booking.startTime, timeZone),
    START_TIME: timeOf(booking.startTime, timeZone),
    EVENT_END_TIME: timeOf(booking.endTime, timeZone),
    TIMEZONE: timeZone,
    LOCATION: booking.location ?? "",
    ADDITIONAL_NOTES: booking.description ?? "",
    MEETING_URL: booking.meetingUrl ?? "",
    CANCEL_URL: `${context.websiteUrl}/booking/${booking.uid}?cancel=true`,
    RESCHEDULE_URL: `${context.websiteUrl}/reschedule/${booking.uid}`,
  };
}

/** Replaces {VARIABLE}s; `escapeValue` is applied to each value (HTML bodies), not to the template. */
export function renderTemplate(template: string, variables: Record<string, string>, escapeValue: (value: string) => string = (value) => value): string {
  return template.replace(/\{([A-Z_]+)\}/gi, (whole, name: string) => {
    const value = variables[name.toUpperCase()];
    return value === undefined ? whole : escapeValue(value);
  });
}

/** Plain text of an HTML body (for the text part and for SMS): tags dropped, entities of ours undone. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6])>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ({ "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" })[entity]!)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Cal.com's default texts when a step keeps the REMINDER template without a body of its own
// (templates/emailReminderTemplate.ts, smsReminderTemplate.ts), shortened.
const DEFAULT_EMAIL_SUBJECT = "Reminder: {EVENT_NAME} - {EVENT_DATE} {EVENT_TIME}";
const DEFAULT_EMAIL_BODY =
  "<p>Hi {NAME},</p><p>This is a reminder about your upcoming event.</p>" +
  "<p><strong>Event:</strong> {EVENT_NAME}<br><strong>Date &amp; time:</strong> {EVENT_DATE} {EVENT_TIME} ({TIMEZONE})<br>" +
  "<strong>Attendees:</strong> {ORGANIZER}, {ATTENDEE}<br><strong>Location:</strong> {LOCATION}</p>";
const DEFAULT_SMS_BODY = "Hi {NAME}, this is a reminder that your meeting ({EVENT_NAME}) is on {EVENT_DATE} at {EVENT_TIME} {TIMEZONE}.";

export interface StepTexts {
  emailSubject: string | null;
  reminderBody: string | null;
}

export function renderEmail(step: StepTexts, context: TemplateContext): { subject: string; html: string; text: string } {
  const variables = templateVariables(context);
  const bodyTemplate = step.reminderBody?.trim() ? step.reminderBody : DEFAULT_EMAIL_BODY;
  // A subject is a header, not HTML: values go in as they are, line breaks removed so no header can be injected.
  const subject = renderTemplate(step.emailSubject?.trim() ? step.emailSubject : DEFAULT_EMAIL_SUBJECT, variables).replace(/[\r\n]+/g, " ");
  const html = renderTemplate(bodyTemplate, variables, escapeHtml);
  return { subject, html, text: htmlToText(renderTemplate(bodyTemplate, variables, escapeHtml)) };
}

export function renderSms(step: StepTexts, context: TemplateContext): string {
  const variables = templateVariables(context);
  const template = step.reminderBody?.trim() ? htmlToText(step.reminderBody) : DEFAULT_SMS_BODY;
  return renderTemplate(template, variables);
}
