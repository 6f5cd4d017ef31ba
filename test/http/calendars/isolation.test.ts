// Tenant isolation for calendar credentials: user B can neither see, use, select, disconnect nor write to user
// A's calendar credential; managed users (atoms) work on their own; check needs APPS_READ for OAuth clients.
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { connectApple, createDavCalendar, createDavUser } from "../../helpers/calendars";
import { createManagedUser, createOAuthClient, createPlatformOrganization, createTenant, type Tenant, withDb } from "../../helpers/fixtures";
import { bearer } from "../../helpers/platform";

let owner: Tenant;
let intruder: Tenant;
let credentialId: number;
let calendarUrl: string;

beforeAll(async () => {
  owner = await createTenant();
  intruder = await createTenant();
  const dav = await createDavUser();
  calendarUrl = await createDavCalendar(dav, "private", "Private");
  await connectApple(owner.apiKey, dav);
  const { connectedCalendars } = dataOf<{ connectedCalendars: LooseBody[] }>(await api("/v2/calendars", { key: owner.apiKey }));
  credentialId = connectedCalendars[0].credentialId;
  await api("/v2/selected-calendars", { method: "POST", key: owner.apiKey, body: { integration: "apple_calendar", externalId: calendarUrl, credentialId } });
});

describe("another user and user A's calendar credential", () => {
  it("GET /v2/calendars shows B nothing of A's", async () => {
    const res = await api("/v2/calendars", { key: intruder.apiKey });
    expect(dataOf(res)).toEqual({ connectedCalendars: [], destinationCalendar: {} });
  });

  it("disconnect: 404, and A's credential is still there", async () => {
    const res = await api("/v2/calendars/apple/disconnect", { method: "POST", key: intruder.apiKey, body: { id: credentialId } });
    expect(expectError(res, 404).error.message).toBe("Calendar credentials not found");
    expect(await withDb((db) => db.credential.count({ where: { id: credentialId } }))).toBe(1);
  });

  it("selected calendars: add and delete with A's credential are 404; A's selection is untouched", async () => {
    const body = { integration: "apple_calendar", externalId: calendarUrl, credentialId };
    expect(expectError(await api("/v2/selected-calendars", { method: "POST", key: intruder.apiKey, body }), 404).error.message).toBe(
      "Calendar credentials not found",
    );
    const query = `integration=apple_calendar&externalId=${encodeURIComponent(calendarUrl)}&credentialId=${credentialId}`;
    expectError(await api(`/v2/selected-calendars?${query}`, { method: "DELETE", key: intruder.apiKey }), 404);
    expect(await withDb((db) => db.selectedCalendar.count({ where: { userId: owner.userId } }))).toBe(1);
    expect(await withDb((db) => db.selectedCalendar.count({ where: { userId: intruder.userId } }))).toBe(0);
  });

  it("busy times with A's credential: 401 'These credentials do not belong to you'", async () => {
    const res = await api(
      `/v2/calendars/busy-times?timeZone=UTC&dateFrom=2030-01-01&dateTo=2030-01-02&calendarsToLoad[0][credentialId]=${credentialId}&calendarsToLoad[0][externalId]=${encodeURIComponent(calendarUrl)}`,
      { key: intruder.apiKey },
    );
    expect(expectError(res, 401).error.message).toBe("These credentials do not belong to you");
  });

  it("destination calendar: A's calendar cannot be chosen by B (404); check apple: 400 for B", async () => {
    const res = await api("/v2/destination-calendars", {
      method: "PUT",
      key: intruder.apiKey,
      body: { integration: "apple_calendar", externalId: calendarUrl },
    });
    expect(expectError(res, 404).error.message).toBe(`Could not find calendar ${calendarUrl}`);
    expect(await withDb((db) => db.destinationCalendar.count({ where: { userId: intruder.userId } }))).toBe(0);
    expect(expectError(await api("/v2/calendars/apple/check", { key: intruder.apiKey }), 400).error.message).toBe("Credentials for apple calendar not found.");
  });
});

describe("platform callers", () => {
  it("a managed user connects and lists its own Apple account with its access token", async () => {
    const org = await createPlatformOrganization();
    const managed = await createManagedUser(await createOAuthClient(org.owner.apiKey));
    const dav = await createDavUser();
    await createDavCalendar(dav, "main", "Main");
    const headers = bearer(managed.accessToken);
    expect((await api("/v2/calendars/apple/credentials", { method: "POST", headers, body: dav })).status).toBe(201);
    const { connectedCalendars } = dataOf<{ connectedCalendars: LooseBody[] }>(await api("/v2/calendars", { headers }));
    expect(connectedCalendars.map((c) => c.integration.type)).toEqual(["apple_calendar"]);
    expect((await api("/v2/calendars/apple/check", { headers })).status).toBe(200);
  });

  it("check needs APPS_READ from an OAuth client (Cal.com's PermissionsGuard)", async () => {
    const org = await createPlatformOrganization();
    const limited = await createManagedUser(await createOAuthClient(org.owner.apiKey, { permissions: ["BOOKING_READ"] }));
    const res = await api("/v2/calendars/apple/check", { headers: bearer(limited.accessToken) });
    expect(expectError(res, 403).error.message).toMatch(/^PermissionsGuard - oAuth client with id=.* does not have the required permissions=APPS_READ/);
  });
});
