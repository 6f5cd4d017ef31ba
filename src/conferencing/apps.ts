// Cal.com's conferencing apps (packages/platform/constants/apps.ts): the path's `{app}` slug, the credential type it
// is stored as, and the event-type location (2024-06-14 `integration` name) that uses it.
export const GOOGLE_MEET = "google-meet";
export const ZOOM = "zoom";
export const MSTEAMS = "msteams";
export const CAL_VIDEO = "daily-video";

/** Apps that are installed per user/team (Cal Video is global and never has a credential of ours). */
export const CONFERENCING_APPS = [GOOGLE_MEET, ZOOM, MSTEAMS] as const;
export type ConferencingApp = (typeof CONFERENCING_APPS)[number];
/** Apps connected by OAuth (auth-url + callback). */
export const OAUTH_APPS = [ZOOM, MSTEAMS] as const;
export type OAuthApp = (typeof OAUTH_APPS)[number];

export const APP_CREDENTIAL_TYPE = { [GOOGLE_MEET]: "google_video", [ZOOM]: "zoom_video", [MSTEAMS]: "office365_video" } as const;

/** Event-type location integration names (src/event-types/locations.ts) per app, for disconnect's fallback. */
export const APP_LOCATION_INTEGRATION: Record<ConferencingApp, string> = {
  [GOOGLE_MEET]: "google-meet",
  [ZOOM]: "zoom",
  [MSTEAMS]: "office365-video",
};
export const CAL_VIDEO_INTEGRATION = "cal-video";

export const isConferencingApp = (app: string): app is ConferencingApp => (CONFERENCING_APPS as readonly string[]).includes(app);
export const isOAuthApp = (app: string): app is OAuthApp => (OAUTH_APPS as readonly string[]).includes(app);
