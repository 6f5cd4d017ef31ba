// Conferencing test helpers: the video fakes (test/support/video-fakes.ts) and the OAuth round trip as a browser
// would make it (auth-url → provider → our callback with the state and a code the test chooses).
import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import { type ApiResult, api, dataOf, type LooseBody, parseBody } from "./api";
import { withDb } from "./fixtures";

const bindings = env as unknown as Record<string, string>;
export const videoFakesUrl = () => bindings.TEST_VIDEO_FAKES_URL;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  answeredWith: number;
}

/** What the fakes received whose path, Authorization or body contains `needle`. */
export async function received(needle: string): Promise<RecordedRequest[]> {
  const res = await fetch(`${videoFakesUrl()}/received?contains=${encodeURIComponent(needle)}`);
  return ((await res.json()) as { requests: RecordedRequest[] }).requests;
}

/** The `state` of an auth URL answered by GET …/oauth/auth-url. */
export function stateOf(authUrl: string): string {
  const state = new URL(authUrl).searchParams.get("state");
  expect(state).toBeTruthy();
  return state!;
}

/** GET …/{app}/oauth/auth-url under `prefix` (user: /v2/conferencing; team: /v2/organizations/O/teams/T/conferencing). */
export async function authUrl(
  apiKey: string,
  app: string,
  prefix = "/v2/conferencing",
  query = "?returnTo=https://app.example.com/ok&onErrorReturnTo=https://app.example.com/failed",
) {
  return dataOf<{ url: string }>(await api(`${prefix}/${app}/oauth/auth-url${query}`, { key: apiKey })).url;
}

/** A GET whose redirect is answered, not followed (the Worker's fetch follows redirects by default). */
export async function getNoFollow(path: string, key?: string): Promise<ApiResult<LooseBody>> {
  const headers = new Headers(key ? { authorization: `Bearer ${key}` } : {});
  const response = await exports.default.fetch(new Request(`http://api.test${path}`, { headers, redirect: "manual" }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseBody(text), text };
}

/** The provider's redirect back to our (public) callback. */
export function callback(app: string, params: Record<string, string>) {
  return getNoFollow(`/v2/conferencing/${app}/oauth/callback?${new URLSearchParams(params)}`);
}

/** Connects Zoom for the key's owner (or a team, with `prefix`) through the whole round trip with `code`. */
export async function connectZoom(apiKey: string, code: string, prefix?: string) {
  const state = stateOf(await authUrl(apiKey, "zoom", prefix));
  const res = await callback("zoom", { state, code });
  expect(res.status, res.text).toBe(301);
  expect(res.headers.get("location")).toBe("https://app.example.com/ok");
}

export const credentialsOf = (where: { userId?: number; teamId?: number }) =>
  withDb((db) => db.credential.findMany({ where: { ...where, type: { endsWith: "_video" } }, orderBy: { id: "asc" } }));
