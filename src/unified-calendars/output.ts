import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";
import { CALENDAR_EVENT_RESPONSE_STATUSES, CALENDAR_EVENT_STATUSES } from "./schemas";

const DateTimeWithZone = z.object({ time: z.string(), timeZone: z.string().optional() });
const ResponseStatus = z.enum(CALENDAR_EVENT_RESPONSE_STATUSES).openapi("CalendarEventResponseStatus");
const nullableString = z.string().nullable().optional();

const VideoLocation = z
  .object({
    type: z.literal("video"),
    url: z.string(),
    label: nullableString,
    password: nullableString,
    meetingCode: nullableString,
    accessCode: nullableString,
  })
  .openapi("CalendarEventVideoLocation");
const PhoneLocation = z
  .object({
    type: z.literal("phone"),
    url: z.string(),
    label: nullableString,
    pin: nullableString,
    password: nullableString,
    accessCode: nullableString,
    regionCode: nullableString,
  })
  .openapi("CalendarEventPhoneLocation");
const SipLocation = z
  .object({ type: z.literal("sip"), url: z.string(), label: nullableString, pin: nullableString, password: nullableString })
  .openapi("CalendarEventSipLocation");
const MoreLocation = z.object({ type: z.literal("more"), url: z.string(), label: nullableString }).openapi("CalendarEventMoreLocation");

const Attendee = z
  .object({
    email: z.string(),
    name: z.string().optional(),
    responseStatus: ResponseStatus.optional(),
    self: z.boolean().nullable().optional(),
    optional: z.boolean().nullable().optional(),
    host: z.boolean().nullable().optional(),
  })
  .openapi("CalendarEventAttendee");
const Host = z.object({ email: z.string(), name: z.string().nullable().optional(), responseStatus: ResponseStatus.optional() }).openapi("CalendarEventHost");

export const UnifiedCalendarEventSchema = z
  .object({
    start: DateTimeWithZone,
    end: DateTimeWithZone,
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    locations: z.array(z.discriminatedUnion("type", [VideoLocation, PhoneLocation, SipLocation, MoreLocation])).nullable(),
    attendees: z.array(Attendee).nullable().optional(),
    status: z.enum(CALENDAR_EVENT_STATUSES).openapi("CalendarEventStatus").optional(),
    hosts: z.array(Host).nullable(),
    calendarEventOwner: z.object({ email: z.string(), name: z.string().nullable().optional() }).openapi("calendarEventOwner").nullable(),
    source: z.enum(["google", "office365", "apple"]).openapi("CalendarSource"),
  })
  .openapi("UnifiedCalendarEventOutput");

export type UnifiedCalendarEvent = z.infer<typeof UnifiedCalendarEventSchema>;
export const GetUnifiedCalendarEventOutputSchema = successOf(UnifiedCalendarEventSchema).openapi("GetUnifiedCalendarEventOutput");

// ---- Google event → Cal.com's unified shape (GoogleCalendarEventOutputPipe) ----

interface GoogleDateTime {
  dateTime?: string;
  date?: string;
  timeZone?: string;
}
interface GoogleAttendee {
  email?: string;
  displayName?: string;
  organizer?: boolean;
  self?: boolean;
  optional?: boolean;
  responseStatus?: string;
}
interface GoogleEntryPoint {
  entryPointType?: string;
  uri?: string;
  label?: string;
  pin?: string;
  regionCode?: string;
  password?: string;
  meetingCode?: string;
  accessCode?: string;
}
export interface GoogleEventJson {
  id?: string;
  status?: string;
  summary?: string;
  description?: string;
  location?: string;
  hangoutLink?: string;
  organizer?: { email?: string; displayName?: string };
  start?: GoogleDateTime;
  end?: GoogleDateTime;
  attendees?: GoogleAttendee[];
  conferenceData?: { entryPoints?: GoogleEntryPoint[] };
}

const RESPONSE_FROM_GOOGLE: Record<string, (typeof CALENDAR_EVENT_RESPONSE_STATUSES)[number]> = {
  accepted: "accepted",
  tentative: "pending",
  declined: "declined",
  needsaction: "needsAction",
};
const STATUS_FROM_GOOGLE: Record<string, NonNullable<UnifiedCalendarEvent["status"]>> = { confirmed: "accepted", tentative: "pending", cancelled: "cancelled" };

// The contract's status fields are `$ref`s, which cannot be null there: an unknown status is left out (Cal.com: null).
const responseStatusOf = (status: string | undefined) => {
  const mapped = status ? RESPONSE_FROM_GOOGLE[status.toLowerCase()] : undefined;
  return mapped ? { responseStatus: mapped } : {};
};

function dateTimeOf(value: GoogleDateTime | undefined) {
  // An all-day event has a `date` instead of a `dateTime` (Cal.com answers nothing for it).
  return { time: value?.dateTime ?? value?.date ?? "", ...(value?.timeZone ? { timeZone: value.timeZone } : {}) };
}

function locationOf(entry: GoogleEntryPoint): NonNullable<UnifiedCalendarEvent["locations"]>[number] | null {
  const url = entry.uri ?? "";
  const label = entry.label ?? null;
  switch (entry.entryPointType) {
    case "video":
      return {
        type: "video",
        url,
        label,
        ...(entry.meetingCode ? { meetingCode: entry.meetingCode } : {}),
        ...(entry.accessCode ? { accessCode: entry.accessCode } : {}),
      };
    case "phone":
      return { type: "phone", url, label, pin: entry.pin ?? null, regionCode: entry.regionCode ?? null };
    case "sip":
      return { type: "sip", url, label, pin: entry.pin ?? null };
    case "more":
      return { type: "more", url, label };
    default:
      return null;
  }
}

/** Conference entry points, else the event's `location`, else its Meet link (Cal.com's order). */
function locationsOf(event: GoogleEventJson): NonNullable<UnifiedCalendarEvent["locations"]> {
  const entryPoints = event.conferenceData?.entryPoints;
  if (entryPoints) return entryPoints.map(locationOf).filter((location) => location !== null);
  if (event.location) return [{ type: "video", url: event.location }];
  if (event.hangoutLink) return [{ type: "video", url: event.hangoutLink }];
  return [];
}

export function toUnifiedCalendarEvent(event: GoogleEventJson): UnifiedCalendarEvent {
  const attendees = (event.attendees ?? []).filter((attendee) => attendee.email);
  const organizers = attendees.filter((attendee) => attendee.organizer);
  const organizer = event.organizer?.email ? { email: event.organizer.email, name: event.organizer.displayName ?? null } : null;
  return {
    id: event.id ?? "",
    title: event.summary ?? "",
    description: event.description || null,
    start: dateTimeOf(event.start),
    end: dateTimeOf(event.end),
    locations: locationsOf(event),
    ...(attendees.length > 0
      ? {
          attendees: attendees.map((attendee) => ({
            email: attendee.email!,
            ...(attendee.displayName !== undefined ? { name: attendee.displayName } : {}),
            ...responseStatusOf(attendee.responseStatus),
            host: attendee.organizer ?? null,
            self: attendee.self ?? null,
            optional: attendee.optional ?? null,
          })),
        }
      : {}),
    ...(event.status && STATUS_FROM_GOOGLE[event.status.toLowerCase()] ? { status: STATUS_FROM_GOOGLE[event.status.toLowerCase()] } : {}),
    hosts: organizers.length
      ? organizers.map((host) => ({ email: host.email!, name: host.displayName ?? null, ...responseStatusOf(host.responseStatus) }))
      : organizer
        ? [organizer]
        : [],
    calendarEventOwner: organizer,
    source: "google",
  };
}
