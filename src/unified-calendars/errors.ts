// Cal.com's messages for the Cal Unified Calendars routes (v2/modules/cal-unified-calendars/*).
import { badRequest, notFound, serviceUnavailable, unauthorized } from "../errors";

export const meetingDetailsOnlyGoogle = () => badRequest("Meeting details are currently only available for Google Calendar");
export const eventUpdatesOnlyGoogle = () => badRequest("Event updates are currently only available for Google Calendar");
export const bookingReferenceNotFound = () => notFound("Booking reference not found");
export const noValidGoogleCredentials = () => unauthorized("No valid credentials available for Google Calendar");
export const meetingDetailsNotRetrieved = () => notFound("Failed to retrieve meeting details");
export const meetingDetailsNotUpdated = () => notFound("Failed to update meeting details");
// Ours: Google down or timing out (Cal.com answers its 404 for every failure).
export const googleUnavailable = (message: string) => serviceUnavailable(message);
