// Apple calendars end to end against a real CalDAV server (Radicale, test/support/radicale.ts): connect with a
// username/password, list, check, select, busy times (single and recurring events), destination, disconnect.
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError, expectSuccess, type LooseBody } from "../../helpers/api";
import { connectApple, createDavCalendar, createDavUser, type DavUser, putDavEvent, vevent } from "../../helpers/calendars";
import { contractProblems } from "../../helpers/contract";
import { createTenant, type Tenant, unique, withDb } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { symmetricEncrypt } from "../../../src/credentials/encryption";

// vitest.config.ts's test-only CALENDSO_ENCRYPTION_KEY.
const ENCRYPTION_KEY = "test-encryption-key-0123456789ab";

// The document's DestinationCalendar marks fields required that Cal.com leaves out with nothing connected (`{}`).
const ignoreEmptyDestination = (problems: string[]) => problems.filter((p) => !p.startsWith("body.data.destinationCalendar."));

let tenant: Tenant;
let dav: DavUser;
let workUrl: string;
let homeUrl: string;

beforeAll(async () => {
  tenant = await createTenant();
  dav = await createDavUser();
  workUrl = await createDavCalendar(dav, "work", "Work");
  homeUrl = await createDavCalendar(dav, "home", "Home");
  // A task list is not a calendar to book into: never listed.
  await createDavCalendar(dav, "tasks", "Tasks", "VTODO");
  // 2030-01-08 10:00–11:00 UTC, and a weekly 09:00–09:30 UTC series on Saturdays from 2029-12-01 (10 times).
  await putDavEvent(dav, workUrl, "single-event", vevent("single-event", "2030-01-08T10:00:00Z", "2030-01-08T11:00:00Z"));
  await putDavEvent(dav, homeUrl, "weekly-event", vevent("weekly-event", "2029-12-01T09:00:00Z", "2029-12-01T09:30:00Z", ["RRULE:FREQ=WEEKLY;COUNT=10"]));
});

const calendars = async (key = tenant.apiKey) => {
  const res = await api("/v2/calendars", { key });
  expect(ignoreEmptyDestination(contractProblems("CalendarsController_getCalendars", 200, res.body))).toEqual([]);
  return dataOf<{ connectedCalendars: LooseBody[]; destinationCalendar: LooseBody }>(res);
};

describe("POST /v2/calendars/{calendar}/credentials", () => {
  itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/calendars/apple/credentials", method: "POST", body: { username: "a", password: "b" } }));

  it("400 with Cal.com's message when CalDAV refuses the password; nothing is stored", async () => {
    const res = await api("/v2/calendars/apple/credentials", {
      method: "POST",
      key: tenant.apiKey,
      body: { username: dav.username, password: "wrong-password" },
    });
    const { error } = expectError(res, 400, "BadRequestException");
    expect(error.message).toMatch(/^Could not add this apple calendar account: Error: .*401/);
    expect(res.text).not.toContain("wrong-password");
    expect(await withDb((db) => db.credential.count({ where: { userId: tenant.userId } }))).toBe(0);
  });

  it("400 for one-character values, for blank values and for calendars other than apple", async () => {
    expect(
      expectError(await api("/v2/calendars/apple/credentials", { method: "POST", key: tenant.apiKey, body: { username: "a", password: "secret" } }), 400).error
        .message,
    ).toBe("Username or password cannot be empty");
    expectError(await api("/v2/calendars/apple/credentials", { method: "POST", key: tenant.apiKey, body: { username: "   ", password: "secret" } }), 400);
    const other = expectError(await api("/v2/calendars/google/credentials", { method: "POST", key: tenant.apiKey, body: dav }), 400);
    expect(other.error).toMatchObject({ message: "Invalid calendar type, available calendars are: ", details: { error: "google, office365, apple" } });
  });

  it("201 with the right password; the key is stored encrypted in Cal.com's format; saving again changes nothing", async () => {
    const res = await api("/v2/calendars/apple/credentials", { method: "POST", key: tenant.apiKey, body: dav });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({ status: "success" });
    // The document has no body for this 201; Cal.com answers {status}.
    const rows = await withDb((db) => db.credential.findMany({ where: { userId: tenant.userId } }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: "apple_calendar", appId: "apple-calendar", invalid: false, teamId: null });
    expect(rows[0]!.key).toMatch(/^[0-9a-f]{32}:[0-9a-f]+$/);
    expect(JSON.stringify(rows[0]!.key)).not.toContain(dav.password);
    expect((await api("/v2/calendars/apple/credentials", { method: "POST", key: tenant.apiKey, body: dav })).status).toBe(201);
    expect(await withDb((db) => db.credential.count({ where: { userId: tenant.userId } }))).toBe(1);
  });
});

describe("GET /v2/calendars with an Apple account", () => {
  it("lists the account's event calendars, the first as primary, and makes it the destination calendar", async () => {
    const data = await calendars();
    expect(data.connectedCalendars).toHaveLength(1);
    const [connection] = data.connectedCalendars;
    expect(connection.integration).toMatchObject({ type: "apple_calendar", slug: "apple-calendar", categories: ["calendar"] });
    expect(connection.calendars.map((c: LooseBody) => c.name).sort()).toEqual(["Home", "Work"]);
    for (const calendar of connection.calendars) {
      expect(calendar).toMatchObject({
        integration: "apple_calendar",
        readOnly: false,
        isSelected: false,
        credentialId: connection.credentialId,
        email: dav.username,
      });
    }
    expect(connection.primary.externalId).toBe(connection.calendars[0].externalId);
    expect(data.destinationCalendar).toMatchObject({
      integration: "apple_calendar",
      externalId: connection.primary.externalId,
      userId: tenant.userId,
      credentialId: connection.credentialId,
      integrationTitle: "Apple Calendar",
    });
    expect(JSON.stringify(data)).not.toContain(dav.password);
  });
});

describe("GET /v2/calendars/{calendar}/check", () => {
  it("200 for the connected apple account; Cal.com's 400s for a calendar without credentials or an unknown one", async () => {
    const ok = await api("/v2/calendars/apple/check", { key: tenant.apiKey });
    expect(ok.body).toEqual({ status: "success" });
    expect(contractProblems("CalendarsController_check", 200, ok.body)).toEqual([]);
    expect(expectError(await api("/v2/calendars/google/check", { key: tenant.apiKey }), 400).error.message).toBe("Credentials for google_calendar not found.");
    expect(expectError(await api("/v2/calendars/office365/check", { key: tenant.apiKey }), 400).error.message).toBe(
      "Credentials for office_365_calendar not found.",
    );
    expect(expectError(await api("/v2/calendars/nope/check", { key: tenant.apiKey }), 400).error.message).toBe(
      "Invalid calendar type, available calendars are: ",
    );
  });
});

describe("selected calendars and busy times", () => {
  let credentialId: number;
  beforeAll(async () => {
    credentialId = (await calendars()).connectedCalendars[0].credentialId;
  });

  it("POST /v2/selected-calendars selects a calendar (201), a second time answers without data; GET /v2/calendars shows it at once", async () => {
    const body = { integration: "apple_calendar", externalId: workUrl, credentialId };
    const res = await api("/v2/selected-calendars", { method: "POST", key: tenant.apiKey, body });
    expect(dataOf(res, 201)).toEqual({ userId: tenant.userId, integration: "apple_calendar", externalId: workUrl, credentialId });
    expect(contractProblems("SelectedCalendarsController_addSelectedCalendar", 201, res.body)).toEqual([]);
    const again = await api("/v2/selected-calendars", { method: "POST", key: tenant.apiKey, body });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ status: "success" });
    const listed = (await calendars()).connectedCalendars[0].calendars;
    expect(listed.find((c: LooseBody) => c.externalId === workUrl).isSelected).toBe(true);
    expect(listed.find((c: LooseBody) => c.externalId === homeUrl).isSelected).toBe(false);
  });

  const busy = (query: string) => api(`/v2/calendars/busy-times?${query}`, { key: tenant.apiKey });
  const load = (index: number, externalId: string) =>
    `calendarsToLoad[${index}][credentialId]=${credentialId}&calendarsToLoad[${index}][externalId]=${encodeURIComponent(externalId)}`;

  it("busy times of a single event and of a weekly series expanded client-side, in UTC with the app as source", async () => {
    const res = await busy(`loggedInUsersTz=Europe/Paris&dateFrom=2030-01-07&dateTo=2030-01-13&${load(0, workUrl)}&${load(1, homeUrl)}`);
    expect(contractProblems("CalendarsController_getBusyTimes", 200, res.body)).toEqual([]);
    expect(dataOf(res)).toEqual([
      { start: "2030-01-08T10:00:00.000Z", end: "2030-01-08T11:00:00.000Z", source: "apple-calendar" },
      { start: "2030-01-12T09:00:00.000Z", end: "2030-01-12T09:30:00.000Z", source: "apple-calendar" },
    ]);
  });

  it("the window is widened by 11 hours before and 14 hours after, as in Cal.com", async () => {
    // dateTo 2030-01-11 (midnight) + 14 h does not reach Saturday 09:00; dateTo 2030-01-11T20:00 does.
    expect(dataOf<unknown[]>(await busy(`timeZone=UTC&dateFrom=2030-01-09&dateTo=2030-01-11&${load(0, homeUrl)}`))).toEqual([]);
    expect(dataOf<unknown[]>(await busy(`timeZone=UTC&dateFrom=2030-01-09&dateTo=2030-01-11T20:00:00Z&${load(0, homeUrl)}`))).toHaveLength(1);
    // The series ends after 10 occurrences (the last on 2030-02-02).
    expect(dataOf<unknown[]>(await busy(`timeZone=UTC&dateFrom=2030-02-05&dateTo=2030-02-20&${load(0, homeUrl)}`))).toEqual([]);
  });

  it("the document's flat credentialId/externalId pair works for one calendar", async () => {
    const res = await busy(`loggedInUsersTz=UTC&dateFrom=2030-01-07&dateTo=2030-01-09&credentialId=${credentialId}&externalId=${encodeURIComponent(workUrl)}`);
    expect(dataOf<unknown[]>(res)).toHaveLength(1);
  });

  it("400 without a time zone or dates; 401 for a credential that is not the caller's; a foreign externalId blocks nothing", async () => {
    expect(expectError(await busy(`dateFrom=2030-01-07&dateTo=2030-01-13&${load(0, workUrl)}`), 400).error.message).toBe(
      "Either timeZone or loggedInUsersTz must be provided",
    );
    expect(expectError(await busy(`timeZone=UTC&${load(0, workUrl)}`), 400).error.message).toContain("dateFrom");
    expectError(await busy(`timeZone=Not/AZone&dateFrom=2030-01-07&dateTo=2030-01-13&${load(0, workUrl)}`), 400);
    const notMine = await busy(
      `timeZone=UTC&dateFrom=2030-01-07&dateTo=2030-01-13&calendarsToLoad[0][credentialId]=2147483000&calendarsToLoad[0][externalId]=x`,
    );
    expect(expectError(notMine, 401, "UnauthorizedException").error.message).toBe("These credentials do not belong to you");
    // Only the account's own collections are queried (the password never goes to another URL).
    expect(dataOf<unknown[]>(await busy(`timeZone=UTC&dateFrom=2030-01-07&dateTo=2030-01-13&${load(0, "http://169.254.169.254/latest/")}`))).toEqual([]);
  });

  it("DELETE /v2/selected-calendars removes it (200), then 404", async () => {
    const query = `integration=apple_calendar&externalId=${encodeURIComponent(workUrl)}&credentialId=${credentialId}`;
    const res = await api(`/v2/selected-calendars?${query}`, { method: "DELETE", key: tenant.apiKey });
    expect(dataOf(res)).toEqual({ userId: tenant.userId, integration: "apple_calendar", externalId: workUrl, credentialId });
    expect(contractProblems("SelectedCalendarsController_deleteSelectedCalendar", 200, res.body)).toEqual([]);
    expect((await calendars()).connectedCalendars[0].calendars.every((c: LooseBody) => !c.isSelected)).toBe(true);
    expect(expectError(await api(`/v2/selected-calendars?${query}`, { method: "DELETE", key: tenant.apiKey }), 404).error.message).toBe(
      "No SelectedCalendar found.",
    );
  });

  it("PUT /v2/destination-calendars moves the destination to another listed calendar; 404 for one that is not listed", async () => {
    const res = await api("/v2/destination-calendars", { method: "PUT", key: tenant.apiKey, body: { integration: "apple_calendar", externalId: homeUrl } });
    expect(dataOf(res)).toEqual({ userId: tenant.userId, integration: "apple_calendar", externalId: homeUrl, credentialId });
    expect(contractProblems("DestinationCalendarsController_updateDestinationCalendars", 200, res.body)).toEqual([]);
    expect((await calendars()).destinationCalendar).toMatchObject({ externalId: homeUrl, name: "Home" });
    const missing = await api("/v2/destination-calendars", {
      method: "PUT",
      key: tenant.apiKey,
      body: { integration: "apple_calendar", externalId: `${workUrl}nope/` },
    });
    expect(expectError(missing, 404).error.message).toBe(`Could not find calendar ${workUrl}nope/`);
    // A delegation credential the calendar is not listed under cannot be attached to it.
    const delegated = await api("/v2/destination-calendars", {
      method: "PUT",
      key: tenant.apiKey,
      body: { integration: "apple_calendar", externalId: workUrl, delegationCredentialId: "not-a-delegation" },
    });
    expect(expectError(delegated, 404).error.message).toBe(`Could not find calendar ${workUrl}`);
    expectError(
      await api("/v2/destination-calendars", { method: "PUT", key: tenant.apiKey, body: { integration: "ics-feed_calendar", externalId: homeUrl } }),
      400,
    );
  });
});

describe("POST /v2/calendars/{calendar}/disconnect", () => {
  it("deletes the credential with its selected and destination calendars; GET /v2/calendars is then empty; again 404", async () => {
    const { connectedCalendars } = await calendars();
    const credentialId = connectedCalendars[0].credentialId;
    await api("/v2/selected-calendars", { method: "POST", key: tenant.apiKey, body: { integration: "apple_calendar", externalId: workUrl, credentialId } });
    const res = await api("/v2/calendars/apple/disconnect", { method: "POST", key: tenant.apiKey, body: { id: credentialId } });
    expect(dataOf(res)).toEqual({ id: credentialId, type: "apple_calendar", userId: tenant.userId, teamId: null, appId: "apple-calendar", invalid: false });
    expect(contractProblems("CalendarsController_deleteCalendarCredentials", 200, res.body)).toEqual([]);
    const counts = await withDb(async (db) => [
      await db.selectedCalendar.count({ where: { userId: tenant.userId } }),
      await db.destinationCalendar.count({ where: { userId: tenant.userId } }),
    ]);
    expect(counts).toEqual([0, 0]);
    expect(await calendars()).toEqual({ connectedCalendars: [], destinationCalendar: {} });
    const again = await api("/v2/calendars/apple/disconnect", { method: "POST", key: tenant.apiKey, body: { id: credentialId } });
    expect(expectError(again, 404).error.message).toBe("Calendar credentials not found");
    expect(expectError(await api("/v2/calendars/apple/check", { key: tenant.apiKey }), 400).error.message).toBe("Credentials for apple calendar not found.");
  });

  it("a connection whose password stopped working is listed with Cal.com's error and marked invalid; check answers 401 then 400", async () => {
    const other = await createTenant();
    const user = await createDavUser();
    await createDavCalendar(user, unique("cal").toLowerCase(), "Cal");
    await connectApple(other.apiKey, user);
    // The stored password stops working (changed on the server): written with the deployment's key, as Cal.com would.
    const key = await symmetricEncrypt(JSON.stringify({ username: user.username, password: "not-the-password" }), ENCRYPTION_KEY);
    await withDb((db) => db.credential.updateMany({ where: { userId: other.userId }, data: { key } }));
    const check = await api("/v2/calendars/apple/check", { key: other.apiKey });
    expect(expectError(check, 401).error.message).toBe("Access token expired or revoked");
    const { connectedCalendars } = dataOf<{ connectedCalendars: LooseBody[] }>(await api("/v2/calendars", { key: other.apiKey }));
    expect(connectedCalendars).toEqual([expect.objectContaining({ credentialId: expect.any(Number), error: { message: "Access token expired or revoked" } })]);
    expect(await withDb((db) => db.credential.findFirst({ where: { userId: other.userId }, select: { invalid: true } }))).toEqual({ invalid: true });
    expect(expectError(await api("/v2/calendars/apple/check", { key: other.apiKey }), 400).error.message).toBe("Invalid apple calendar credentials.");
    expectSuccess(await api("/v2/calendars", { key: other.apiKey }));
  });
});
