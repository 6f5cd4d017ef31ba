// iCalendar (RFC 5545) reading and writing with ical.js, shared by the CalDAV/Apple and ICS feed providers.
// Recurrences are expanded here, client-side: Radicale ignores CalDAV's `expand` and ICS feeds carry only the
// master event (Cal.com's CalDAV service reads only the first VEVENT and relies on the server expanding, so
// recurring events on such servers never blocked time; packages/app-store/_utils/CalendarService.ts).
import ICAL from "ical.js";
import type { BusyInterval, CalendarEventInput } from "./provider";

/** Most occurrences examined per recurring event: a safety bound for rules like FREQ=SECONDLY. */
const MAX_OCCURRENCES = 10_000;

function registerTimezones(calendar: ICAL.Component) {
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    const tzid = vtimezone.getFirstPropertyValue("tzid");
    if (typeof tzid === "string" && !ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.register(vtimezone);
  }
}

function parseCalendars(ics: string): ICAL.Component[] {
  const parsed = ICAL.parse(ics);
  // A feed may hold several VCALENDARs (ICAL.parse answers an array then).
  const roots = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return roots.map((jcal) => new ICAL.Component(jcal as any));
}

// Offset of `zone` at `date`, in ms (wall clock in the zone minus UTC), from Intl's tz data.
function zoneOffsetMs(date: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  })
    .formatToParts(date)
    .reduce<Record<string, number>>((acc, part) => (part.type === "literal" ? acc : { ...acc, [part.type]: Number(part.value) }), {});
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - date.getTime();
}

const isKnownZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * The instant of an ical.js time. A TZID without its VTIMEZONE (common in hand-made and some exported feeds)
 * leaves ical.js with a floating time; when the TZID is an IANA name it is resolved here with Intl (Cal.com's ICS
 * service builds a fixed-offset VTIMEZONE instead, wrong across DST). Other floating times are read as UTC.
 */
function instantOf(time: ICAL.Time, fallbackZone: string | null): Date {
  const floating = !time.zone || time.zone.tzid === "floating";
  if (!floating || !fallbackZone || time.isDate) return time.toJSDate();
  const wallClock = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  const first = wallClock - zoneOffsetMs(new Date(wallClock), fallbackZone);
  // Second pass: the offset at the instant itself (differs near a DST change).
  return new Date(wallClock - zoneOffsetMs(new Date(first), fallbackZone));
}

/** The event's DTSTART TZID when ical.js could not resolve it (no VTIMEZONE) and Intl knows the zone. */
function unresolvedZone(event: ICAL.Event): string | null {
  const tzid = event.component.getFirstProperty("dtstart")?.getParameter("tzid");
  if (typeof tzid !== "string" || ICAL.TimezoneService.has(tzid)) return null;
  return isKnownZone(tzid) ? tzid : null;
}

const isCancelled = (event: ICAL.Event) => String(event.component.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED";

/**
 * The busy intervals of an iCalendar text overlapping [from, to): every VEVENT, recurring ones expanded with
 * their exceptions (RECURRENCE-ID overrides, EXDATE). Cancelled events are free. Throws on text that is not
 * iCalendar.
 */
export function busyIntervalsFromIcs(ics: string, from: Date, to: Date): BusyInterval[] {
  const busy: BusyInterval[] = [];
  const overlaps = (start: Date, end: Date) => start < to && end > from;
  for (const calendar of parseCalendars(ics)) {
    registerTimezones(calendar);
    const vevents = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    const exceptionsByUid = new Map<string, ICAL.Event[]>();
    for (const event of vevents) {
      if (!event.isRecurrenceException()) continue;
      exceptionsByUid.set(event.uid, [...(exceptionsByUid.get(event.uid) ?? []), event]);
    }
    for (const event of vevents) {
      if (event.isRecurrenceException() || !event.startDate) continue;
      const zone = unresolvedZone(event);
      if (!event.isRecurring()) {
        const start = instantOf(event.startDate, zone);
        const end = event.endDate ? instantOf(event.endDate, zone) : start;
        if (!isCancelled(event) && overlaps(start, end)) busy.push({ start, end });
        continue;
      }
      for (const exception of exceptionsByUid.get(event.uid) ?? []) event.relateException(exception);
      const iterator = event.iterator();
      for (let i = 0, next = iterator.next(); next && i < MAX_OCCURRENCES; i++, next = iterator.next()) {
        const occurrence = event.getOccurrenceDetails(next);
        const occurrenceZone = occurrence.item === event ? zone : unresolvedZone(occurrence.item);
        const start = instantOf(occurrence.startDate, occurrenceZone);
        if (start >= to) break;
        const end = instantOf(occurrence.endDate, occurrenceZone);
        if (!isCancelled(occurrence.item) && overlaps(start, end)) busy.push({ start, end });
      }
    }
  }
  return busy.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Whether the text parses as iCalendar with at least one VCALENDAR. */
export function isIcs(text: string): boolean {
  try {
    return parseCalendars(text).every((calendar) => calendar.name === "vcalendar");
  } catch {
    return false;
  }
}

const utc = (date: Date) => ICAL.Time.fromJSDate(date, true);

/**
 * A VCALENDAR with one VEVENT for a booking. Attendees are written with SCHEDULE-AGENT=CLIENT (RFC 6638): the
 * server lists them but sends no invitations of its own (Cal.com sends its own emails).
 */
export function eventToIcs(uid: string, event: CalendarEventInput, now: Date): string {
  const calendar = new ICAL.Component(["vcalendar", [], []]);
  calendar.updatePropertyWithValue("prodid", "-//Cal.com//API v2//EN");
  calendar.updatePropertyWithValue("version", "2.0");
  const vevent = new ICAL.Component("vevent");
  vevent.updatePropertyWithValue("uid", uid);
  vevent.updatePropertyWithValue("dtstamp", utc(now));
  vevent.updatePropertyWithValue("dtstart", utc(event.start));
  vevent.updatePropertyWithValue("dtend", utc(event.end));
  vevent.updatePropertyWithValue("summary", event.title);
  if (event.description) vevent.updatePropertyWithValue("description", event.description);
  if (event.location) vevent.updatePropertyWithValue("location", event.location);
  const organizer = vevent.addPropertyWithValue("organizer", `mailto:${event.organizer.email}`);
  organizer.setParameter("cn", event.organizer.name);
  for (const attendee of event.attendees) {
    const line = vevent.addPropertyWithValue("attendee", `mailto:${attendee.email}`);
    if (attendee.name) line.setParameter("cn", attendee.name);
    line.setParameter("partstat", "NEEDS-ACTION");
    line.setParameter("role", "REQ-PARTICIPANT");
    line.setParameter("schedule-agent", "CLIENT");
  }
  calendar.addSubcomponent(vevent);
  return calendar.toString();
}
