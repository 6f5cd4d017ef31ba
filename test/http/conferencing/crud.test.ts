// The caller's conferencing apps (/v2/conferencing): list, connect Google Meet, default app, disconnect, with
// Cal.com's messages. Zoom and Teams connect through OAuth (oauth.test.ts); here a Zoom connection is made that way.
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError, expectSuccess, type LooseBody } from "../../helpers/api";
import { connectZoom, credentialsOf } from "../../helpers/conferencing";
import { contractProblems } from "../../helpers/contract";
import { createEventType, createTenant, type Tenant, unique, withDb } from "../../helpers/fixtures";

let tenant: Tenant;

const addGoogleCalendar = (userId: number, invalid = false) =>
  withDb((db) => db.credential.create({ data: { type: "google_calendar", key: { access_token: "g" }, userId, appId: "google-calendar", invalid } }));

const list = async (key: string) => {
  const res = await api("/v2/conferencing", { key });
  expect(contractProblems("ConferencingController_listInstalledConferencingApps", 200, res.body)).toEqual([]);
  return dataOf<LooseBody[]>(res);
};

beforeAll(async () => {
  tenant = await createTenant();
});

describe("GET /v2/conferencing", () => {
  it("lists nothing before anything is connected (Cal Video is global, never listed)", async () => {
    expect(await list(tenant.apiKey)).toEqual([]);
  });
});

describe("POST /v2/conferencing/{app}/connect", () => {
  it("400 for any app but google-meet, with Cal.com's message", async () => {
    for (const app of ["zoom", "msteams", "daily-video", "nope"]) {
      expect(expectError(await api(`/v2/conferencing/${app}/connect`, { method: "POST", key: tenant.apiKey }), 400).error.message).toBe(
        "Invalid conferencing app. Available apps: GOOGLE_MEET.",
      );
    }
  });

  it("Google Meet needs a Google Calendar connection, a valid one, and connects once", async () => {
    const user = await createTenant();
    const connect = () => api("/v2/conferencing/google-meet/connect", { method: "POST", key: user.apiKey });
    expect(expectError(await connect(), 400).error.message).toBe("Google Meet app requires a Google Calendar connection");
    const calendar = await addGoogleCalendar(user.userId, true);
    expect(expectError(await connect(), 400).error.message).toBe(
      "Google Meet app requires a valid Google Calendar connection, please reconnect Google Calendar.",
    );
    await withDb((db) => db.credential.update({ where: { id: calendar.id }, data: { invalid: false } }));
    const res = await connect();
    expect(contractProblems("ConferencingController_connect", 200, res.body)).toEqual([]);
    const meet = dataOf<LooseBody>(res);
    expect(meet).toEqual({ id: expect.any(Number), type: "google_video", userId: user.userId, invalid: false });
    expect(meet).not.toHaveProperty("key");
    expect(expectError(await connect(), 400).error.message).toBe("Google Meet is already connected.");
    expect((await list(user.apiKey)).map((c: LooseBody) => c.type)).toEqual(["google_video"]);
  });
});

describe("default conferencing app", () => {
  it("no data before one is set; daily-video can always be set; others only once connected", async () => {
    const user = await createTenant();
    const res = await api("/v2/conferencing/default", { key: user.apiKey });
    expect(contractProblems("ConferencingController_getDefault", 200, res.body)).toEqual([]);
    expect(res.body).toEqual({ status: "success" });

    expect(expectError(await api("/v2/conferencing/zoom/default", { method: "POST", key: user.apiKey }), 400).error.message).toBe("zoom not connected.");
    expect(expectError(await api("/v2/conferencing/skype/default", { method: "POST", key: user.apiKey }), 400).error.message).toBe(
      "Invalid app, available apps are: google-meet, zoom, msteams",
    );

    const set = await api("/v2/conferencing/daily-video/default", { method: "POST", key: user.apiKey });
    expect(contractProblems("ConferencingController_default", 200, set.body)).toEqual([]);
    expect(set.body).toEqual({ status: "success" });
    expect(dataOf(await api("/v2/conferencing/default", { key: user.apiKey }))).toEqual({ appSlug: "daily-video" });

    await connectZoom(user.apiKey, unique("crud"));
    expectSuccess(await api("/v2/conferencing/zoom/default", { method: "POST", key: user.apiKey }));
    expect(dataOf(await api("/v2/conferencing/default", { key: user.apiKey }))).toEqual({ appSlug: "zoom" });
  });

  it("setting the default keeps the user's other metadata", async () => {
    const user = await createTenant();
    await withDb((db) => db.user.update({ where: { id: user.userId }, data: { metadata: { keep: "me" } } }));
    expectSuccess(await api("/v2/conferencing/daily-video/default", { method: "POST", key: user.apiKey }));
    const row = await withDb((db) => db.user.findUniqueOrThrow({ where: { id: user.userId }, select: { metadata: true } }));
    expect(row.metadata).toEqual({ keep: "me", defaultConferencingApp: { appSlug: "daily-video" } });
  });
});

describe("DELETE /v2/conferencing/{app}/disconnect", () => {
  it("400 when not connected or not a conferencing app", async () => {
    expect(expectError(await api("/v2/conferencing/zoom/disconnect", { method: "DELETE", key: tenant.apiKey }), 400).error.message).toBe("zoom not connected.");
    expect(expectError(await api("/v2/conferencing/daily-video/disconnect", { method: "DELETE", key: tenant.apiKey }), 400).error.message).toBe(
      "Invalid app, available apps are: google-meet, zoom, msteams",
    );
  });

  it("deletes the credential, moves event types on the app to Cal Video and clears a default naming it", async () => {
    const user = await createTenant();
    await connectZoom(user.apiKey, unique("disc"));
    expectSuccess(await api("/v2/conferencing/zoom/default", { method: "POST", key: user.apiKey }));
    const onZoom = await createEventType(user, {
      locations: [
        { type: "integration", integration: "zoom" },
        { type: "address", address: "1 Main St", public: true },
      ],
    });
    const other = await createEventType(user, { locations: [{ type: "link", link: "https://meet.example.com/x", public: true }] });

    const res = await api("/v2/conferencing/zoom/disconnect", { method: "DELETE", key: user.apiKey });
    expect(contractProblems("ConferencingController_disconnect", 200, res.body)).toEqual([]);
    expect(res.body).toEqual({ status: "success" });

    expect(await credentialsOf({ userId: user.userId })).toEqual([]);
    const locations = await withDb((db) =>
      db.eventType.findMany({ where: { id: { in: [onZoom.id, other.id] } }, orderBy: { id: "asc" }, select: { locations: true } }),
    );
    expect(locations.map((row) => row.locations)).toEqual([
      [
        { type: "integration", integration: "cal-video" },
        { type: "address", address: "1 Main St", public: true },
      ],
      [{ type: "link", link: "https://meet.example.com/x", public: true }],
    ]);
    expect((await api("/v2/conferencing/default", { key: user.apiKey })).body).toEqual({ status: "success" });
    expect(await list(user.apiKey)).toEqual([]);
  });
});
