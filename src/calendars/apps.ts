// The calendar apps' metadata as Cal.com renders it in `connectedCalendars[].integration` (each app's
// packages/app-store/<dir>/config.json through getAppFromSlug, keys cleaned): static per credential type.
interface CalendarAppMetadata {
  name: string;
  description: string;
  type: string;
  title: string;
  variant: "calendar";
  category: "calendar";
  categories: ["calendar"];
  logo: string;
  publisher: string;
  slug: string;
  dirName: string;
  url: string;
  email: string;
  locationOption: null;
  appData: null;
  __template: string;
}

const app = (type: string, slug: string, dirName: string, name: string, description: string, url: string, template = "basic") =>
  ({
    name,
    description,
    type,
    title: name,
    variant: "calendar",
    category: "calendar",
    categories: ["calendar"],
    logo: `/app-store/${dirName}/icon.svg`,
    publisher: "Cal.com",
    slug,
    dirName,
    url,
    email: "help@cal.com",
    locationOption: null,
    appData: null,
    __template: template,
  }) satisfies CalendarAppMetadata;

const CALENDAR_APPS: Record<string, CalendarAppMetadata> = {
  google_calendar: app(
    "google_calendar",
    "google-calendar",
    "googlecalendar",
    "Google Calendar",
    "Google Calendar is a time management and scheduling service developed by Google.",
    "https://cal.com/",
  ),
  office365_calendar: app(
    "office365_calendar",
    "office365-calendar",
    "office365calendar",
    "Outlook Calendar",
    "Microsoft Office 365 is a suite of apps that helps you stay connected with others and get things done.",
    "https://cal.com/",
  ),
  apple_calendar: app(
    "apple_calendar",
    "apple-calendar",
    "applecalendar",
    "Apple Calendar",
    "Apple calendar runs both the macOS and iOS mobile operating systems.",
    "https://cal.com/",
  ),
  caldav_calendar: app(
    "caldav_calendar",
    "caldav-calendar",
    "caldavcalendar",
    "CalDav (Beta)",
    "CalDav is a calendaring protocol that allows you to access and manage calendars.",
    "https://cal.com/",
  ),
  "ics-feed_calendar": app(
    "ics-feed_calendar",
    "ics-feed",
    "ics-feedcalendar",
    "ICS Feed",
    "Use ICS feeds to import calendars into Cal.com (read-only).",
    "https://cal.com/",
    "basic",
  ),
};

/** The integration metadata of a calendar credential type (an unknown type gets a minimal entry). */
export function calendarAppMetadata(type: string, appId: string | null): CalendarAppMetadata {
  return CALENDAR_APPS[type] ?? app(type, appId ?? type, appId ?? type, appId ?? type, "", "https://cal.com/");
}

/** Cal.com's `integrationTitle` of a destination calendar. */
export const integrationTitle = (type: string) => CALENDAR_APPS[type]?.title ?? type;
