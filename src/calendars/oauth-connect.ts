// OAuth connection of Google and Office 365 calendars (Cal.com's CalendarsController.redirect / save,
// apps/api/v2/src/ee/calendars/services/{gcal,outlook}.service.ts):
//
// - GET /v2/calendars/{google|office365}/connect answers the provider's consent URL. Cal.com puts the caller's raw
//   bearer token into `state`; here `state` is a signed, expiring statement {user, origin, redir, isDryRun}
//   (HMAC-SHA256 with a key derived from CALENDSO_ENCRYPTION_KEY), so no credential travels through the browser
//   and the callback cannot be replayed for another user or after an hour. `state` is opaque to clients, so this
//   is wire-compatible.
// - GET /v2/calendars/{calendar}/save is the provider's redirect target (unauthenticated): it verifies `state`,
//   exchanges the code, reads the account's primary calendar and stores the credential (key = Cal.com's token
//   JSON; Google with `expiry_date` in ms, Office 365 as received) with a user-level SelectedCalendar for the
//   primary only. As in Cal.com, when that primary is already selected the existing credential is replaced only
//   if it is `invalid`. The destination calendar is then set by GET /v2/calendars's repair (Cal.com's rule).
//   Answers a 301 to `redir`, else the origin the flow started from. Dry runs and a missing code save nothing.
import { ApiError, badRequest, unauthorized } from "../errors";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { invalidateConnectedCalendars } from "./connected";
import { ensureCalendarChannels } from "./notifications/channels";
import { invalidCalendarType } from "./errors";
import type { ProviderCalendar } from "./provider";
import { appOAuthClient, GOOGLE_SCOPES, googleApiClient, googleOAuthClient, googleTokenUrl, postTokenForm, staticTokenSource } from "./providers/google";
import { OFFICE_SCOPES, officeOAuthBase as officeBase, officeOAuthClient } from "./providers/microsoft";
import { tokenToKeyFields } from "./providers/oauth";

export const OAUTH_CALENDARS = ["google", "office365"] as const;
type OAuthCalendar = (typeof OAUTH_CALENDARS)[number];

const STATE_TTL_MS = 60 * 60_000;

interface StatePayload {
  /** user id */
  u: number;
  /** calendar */
  c: OAuthCalendar;
  /** origin the flow started from */
  o: string;
  r?: string;
  d?: boolean;
  /** expiry, epoch ms */
  e: number;
}

const isOAuthCalendar = (calendar: string): calendar is OAuthCalendar => (OAUTH_CALENDARS as readonly string[]).includes(calendar);

const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function stateKey(deps: Deps): Promise<CryptoKey> {
  const secret = deps.env.CALENDSO_ENCRYPTION_KEY;
  if (!secret) throw new ApiError("InternalServerErrorException", "CALENDSO_ENCRYPTION_KEY is not configured");
  return crypto.subtle.importKey("raw", new TextEncoder().encode(`calendar-oauth-state:${secret}`), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

async function signState(deps: Deps, payload: StatePayload): Promise<string> {
  const body = base64Url(new TextEncoder().encode(JSON.stringify(payload)));
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await stateKey(deps), new TextEncoder().encode(body)));
  return `${body}.${base64Url(signature)}`;
}

const invalidState = () => badRequest("Invalid state");

async function verifyState(deps: Deps, state: string, calendar: OAuthCalendar): Promise<StatePayload> {
  const [body, signature, extra] = state.split(".");
  if (!body || !signature || extra !== undefined) throw invalidState();
  let valid = false;
  try {
    valid = await crypto.subtle.verify("HMAC", await stateKey(deps), fromBase64Url(signature), new TextEncoder().encode(body));
  } catch {
    valid = false;
  }
  if (!valid) throw invalidState();
  const payload = JSON.parse(new TextDecoder().decode(fromBase64Url(body))) as StatePayload;
  if (payload.c !== calendar || typeof payload.u !== "number" || payload.e < deps.now()) throw invalidState();
  return payload;
}

const redirectUri = (apiBase: string, calendar: OAuthCalendar) => `${apiBase.replace(/\/$/, "")}/v2/calendars/${calendar}/save`;

const notConfigured = (calendar: OAuthCalendar) =>
  badRequest(`${calendar === "google" ? "Google" : "Office 365"} calendar OAuth client is not configured on this server`);

export interface ConnectInput {
  calendar: string;
  redir?: string;
  isDryRun?: boolean;
  /** The Origin header, else the Host (Cal.com's choice: possibly scheme-less). */
  origin: string;
  /** This API's public base URL when API_URL is unset (the request's origin). */
  requestBase: string;
}

/** GET /v2/calendars/{calendar}/connect: the consent URL with a signed state. */
export async function calendarConnectUrl(deps: Deps, actor: Actor, input: ConnectInput): Promise<{ authUrl: string }> {
  const { calendar } = input;
  if (!isOAuthCalendar(calendar)) throw invalidCalendarType();
  const client = calendar === "google" ? await googleOAuthClient(deps) : await officeOAuthClient(deps);
  if (!client) throw notConfigured(calendar);
  const state = await signState(deps, {
    u: actor.userId,
    c: calendar,
    o: input.origin,
    ...(input.redir ? { r: input.redir } : {}),
    ...(input.isDryRun ? { d: true } : {}),
    e: deps.now() + STATE_TTL_MS,
  });
  const redirect = redirectUri(deps.env.API_URL ?? input.requestBase, calendar);
  const url = calendar === "google" ? new URL(deps.env.GOOGLE_AUTH_URL) : new URL(`${officeBase(deps)}/authorize`);
  const params =
    calendar === "google"
      ? {
          access_type: "offline",
          scope: GOOGLE_SCOPES.join(" "),
          prompt: "consent",
          response_type: "code",
          client_id: client.clientId,
          redirect_uri: redirect,
          state,
        }
      : { response_type: "code", scope: OFFICE_SCOPES.join(" "), client_id: client.clientId, prompt: "select_account", redirect_uri: redirect, state };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return { authUrl: url.href };
}

export interface SaveInput {
  calendar: string;
  state?: string;
  code?: string;
  requestBase: string;
}

function redirectTarget(payload: StatePayload): string {
  return payload.r || payload.o;
}

async function googlePrimary(deps: Deps, accessToken: string): Promise<ProviderCalendar> {
  // The provider's listCalendars over a token that is not stored yet (no refresh needed: it was just issued).
  const request = googleApiClient(deps, staticTokenSource(accessToken));
  const response = await request("GET", "/users/me/calendarList");
  if (!response.ok) throw badRequest("Could not read the Google calendars of this account");
  const body = (await response.json()) as { items?: { id: string; summary?: string; primary?: boolean; accessRole?: string }[] };
  const items = body.items ?? [];
  const primary = items.find((item) => item.primary) ?? items[0];
  if (!primary) throw badRequest("No primary calendar found");
  return { externalId: primary.id, name: primary.summary ?? "", primary: true, readOnly: false, email: primary.id };
}

async function officePrimary(deps: Deps, accessToken: string): Promise<ProviderCalendar> {
  const response = await fetch(`${deps.env.MICROSOFT_GRAPH_URL.replace(/\/$/, "")}/v1.0/me/calendar`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    signal: AbortSignal.timeout(15_000),
  }).catch(() => null);
  if (!response?.ok) throw badRequest("Could not read the Office 365 calendar of this account");
  const body = (await response.json()) as { id?: string; name?: string; owner?: { address?: string } };
  if (!body.id) throw badRequest("No primary calendar found");
  return { externalId: body.id, name: body.name ?? "", primary: true, readOnly: false, email: body.owner?.address ?? null };
}

/** GET /v2/calendars/{calendar}/save: the URL to redirect (301) to. */
export async function saveCalendarOAuth(deps: Deps, input: SaveInput): Promise<string> {
  const { calendar } = input;
  if (!isOAuthCalendar(calendar)) throw invalidCalendarType();
  if (!input.state) throw invalidState();
  const payload = await verifyState(deps, input.state, calendar);
  if (!input.code || input.code === "undefined" || payload.d) return redirectTarget(payload);
  const user = await deps.db.user.findUnique({ where: { id: payload.u }, select: { id: true } });
  if (!user) throw unauthorized("Invalid Access token.");

  const client = calendar === "google" ? await googleOAuthClient(deps) : await officeOAuthClient(deps);
  if (!client) throw notConfigured(calendar);
  const redirect = redirectUri(deps.env.API_URL ?? input.requestBase, calendar);
  const exchanged = await postTokenForm(calendar === "google" ? googleTokenUrl(deps) : `${officeBase(deps)}/token`, {
    grant_type: "authorization_code",
    code: input.code,
    redirect_uri: redirect,
    client_id: client.clientId,
    client_secret: client.clientSecret,
    ...(calendar === "office365" ? { scope: OFFICE_SCOPES.join(" ") } : {}),
  });
  if (!exchanged.ok) throw badRequest("Could not exchange the authorization code");
  // Google: Cal.com stores googleapis' tokens (expiry_date in ms). Office 365 via v2: the response as received,
  // with expiry_date added here so the first use does not refresh needlessly.
  const key = { ...tokenToKeyFields(exchanged.token, deps.now()) };
  const accessToken = String(exchanged.token.access_token);
  const primary = calendar === "google" ? await googlePrimary(deps, accessToken) : await officePrimary(deps, accessToken);

  const type = calendar === "google" ? "google_calendar" : "office365_calendar";
  const appId = calendar === "google" ? "google-calendar" : "office365-calendar";
  const existing = await deps.db.selectedCalendar.findFirst({
    where: { userId: user.id, integration: type, externalId: primary.externalId, eventTypeId: null },
    include: { credential: true },
  });
  if (existing?.credential) {
    // Cal.com: an existing selection keeps its credential unless that one is invalid (then it is replaced).
    if (existing.credential.invalid) {
      await deps.db.credential.update({ where: { id: existing.credential.id }, data: { key: key as object, invalid: false } });
    }
  } else {
    await deps.txDb.$transaction(async (tx) => {
      const credential = await tx.credential.create({ data: { type, key: key as object, userId: user.id, appId } });
      if (existing) await tx.selectedCalendar.update({ where: { id: existing.id }, data: { credentialId: credential.id } });
      else await tx.selectedCalendar.create({ data: { userId: user.id, integration: type, externalId: primary.externalId, credentialId: credential.id } });
    });
  }
  await invalidateConnectedCalendars(deps, user.id);
  deps.afterResponse(ensureCalendarChannels(deps, { userId: user.id }));
  deps.logger.info("calendar connected", { userId: user.id, type });
  return redirectTarget(payload);
}
