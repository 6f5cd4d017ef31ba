// Google Calendar test helpers: accounts on the local Google fake (test/support/google-fake.ts) and connecting
// them to a user as Cal.com stores a google_calendar credential (the token JSON with expiry_date in ms).
import { env, exports } from "cloudflare:workers";
import { api } from "./api";
import { unique, withDb } from "./fixtures";

const bindings = env as unknown as Record<string, unknown> & { TEST_GOOGLE_FAKE_URL: string };
export const googleFakeUrl = () => bindings.TEST_GOOGLE_FAKE_URL;

export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
  answeredWith: number;
}

export interface FakeState {
  requests: FakeRequest[];
  events: { id: string; calendarId: string; body: Record<string, unknown> }[];
  refreshes: number;
  currentToken: string | null;
  channels: { id: string; calendarId: string; resourceId: string | null; address: string; token: string; expiration: number; stopped: boolean }[];
}

async function control(path: string, body: unknown = {}): Promise<void> {
  const res = await fetch(`${googleFakeUrl()}/__test/accounts${path}`, { method: "POST", body: JSON.stringify(body) });
  if (res.status !== 201 && res.status !== 204) throw new Error(`google fake ${path}: ${res.status}`);
}

/** A new Google account with one primary calendar `<account>@gmail.test`. */
export async function createGoogleAccount(): Promise<{ account: string; calendarId: string }> {
  const account = unique("g")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "");
  await control("", { account });
  return { account, calendarId: `${account}@gmail.test` };
}

export const googleState = async (account: string): Promise<FakeState> =>
  (await fetch(`${googleFakeUrl()}/__test/accounts/${account}`)).json() as Promise<FakeState>;
export const addGoogleBusy = (account: string, calendarId: string, start: number, end: number) =>
  control(`/${account}/busy`, { calendarId, start: new Date(start).toISOString(), end: new Date(end).toISOString() });
export const failGoogle = (account: string, path: string, status: number, times: number, retryAfter?: number) =>
  control(`/${account}/fail`, { path, status, times, retryAfter });
export const expireGoogleToken = (account: string) => control(`/${account}/expire`);
export const revokeGoogle = (account: string) => control(`/${account}/revoke`);
/** Stores an event on the fake as Google answers it (with `id`, `status`, `organizer`, conference data…). */
export const putGoogleEvent = (account: string, calendarId: string, event: Record<string, unknown> & { id: string }) =>
  control(`/${account}/event`, { calendarId, event });
export const delayGoogleRefresh = (account: string, ms: number) => control(`/${account}/refresh-delay`, { ms });

/** Exchanges the fake's authorization code for tokens, as the OAuth callback does. */
export async function googleTokens(account: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${googleFakeUrl()}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: `code-${account}`,
      client_id: "test-google-client-id",
      client_secret: "test-google-client-secret",
    }).toString(),
  });
  if (!res.ok) throw new Error(`token: ${res.status}`);
  const { expires_in, ...token } = (await res.json()) as Record<string, unknown>;
  return { ...token, expiry_date: Date.now() + Number(expires_in) * 1000 };
}

/** Stores a google_calendar credential for `userId` (Cal.com's key JSON) and selects the primary calendar. */
export async function connectGoogleDirect(userId: number, account: string, calendarId: string, keyOverrides: Record<string, unknown> = {}): Promise<number> {
  const key = { ...(await googleTokens(account)), ...keyOverrides };
  return withDb(async (db) => {
    const credential = await db.credential.create({ data: { type: "google_calendar", key: key as object, userId, appId: "google-calendar" } });
    await db.selectedCalendar.create({ data: { userId, integration: "google_calendar", externalId: calendarId, credentialId: credential.id } });
    return credential.id;
  });
}

export const credentialRow = (id: number) => withDb((db) => db.credential.findUniqueOrThrow({ where: { id } }));

/** An account with the given calendars (the first primary), e.g. for Microsoft's paged /me/calendars. */
export async function createAccountWithCalendars(names: string[]): Promise<{ account: string; calendarIds: string[] }> {
  const account = unique("m")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "");
  const calendars = names.map((name, index) => ({ id: `${account}-${name}`, summary: name, primary: index === 0, accessRole: "owner" }));
  await control("", { account, calendars });
  return { account, calendarIds: calendars.map((calendar) => calendar.id) };
}

export const addBusyShownAs = (account: string, calendarId: string, start: number, end: number, showAs: string) =>
  control(`/${account}/busy`, { calendarId, start: new Date(start).toISOString(), end: new Date(end).toISOString(), showAs });

/** Connects a fake Office 365 account to the caller as a browser would: GET …/office365/connect, then the /save callback. */
export async function connectOfficeThroughSave(apiKey: string, account: string): Promise<void> {
  const connect = await api<{ data: { authUrl: string } }>("/v2/calendars/office365/connect?redir=https://app.example.com/back", { key: apiKey });
  if (connect.status !== 200) throw new Error(`office365 connect: ${connect.status} ${connect.text}`);
  const state = new URL(connect.body.data.authUrl).searchParams.get("state")!;
  const save = await exports.default.fetch(
    new Request(`http://api.test/v2/calendars/office365/save?state=${encodeURIComponent(state)}&code=code-${account}`, { redirect: "manual" }),
  );
  if (save.status !== 301) throw new Error(`office365 save: ${save.status} ${await save.text()}`);
}
