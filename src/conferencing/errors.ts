// Cal.com's conferencing messages (v2/modules/conferencing/services/*, organizations-conferencing.service.ts).
import { ApiError, badRequest, notFound } from "../errors";

export const invalidNonOAuthApp = () => badRequest("Invalid conferencing app. Available apps: GOOGLE_MEET.");
export const invalidOAuthApp = () => badRequest("Invalid conferencing app, available apps are: zoom, msteams");
export const invalidApp = () => badRequest("Invalid app, available apps are: google-meet, zoom, msteams");
export const appNotConnected = (app: string) => badRequest(`${app} not connected.`);
export const meetNeedsGoogleCalendar = () => badRequest("Google Meet app requires a Google Calendar connection");
export const meetNeedsValidGoogleCalendar = () => badRequest("Google Meet app requires a valid Google Calendar connection, please reconnect Google Calendar.");
export const meetAlreadyConnected = (owner: "user" | "team") =>
  badRequest(owner === "team" ? "Google Meet is already connected for this team." : "Google Meet is already connected.");
export const oauthAppNotConfigured = (app: "zoom" | "msteams") => notFound(app === "zoom" ? "Zoom app not found" : "Office 365 app not found");
export const missingState = () => badRequest("Missing `state` query param");
export const invalidState = () => badRequest("Invalid `state` query param");
export const invalidReturnTo = (name: string) => badRequest(`${name} must be an http(s) URL`);
export const couldNotSetDefault = (app: string) => new ApiError("InternalServerErrorException", `Could not set ${app} as default conferencing app`);

/** A provider (Daily, Zoom, Graph) that failed or refused: 502, never a 500 (the fault is not ours). */
export class VideoProviderError extends Error {
  constructor(
    readonly provider: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
