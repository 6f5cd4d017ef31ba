import { badRequest } from "../errors";
import { bookingUidNotFound } from "./errors";
import type { Deps } from "../services";
import { findBookingByUid, type BookingRecord } from "./store";

export interface CalendarLink {
  label: string;
  id: string;
  link: string;
}

// "Add to calendar" links (Cal.com's getCalendarLinks): Google, Microsoft Office, Microsoft Outlook and an ICS data
// URL, plus Yahoo. Internal location values (integrations:…) mean nothing to a calendar and are left out.

const utcStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

function publicLocation(booking: BookingRecord): string {
  const videoCallUrl = booking.metadata?.videoCallUrl;
  if (typeof videoCallUrl === "string" && videoCallUrl) return videoCallUrl;
  return booking.location && !booking.location.startsWith("integrations:") ? booking.location : "";
}

function recurrenceRule(booking: BookingRecord): string | null {
  const et = booking.eventType;
  if (!booking.recurringEventId || !et?.recurrenceFrequency || !et.recurrenceInterval || !et.recurrenceOccurrences) return null;
  return `RRULE:FREQ=${et.recurrenceFrequency.toUpperCase()};INTERVAL=${et.recurrenceInterval};COUNT=${et.recurrenceOccurrences}`;
}

const icsText = (value: string) => value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

function icsFile(booking: BookingRecord, title: string, description: string, location: string): string {
  const minutes = Math.round((booking.endTime.getTime() - booking.startTime.getTime()) / 60_000);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "PRODID:-//Cal.com API v2 (edge)//EN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${booking.iCalUID || booking.uid}`,
    `SUMMARY:${icsText(title)}`,
    `DTSTAMP:${utcStamp(booking.createdAt)}`,
    `DTSTART:${utcStamp(booking.startTime)}`,
    `DURATION:PT${minutes}M`,
    ...(description ? [`DESCRIPTION:${icsText(description)}`] : []),
    ...(location ? [`LOCATION:${icsText(location)}`] : []),
    ...(recurrenceRule(booking) ? [recurrenceRule(booking)!] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.join("\r\n");
}

export function calendarLinks(booking: BookingRecord): CalendarLink[] {
  const title = booking.title;
  const description = booking.eventType?.description ?? "";
  const location = publicLocation(booking);
  const enc = encodeURIComponent;
  const start = booking.startTime;
  const end = booking.endTime;
  const rule = recurrenceRule(booking);
  const withLocation = location ? `&location=${enc(location)}` : "";
  const outlookQuery = `body=${enc(description)}&enddt=${isoSeconds(end)}&path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&startdt=${isoSeconds(start)}&subject=${enc(title)}${withLocation}`;
  return [
    {
      label: "Google Calendar",
      id: "googleCalendar",
      link: `https://calendar.google.com/calendar/r/eventedit?dates=${utcStamp(start)}/${utcStamp(end)}&text=${enc(title)}&details=${enc(description)}${withLocation}${rule ? `&recur=${enc(rule)}` : ""}`,
    },
    { label: "Microsoft Office", id: "microsoftOffice", link: `https://outlook.office.com/calendar/0/deeplink/compose?${outlookQuery}` },
    { label: "Microsoft Outlook", id: "microsoftOutlook", link: `https://outlook.live.com/calendar/0/deeplink/compose?${outlookQuery}` },
    {
      label: "Yahoo Calendar",
      id: "yahooCalendar",
      link: `https://calendar.yahoo.com/?v=60&title=${enc(title)}&st=${utcStamp(start)}&et=${utcStamp(end)}&desc=${enc(description)}${location ? `&in_loc=${enc(location)}` : ""}`,
    },
    { label: "ICS", id: "ics", link: `data:text/calendar,${enc(icsFile(booking, title, description, location))}` },
  ];
}

/** Any authenticated caller with the uid may get the links (as in Cal.com). */
export async function getCalendarLinks(deps: Deps, uid: string): Promise<CalendarLink[]> {
  const booking = await findBookingByUid(deps.db, uid);
  if (!booking) throw bookingUidNotFound(uid);
  if (!booking.eventTypeId) throw badRequest(`Booking with uid ${uid} has no event type`);
  return calendarLinks(booking);
}
