// Connecting Google (and starting Office 365) calendars over OAuth: GET /v2/calendars/{calendar}/connect answers
// the consent URL with a signed state; GET /v2/calendars/{calendar}/save (the provider's redirect) verifies it,
// exchanges the code with the Google fake (test/support/google-fake.ts), stores Cal.com's key JSON and selects
// the primary calendar, then 301s back.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectError } from "../../helpers/api";
import { withDb } from "../../helpers/fixtures";
import { createGoogleAccount, googleFakeUrl, googleState } from "../../helpers/google";
import { createUtcHost } from "./busy-helpers";

async function connectUrl(apiKey: string, calendar: string, query = "redir=https://app.example.com/done") {
  const res = await api<{ status: string; data: { authUrl: string } }>(`/v2/calendars/${calendar}/connect?${query}`, { key: apiKey });
  expect(res.status, res.text).toBe(200);
  return new URL(res.body.data.authUrl);
}

/** The OAuth callback as the browser reaches it (unauthenticated), without following its redirect. */
async function callback(path: string) {
  const response = await exports.default.fetch(new Request(`http://api.test${path}`, { redirect: "manual" }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

describe("Google OAuth connect", () => {
  it("connect answers Google's consent URL with our client, scopes, redirect and a signed state", async () => {
    const host = await createUtcHost();
    const url = await connectUrl(host.apiKey, "google");
    expect(url.origin + url.pathname).toBe(`${googleFakeUrl()}/o/oauth2/v2/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: "test-google-client-id",
      access_type: "offline",
      prompt: "consent",
      response_type: "code",
      scope: "https://www.googleapis.com/auth/calendar.readonly https://www.googleapis.com/auth/calendar.events",
      redirect_uri: "http://api.test/v2/calendars/google/save",
    });
    expect(url.searchParams.get("state")).toMatch(/^[\w-]+\.[\w-]+$/);
    // The state carries no credential of the caller.
    expect(url.searchParams.get("state")).not.toContain(host.apiKey);
  });

  it("an unknown calendar is Cal.com's 400; office365 answers Microsoft's consent URL", async () => {
    const host = await createUtcHost();
    const refused = expectError(await api("/v2/calendars/apple/connect", { key: host.apiKey }), 400);
    expect(refused.error.message).toBe("Invalid calendar type, available calendars are: ");
    const office = await connectUrl(host.apiKey, "office365");
    expect(office.origin + office.pathname).toBe(`${googleFakeUrl()}/common/oauth2/v2.0/authorize`);
    expect(Object.fromEntries(office.searchParams)).toMatchObject({
      client_id: "test-ms-client-id",
      scope: "User.Read Calendars.Read Calendars.ReadWrite offline_access",
      prompt: "select_account",
      redirect_uri: "http://api.test/v2/calendars/office365/save",
    });
  });

  it("save exchanges the code, stores the token JSON, selects the primary calendar and 301s to redir", async () => {
    const host = await createUtcHost();
    const { account, calendarId } = await createGoogleAccount();
    const state = (await connectUrl(host.apiKey, "google")).searchParams.get("state")!;
    const res = await callback(`/v2/calendars/google/save?state=${encodeURIComponent(state)}&code=code-${account}`);
    expect(res.status, res.text).toBe(301);
    expect(res.headers.get("location")).toBe("https://app.example.com/done");

    const exchange = (await googleState(account)).requests.find((r) => r.path === "/token")!;
    expect(exchange.body).toMatchObject({
      grant_type: "authorization_code",
      code: `code-${account}`,
      redirect_uri: "http://api.test/v2/calendars/google/save",
    });
    const [credential, selected] = await withDb((db) =>
      Promise.all([
        db.credential.findFirstOrThrow({ where: { userId: host.userId, type: "google_calendar" } }),
        db.selectedCalendar.findMany({ where: { userId: host.userId } }),
      ]),
    );
    const key = credential.key as Record<string, unknown>;
    expect(key).toMatchObject({ access_token: expect.stringMatching(/^ya29\./), refresh_token: `rt.${account}`, token_type: "Bearer" });
    expect(key.expiry_date).toBeGreaterThan(Date.now() + 3_000_000);
    expect(key.expires_in).toBeUndefined();
    expect(credential.appId).toBe("google-calendar");
    expect(selected).toEqual([
      expect.objectContaining({ integration: "google_calendar", externalId: calendarId, credentialId: credential.id, eventTypeId: null }),
    ]);

    const calendars = await api<{ data: { connectedCalendars: { credentialId: number }[]; destinationCalendar: Record<string, unknown> } }>("/v2/calendars", {
      key: host.apiKey,
    });
    expect(calendars.body.data.connectedCalendars.map((c) => c.credentialId)).toEqual([credential.id]);
    expect(calendars.body.data.destinationCalendar).toMatchObject({ integration: "google_calendar", externalId: calendarId, credentialId: credential.id });

    // The same account connected again: the existing (valid) credential is kept, no second one is made.
    const again = (await connectUrl(host.apiKey, "google")).searchParams.get("state")!;
    expect((await callback(`/v2/calendars/google/save?state=${encodeURIComponent(again)}&code=code-${account}`)).status).toBe(301);
    expect(await withDb((db) => db.credential.count({ where: { userId: host.userId, type: "google_calendar" } }))).toBe(1);
  });

  it("a tampered or foreign state is refused; a dry run or a missing code saves nothing", async () => {
    const host = await createUtcHost();
    const { account } = await createGoogleAccount();
    const state = (await connectUrl(host.apiKey, "google")).searchParams.get("state")!;
    const [body, signature] = state.split(".");
    const forged = `${btoa(JSON.stringify({ u: 1, c: "google", o: "x", e: Date.now() + 60_000 })).replace(/=+$/, "")}.${signature}`;
    expect((await callback(`/v2/calendars/google/save?state=${encodeURIComponent(forged)}&code=code-${account}`)).status).toBe(400);
    expect((await callback(`/v2/calendars/google/save?state=${body}.AAAA&code=code-${account}`)).status).toBe(400);
    // A Google state is not accepted by the Office 365 callback.
    expect((await callback(`/v2/calendars/office365/save?state=${encodeURIComponent(state)}&code=code-${account}`)).status).toBe(400);

    const noCode = await callback(`/v2/calendars/google/save?state=${encodeURIComponent(state)}`);
    expect(noCode.status).toBe(301);
    const dry = (await connectUrl(host.apiKey, "google", "isDryRun=true&redir=https://app.example.com/dry")).searchParams.get("state")!;
    const dryRun = await callback(`/v2/calendars/google/save?state=${encodeURIComponent(dry)}&code=code-${account}`);
    expect(dryRun.status).toBe(301);
    expect(dryRun.headers.get("location")).toBe("https://app.example.com/dry");
    expect(await withDb((db) => db.credential.count({ where: { userId: host.userId } }))).toBe(0);
  });
});
