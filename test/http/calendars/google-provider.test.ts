// Google Calendar (src/calendars/providers/google.ts) against the local Google fake (test/support/google-fake.ts):
// the requests we send (Bearer token, freeBusy body, event bodies), token refresh saved in Cal.com's key format,
// 401 → refresh and retry, 429 → bounded backoff, 5xx → fail closed, invalid_grant → credential invalid, two
// concurrent lookups refreshing once, busy time removing slots and a booking writing an event into Google.
import { describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { withDb } from "../../helpers/fixtures";
import { waitFor, writtenReference } from "../../helpers/booking-events";
import {
  addGoogleBusy,
  connectGoogleDirect,
  createGoogleAccount,
  credentialRow,
  delayGoogleRefresh,
  expireGoogleToken,
  failGoogle,
  googleState,
  revokeGoogle,
} from "../../helpers/google";
import { book, createUtcHost, HOUR, slotsOf, testMonday } from "./busy-helpers";

async function googleHost(keyOverrides: Record<string, unknown> = {}) {
  const host = await createUtcHost();
  const { account, calendarId } = await createGoogleAccount();
  const credentialId = await connectGoogleDirect(host.userId, account, calendarId, keyOverrides);
  return { ...host, account, calendarId, credentialId };
}

const allDay = (monday: number) => [9, 10, 11, 12, 13, 14, 15, 16].map((h) => monday + h * HOUR);

function busyTimes(host: Awaited<ReturnType<typeof googleHost>>) {
  const load = `calendarsToLoad[0][credentialId]=${host.credentialId}&calendarsToLoad[0][externalId]=${encodeURIComponent(host.calendarId)}`;
  return api<{ data: { start: string; end: string; source: string }[] }>(
    `/v2/calendars/busy-times?timeZone=UTC&dateFrom=2030-04-01&dateTo=2030-04-02&${load}`,
    { key: host.apiKey },
  );
}

describe("Google Calendar provider", () => {
  it("GET /v2/calendars lists the account's calendars with a Bearer token", async () => {
    const host = await googleHost();
    const res = await api<{
      data: {
        connectedCalendars: Array<{ credentialId: number; integration: { slug: string }; primary: unknown }>;
        destinationCalendar: Record<string, unknown>;
      };
    }>("/v2/calendars", {
      key: host.apiKey,
    });
    expect(res.status, res.text).toBe(200);
    const [connection] = res.body.data.connectedCalendars;
    expect(connection!.credentialId).toBe(host.credentialId);
    expect(connection!.integration.slug).toBe("google-calendar");
    expect(connection!.primary).toMatchObject({ externalId: host.calendarId, primary: true, isSelected: true, readOnly: false });
    expect(res.body.data.destinationCalendar).toMatchObject({ integration: "google_calendar", externalId: host.calendarId });
    const state = await googleState(host.account);
    const list = state.requests.find((r) => r.path.startsWith("/calendar/v3/users/me/calendarList"))!;
    expect(list.authorization).toBe(`Bearer ${state.currentToken}`);
  });

  it("busy time from Google removes slots, and the freeBusy request names the selected calendar", async () => {
    const host = await googleHost();
    const monday = testMonday();
    await addGoogleBusy(host.account, host.calendarId, monday + 10 * HOUR, monday + 11 * HOUR + 30 * 60_000);
    expect(await slotsOf(`eventTypeId=${host.eventTypeId}`, monday)).toEqual(
      allDay(monday).filter((s) => s !== monday + 10 * HOUR && s !== monday + 11 * HOUR),
    );
    const freeBusy = (await googleState(host.account)).requests.find((r) => r.path === "/calendar/v3/freeBusy")!;
    expect(freeBusy.body).toMatchObject({ items: [{ id: host.calendarId }] });
  });

  it("an expired token (401) is refreshed, saved merged into the key, and the request retried", async () => {
    const host = await googleHost();
    const before = (await credentialRow(host.credentialId)).key as Record<string, unknown>;
    await expireGoogleToken(host.account);
    const res = await busyTimes(host);
    expect(res.status, res.text).toBe(200);
    const state = await googleState(host.account);
    expect(state.refreshes).toBe(1);
    const refresh = state.requests.find((r) => r.path === "/token" && (r.body as Record<string, string>).grant_type === "refresh_token")!;
    expect(refresh.body).toMatchObject({ refresh_token: before.refresh_token, client_id: "test-google-client-id" });
    const after = (await credentialRow(host.credentialId)).key as Record<string, unknown>;
    expect(after.access_token).toBe(state.currentToken);
    expect(after.refresh_token).toBe(before.refresh_token);
    expect(after.expiry_date).toBeGreaterThan(Date.now() + 3_000_000);
    expect(after.expires_in).toBeUndefined();
    const retried = state.requests.filter((r) => r.path === "/calendar/v3/freeBusy").map((r) => r.answeredWith);
    expect(retried).toEqual([401, 200]);
  });

  it("a token past expiry_date is refreshed before the call; two concurrent lookups refresh once and both succeed", async () => {
    const host = await googleHost({ expiry_date: Date.now() - 60_000 });
    await delayGoogleRefresh(host.account, 500);
    const [first, second] = await Promise.all([busyTimes(host), busyTimes(host)]);
    expect(first.status, first.text).toBe(200);
    expect(second.status, second.text).toBe(200);
    const state = await googleState(host.account);
    expect(state.refreshes).toBe(1);
    expect(state.requests.filter((r) => r.path === "/calendar/v3/freeBusy").every((r) => r.answeredWith === 200)).toBe(true);
    expect(((await credentialRow(host.credentialId)).key as Record<string, unknown>).access_token).toBe(state.currentToken);
  });

  it("429 is retried after a bounded backoff; a provider that keeps answering 429 fails closed", async () => {
    const host = await googleHost();
    await failGoogle(host.account, "/freeBusy", 429, 2, 0);
    const res = await busyTimes(host);
    expect(res.status, res.text).toBe(200);
    expect((await googleState(host.account)).requests.filter((r) => r.path === "/calendar/v3/freeBusy").map((r) => r.answeredWith)).toEqual([429, 429, 200]);

    const limited = await googleHost();
    await failGoogle(limited.account, "/freeBusy", 429, 100, 1);
    const started = Date.now();
    expect(await slotsOf(`eventTypeId=${limited.eventTypeId}`, testMonday())).toEqual([]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("5xx fails closed: the host is not offered, and busy-times answers Cal.com's 500", async () => {
    const host = await googleHost();
    await failGoogle(host.account, "/freeBusy", 503, 100);
    expect(await slotsOf(`eventTypeId=${host.eventTypeId}`, testMonday())).toEqual([]);
    const res = await busyTimes(host);
    expect(res.status).toBe(500);
  });

  it("invalid_grant marks the credential invalid, and GET /v2/calendars shows it", async () => {
    const host = await googleHost();
    await revokeGoogle(host.account);
    await expireGoogleToken(host.account);
    const res = await api<{ data: { connectedCalendars: unknown[] } }>("/v2/calendars", { key: host.apiKey });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.connectedCalendars[0]).toMatchObject({ credentialId: host.credentialId, error: { message: "Access token expired or revoked" } });
    expect((await credentialRow(host.credentialId)).invalid).toBe(true);
  });

  it("a booking writes an event into the Google calendar", async () => {
    const host = await googleHost();
    const monday = testMonday();
    const booked = await book(host.eventTypeId, monday + 13 * HOUR);
    expect(booked.status, booked.text).toBe(201);
    const uid = booked.body.data.uid as string;
    const reference = await writtenReference(uid);
    expect(reference).toMatchObject({ type: "google_calendar", externalCalendarId: host.calendarId, credentialId: host.credentialId });
    const state = await waitFor(
      "the Google event",
      () => googleState(host.account),
      (s) => s.events.length === 1,
    );
    const [event] = state.events;
    expect(event!.id).toBe(reference.uid);
    expect(event!.body).toMatchObject({
      start: { dateTime: new Date(monday + 13 * HOUR).toISOString() },
      end: { dateTime: new Date(monday + 14 * HOUR).toISOString() },
    });
    const insert = state.requests.find((r) => r.method === "POST" && r.path.includes("/events"))!;
    expect(insert.path).toContain("sendUpdates=none");
    expect(insert.authorization).toMatch(/^Bearer ya29\./);
  });

  it("a Google Meet event type's booking asks Google for a Meet conference; its link lands in the reference", async () => {
    const host = await googleHost();
    // Set in the database: the API refuses a google-meet location until Google Meet is connected as an app.
    await withDb((db) => db.eventType.update({ where: { id: host.eventTypeId }, data: { locations: [{ type: "integration", integration: "google-meet" }] } }));
    const booked = await book(host.eventTypeId, testMonday() + 15 * HOUR);
    expect(booked.status, booked.text).toBe(201);
    const reference = await writtenReference(booked.body.data.uid as string);
    expect(reference.meetingUrl).toMatch(/^https:\/\/meet\.google\.com\//);
    const insert = (await googleState(host.account)).requests.find((r) => r.method === "POST" && r.path.includes("/events"))!;
    expect(insert.path).toContain("conferenceDataVersion=1");
    expect(insert.body).toMatchObject({ conferenceData: { createRequest: { conferenceSolutionKey: { type: "hangoutsMeet" } } } });
  });
});
