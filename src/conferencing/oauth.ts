// The OAuth apps' authorize URLs and code exchanges (Cal.com's zoom-video.service.ts and office365-video.service.ts),
// against configurable base URLs (ZOOM_OAUTH_URL, MSTEAMS_OAUTH_URL, MSTEAMS_GRAPH_URL) with plain fetch.
import type { Deps } from "../services";
import { MSTEAMS, type OAuthApp, ZOOM } from "./apps";
import { oauthAppNotConfigured, VideoProviderError } from "./errors";
import type { OAuthKey } from "./key";

const MSTEAMS_SCOPES = "OnlineMeetings.ReadWrite offline_access";

export function zoomClient(deps: Deps): { id: string; secret: string } {
  const { ZOOM_CLIENT_ID: id, ZOOM_CLIENT_SECRET: secret } = deps.env;
  if (!id || !secret) throw oauthAppNotConfigured("zoom");
  return { id, secret };
}

export function teamsClient(deps: Deps): { id: string; secret: string } {
  const { MSTEAMS_CLIENT_ID: id, MSTEAMS_CLIENT_SECRET: secret } = deps.env;
  if (!id || !secret) throw oauthAppNotConfigured("msteams");
  return { id, secret };
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");
export const basicAuth = (client: { id: string; secret: string }) => `Basic ${btoa(`${client.id}:${client.secret}`)}`;

/** The provider's authorize URL for `app`, carrying our signed state. */
export function authorizeUrl(deps: Deps, app: OAuthApp, state: string, redirectUri: string): string {
  if (app === ZOOM) {
    const params = new URLSearchParams({ response_type: "code", client_id: zoomClient(deps).id, redirect_uri: redirectUri, state });
    return `${trimSlash(deps.env.ZOOM_OAUTH_URL)}/oauth/authorize?${params}`;
  }
  const params = new URLSearchParams({ response_type: "code", scope: MSTEAMS_SCOPES, client_id: teamsClient(deps).id, redirect_uri: redirectUri, state });
  return `${trimSlash(deps.env.MSTEAMS_OAUTH_URL)}/oauth2/v2.0/authorize?${params}`;
}

async function fetchWithTimeout(deps: Deps, url: string, init: RequestInit): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(deps.env.VIDEO_TIMEOUT_MS) });
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Exchanges the authorization code for the key Cal.com stores for `app`. A refusal is a VideoProviderError. */
export async function exchangeCode(deps: Deps, app: OAuthApp, code: string, redirectUri: string): Promise<OAuthKey> {
  if (app === ZOOM) {
    const params = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri });
    const response = await fetchWithTimeout(deps, `${trimSlash(deps.env.ZOOM_OAUTH_URL)}/oauth/token?${params}`, {
      method: "POST",
      headers: { Authorization: basicAuth(zoomClient(deps)) },
    });
    const body = await readJson(response);
    if (response.status !== 200 || body.error || typeof body.access_token !== "string") {
      throw new VideoProviderError("zoom", response.status, String(body.error ?? "Something is wrong with Zoom API"));
    }
    const { expires_in, ...rest } = body;
    return { ...rest, access_token: body.access_token, expiry_date: Math.round(deps.now() + Number(expires_in ?? 3600) * 1000) };
  }
  // Microsoft: token endpoint (form body), then Graph /me for the account's email, as Cal.com stores it.
  const client = teamsClient(deps);
  const response = await fetchWithTimeout(deps, `${trimSlash(deps.env.MSTEAMS_OAUTH_URL)}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: client.id,
      client_secret: client.secret,
      grant_type: "authorization_code",
      code,
      scope: MSTEAMS_SCOPES,
      redirect_uri: redirectUri,
    }),
  });
  const body = await readJson(response);
  if (response.status !== 200 || body.error || typeof body.access_token !== "string") {
    throw new VideoProviderError(MSTEAMS, response.status, String(body.error ?? "Something is wrong with Microsoft API"));
  }
  const me = await fetchWithTimeout(deps, `${trimSlash(deps.env.MSTEAMS_GRAPH_URL)}/v1.0/me`, { headers: { Authorization: `Bearer ${body.access_token}` } });
  const profile = await readJson(me);
  if (!me.ok) throw new VideoProviderError(MSTEAMS, me.status, "Could not read the Microsoft account");
  const { expires_in, ...rest } = body;
  return {
    ...rest,
    access_token: body.access_token,
    email: profile.mail ?? profile.userPrincipalName,
    expiry_date: Math.round(deps.now() / 1000 + Number(expires_in ?? 3600)),
  };
}
