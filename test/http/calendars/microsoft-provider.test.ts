// Office 365 calendars (src/calendars/providers/microsoft.ts) against the Graph part of the local fake
// (test/support/google-fake.ts): OAuth connect/save, paged calendar lists, calendarView busy time (offset-less
// UTC times, `free` events ignored), token refresh with a rotated refresh token, fail closed on 5xx, and a
// booking written as a Graph event with an idempotency transactionId.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { waitFor, writtenReference } from "../../helpers/booking-events";
import { withDb } from "../../helpers/fixtures";
import { addBusyShownAs, createAccountWithCalendars, credentialRow, expireGoogleToken, failGoogle, googleState } from "../../helpers/google";
import { book, createUtcHost, HOUR, slotsOf, testMonday } from "./busy-helpers";

/** Connects an Office 365 account through GET /connect and the /save callback, as a browser would. */
async function connectOffice(names = ["Calendar", "Team"]) {
  const host = await createUtcHost();
  const { account, calendarIds } = await createAccountWithCalendars(names);
  const connect = await api<{ data: { authUrl: string } }>("/v2/calendars/office365/connect?redir=https://app.example.com/back", { key: host.apiKey });
  expect(connect.status, connect.text).toBe(200);
  const state = new URL(connect.body.data.authUrl).searchParams.get("state")!;
  const save = await exports.default.fetch(
    new Request(`http://api.test/v2/calendars/office365/save?state=${encodeURIComponent(state)}&code=code-${account}`, { redirect: "manual" }),
  );
  expect(save.status, await save.text()).toBe(301);
  expect(save.headers.get("location")).toBe("https://app.example.com/back");
  const credential = await withDb((db) => db.credential.findFirstOrThrow({ where: { userId: host.userId, type: "office365_calendar" } }));
  return { ...host, account, calendarIds, credentialId: credential.id };
}

const allDay = (monday: number) => [9, 10, 11, 12, 13, 14, 15, 16].map((h) => monday + h * HOUR);

describe("Office 365 calendar provider", () => {
  it("save stores the token JSON and selects the default calendar; GET /v2/calendars pages through /me/calendars", async () => {
    const host = await connectOffice();
    const state = await googleState(host.account);
    const exchange = state.requests.find((r) => r.path === "/token")!;
    expect(exchange.body).toMatchObject({
      grant_type: "authorization_code",
      client_id: "test-ms-client-id",
      scope: "User.Read Calendars.Read Calendars.ReadWrite offline_access",
    });
    const credential = await credentialRow(host.credentialId);
    expect(credential.appId).toBe("office365-calendar");
    expect(credential.key).toMatchObject({ access_token: expect.stringMatching(/^ya29\./), refresh_token: `rt.${host.account}` });
    const selected = await withDb((db) => db.selectedCalendar.findMany({ where: { userId: host.userId } }));
    expect(selected.map((s) => [s.integration, s.externalId])).toEqual([["office365_calendar", host.calendarIds[0]]]);

    const res = await api<{ data: { connectedCalendars: { calendars: { externalId: string; primary: boolean | null; isSelected: boolean }[] }[] } }>(
      "/v2/calendars",
      { key: host.apiKey },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.connectedCalendars[0]!.calendars.map((c) => [c.externalId, c.primary, c.isSelected])).toEqual([
      [host.calendarIds[0], true, true],
      [host.calendarIds[1], null, false],
    ]);
    const graphCalls = (await googleState(host.account)).requests.filter((r) => r.path.startsWith("/v1.0/me/calendars"));
    expect(graphCalls.length).toBe(2);
    expect(graphCalls.every((r) => r.authorization === `Bearer ${state.currentToken}`)).toBe(true);
  });

  it("busy events remove slots, free ones do not; an expired token is refreshed (Microsoft grant and scope) and saved", async () => {
    const host = await connectOffice(["Calendar"]);
    const monday = testMonday();
    await addBusyShownAs(host.account, host.calendarIds[0]!, monday + 10 * HOUR, monday + 11 * HOUR, "busy");
    await addBusyShownAs(host.account, host.calendarIds[0]!, monday + 12 * HOUR, monday + 13 * HOUR, "free");
    await expireGoogleToken(host.account);
    expect(await slotsOf(`eventTypeId=${host.eventTypeId}`, monday)).toEqual(allDay(monday).filter((s) => s !== monday + 10 * HOUR));
    const state = await googleState(host.account);
    expect(state.refreshes).toBe(1);
    const refresh = state.requests.find((r) => r.path === "/token" && (r.body as Record<string, string>).grant_type === "refresh_token")!;
    expect(refresh.body).toMatchObject({ scope: "User.Read Calendars.Read Calendars.ReadWrite", client_id: "test-ms-client-id" });
    const view = state.requests.find((r) => r.path.includes("/calendarView") && r.answeredWith === 200)!;
    expect(decodeURIComponent(view.path)).toContain("$select=showAs,start,end");
    expect(((await credentialRow(host.credentialId)).key as Record<string, unknown>).access_token).toBe(state.currentToken);
  });

  it("a Graph 5xx fails closed: the host offers nothing", async () => {
    const host = await connectOffice(["Calendar"]);
    await failGoogle(host.account, "/calendarView", 503, 100);
    expect(await slotsOf(`eventTypeId=${host.eventTypeId}`, testMonday())).toEqual([]);
  });

  it("a booking writes a Graph event into the selected calendar with a transactionId", async () => {
    const host = await connectOffice(["Calendar"]);
    const monday = testMonday();
    const booked = await book(host.eventTypeId, monday + 14 * HOUR);
    expect(booked.status, booked.text).toBe(201);
    const reference = await writtenReference(booked.body.data.uid as string);
    expect(reference).toMatchObject({ type: "office365_calendar", externalCalendarId: host.calendarIds[0], credentialId: host.credentialId });
    const state = await waitFor(
      "the Graph event",
      () => googleState(host.account),
      (s) => s.events.length === 1,
    );
    const [event] = state.events;
    expect(event!.id).toBe(reference.uid);
    expect(event!.body).toMatchObject({
      transactionId: expect.any(String),
      start: { dateTime: new Date(monday + 14 * HOUR).toISOString(), timeZone: "UTC" },
      end: { dateTime: new Date(monday + 15 * HOUR).toISOString(), timeZone: "UTC" },
    });
  });
});
