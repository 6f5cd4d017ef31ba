// Cal.com's messages for the Calendars, Selected Calendars and Destination Calendars routes
// (apps/api/v2/src/ee/calendars/*, modules/selected-calendars/*, modules/destination-calendars/*).
import { ApiError, badRequest, notFound, unauthorized } from "../errors";

/** The `:calendar` path values Cal.com lists (platform-constants CALENDARS). */
export const CALENDAR_PATH_VALUES = ["google", "office365", "apple"] as const;

// Nest's BadRequestException(message, description): the list lands in `details.error`.
export const invalidCalendarType = () =>
  new ApiError("BadRequestException", "Invalid calendar type, available calendars are: ", { error: CALENDAR_PATH_VALUES.join(", ") });

export const credentialsNotYours = () => unauthorized("These credentials do not belong to you");
export const busyTimesUnavailable = () => new ApiError("InternalServerErrorException", "Unable to fetch connected calendars events. Please try again later.");
export const eitherTimeZone = () => badRequest("Either timeZone or loggedInUsersTz must be provided");

export const calendarCredentialsNotFound = () => notFound("Calendar credentials not found");

export const emptyUsernameOrPassword = () => badRequest("Username or password cannot be empty");
export const appleAccountRefused = (reason: string) => badRequest(`Could not add this apple calendar account: ${reason}`);

export const invalidIcsUrl = () => badRequest("The URL must be a valid ICS URL (ending with .ics)");
export const icsFeedsRefused = () => badRequest("Could not add ICS feeds, try using private ics feed.");

/** GET /v2/calendars/{calendar}/check: per calendar, no credential / invalid credential / not listed. */
export const CHECK_MESSAGES = {
  google: {
    type: "google_calendar",
    missing: "Credentials for google_calendar not found.",
    invalid: "Invalid google OAuth credentials.",
    notConnected: "Google Calendar not connected.",
  },
  office365: {
    type: "office365_calendar",
    missing: "Credentials for office_365_calendar not found.",
    invalid: "Invalid office 365 calendar credentials.",
    notConnected: "Office 365 calendar not connected.",
  },
  apple: {
    type: "apple_calendar",
    missing: "Credentials for apple calendar not found.",
    invalid: "Invalid apple calendar credentials.",
    notConnected: "Apple calendar not connected.",
  },
  "ics-feed": {
    type: "ics-feed_calendar",
    missing: "Credentials for Ics Feed calendar not found.",
    invalid: "Invalid Ics Feed credentials.",
    notConnected: "Ics Feed not connected.",
  },
} as const;

export const selectedCalendarNotFound = () => notFound("No SelectedCalendar found.");
// Cal.com's spelling ("SelecteCalendars").
export const multipleSelectedCalendars = () => badRequest("Multiple SelecteCalendars found. Skipping deletion");
export const destinationCalendarNotFound = (externalId: string) => notFound(`Could not find calendar ${externalId}`);
export const delegationCredentialNotFound = () => notFound("DelegationCredential with provided delegationCredentialId not found");

// Change-notification receivers (ours, not Cal.com's API): a token or clientState that is not ours, or the
// receiver of a provider whose notifications are not configured.
export const calendarNotificationRefused = () => new ApiError("ForbiddenException", "Invalid calendar notification token");
export const calendarNotificationsOff = () => notFound("Calendar notifications are not configured");
