// Change notifications (src/calendars/notifications/): a Google push channel / Graph subscription per selected
// calendar, recorded by the fake (test/support/google-fake.ts); a verified notification makes the next slot lookup
// read the provider at once (the cached answer would otherwise be used for up to 60 s); a forged token or
// clientState is refused and moves nothing; renewal before expiry and stopping on unselect.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ensureCalendarChannels } from "../../../src/calendars/notifications/channels";
import { api } from "../../helpers/api";
import { waitFor } from "../../helpers/booking-events";
import { withDb } from "../../helpers/fixtures";
import {
  addBusyShownAs,
  connectOfficeThroughSave,
  addGoogleBusy,
  connectGoogleDirect,
  createAccountWithCalendars,
  createGoogleAccount,
  failGoogle,
  googleState,
} from "../../helpers/google";
import { depsWith } from "../../helpers/workflow-reminders";
import { createUtcHost, HOUR, slotsOf, testMonday } from "./busy-helpers";

const allDay = (monday: number) => [9, 10, 11, 12, 13, 14, 15, 16].map((h) => monday + h * HOUR);

const post = (path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) =>
  exports.default.fetch(
    new Request(`http://api.test${path}`, {
      method: "POST",
      headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );

const liveChannels = async (account: string) => (await googleState(account)).channels.filter((channel) => !channel.stopped);
const waitForChannels = (account: string, count: number) =>
  waitFor(
    `${count} channel(s) of ${account}`,
    () => liveChannels(account),
    (channels) => channels.length === count,
  );
/** The provider answers the watch before we record it: waits for the row too. */
const waitForRecorded = (userId: number, done: (row: Awaited<ReturnType<typeof selectedRow>>) => boolean) =>
  waitFor(`the channel recorded for user ${userId}`, () => selectedRow(userId), done);

/** Moves the user's channel expiry to `data`, then runs what the cron runs, for that user's rows only. */
async function expireSoonAndRunCron(userId: number, data: { googleChannelExpiration?: string; office365SubscriptionExpiration?: string }) {
  await withDb((db) => db.selectedCalendar.updateMany({ where: { userId }, data }));
  const deps = depsWith();
  try {
    return await ensureCalendarChannels(deps, { userId });
  } finally {
    await deps.dispose();
  }
}

const selectedRow = (userId: number) => withDb((db) => db.selectedCalendar.findFirstOrThrow({ where: { userId } }));

/** A host whose Google calendar is selected through the API (which starts its channel). */
async function googleHost() {
  const host = await createUtcHost();
  const { account, calendarId } = await createGoogleAccount();
  const credentialId = await connectGoogleDirect(host.userId, account, calendarId);
  await withDb((db) => db.selectedCalendar.deleteMany({ where: { userId: host.userId } }));
  const res = await api("/v2/selected-calendars", {
    method: "POST",
    key: host.apiKey,
    body: { integration: "google_calendar", externalId: calendarId, credentialId },
  });
  expect(res.status, res.text).toBe(201);
  const [channel] = await waitForChannels(account, 1);
  await waitForRecorded(host.userId, (row) => row.googleChannelId === channel!.id);
  return { ...host, account, calendarId, credentialId, channel: channel! };
}

const googleNotification = (channelId: string, token: string, state = "exists") =>
  post("/internal/calendar-notifications/google", {
    headers: { "x-goog-channel-id": channelId, "x-goog-resource-state": state, "x-goog-channel-token": token, "x-goog-resource-id": "res" },
  });

describe("Google Calendar push channels", () => {
  it("selecting a calendar starts an events.watch channel recorded on the SelectedCalendar row", async () => {
    const host = await googleHost();
    expect(host.channel).toMatchObject({
      calendarId: host.calendarId,
      address: "https://api.cal-edge.test/internal/calendar-notifications/google",
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(host.channel.expiration).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const row = await selectedRow(host.userId);
    expect(row).toMatchObject({
      googleChannelId: host.channel.id,
      googleChannelKind: "api#channel",
      googleChannelResourceId: host.channel.resourceId,
      googleChannelExpiration: String(host.channel.expiration),
    });
  });

  it("a notification makes the next lookup show a new Google event; forged tokens and sync messages move nothing", async () => {
    const host = await googleHost();
    const monday = testMonday();
    const query = `eventTypeId=${host.eventTypeId}`;
    expect(await slotsOf(query, monday)).toEqual(allDay(monday));
    await addGoogleBusy(host.account, host.calendarId, monday + 10 * HOUR, monday + 11 * HOUR);
    // Within the freshness bound the cached busy time is still used.
    expect(await slotsOf(query, monday)).toEqual(allDay(monday));

    const forged = await googleNotification(host.channel.id, "0".repeat(64));
    expect(forged.status, await forged.text()).toBe(403);
    const otherChannelsToken = await googleNotification(crypto.randomUUID(), host.channel.token);
    expect(otherChannelsToken.status).toBe(403);
    const missing = await post("/internal/calendar-notifications/google", {
      headers: { "x-goog-channel-id": host.channel.id, "x-goog-resource-state": "exists" },
    });
    expect(missing.status).toBe(403);
    const bad = await post("/internal/calendar-notifications/google", { headers: { "x-goog-channel-token": host.channel.token } });
    expect(bad.status).toBe(400);
    const sync = await googleNotification(host.channel.id, host.channel.token, "sync");
    expect(sync.status).toBe(204);
    expect(await slotsOf(query, monday)).toEqual(allDay(monday));

    const real = await googleNotification(host.channel.id, host.channel.token);
    expect(real.status, await real.text()).toBe(204);
    expect(await slotsOf(query, monday)).toEqual(allDay(monday).filter((slot) => slot !== monday + 10 * HOUR));
  });

  it("the cron renews a channel about to expire (new channel, old one stopped); unselecting stops it", async () => {
    const host = await googleHost();
    const renewal = await expireSoonAndRunCron(host.userId, { googleChannelExpiration: String(Date.now() + 3_600_000) });
    expect(renewal).toEqual({ watched: 0, renewed: 1, failed: 0 });
    const channels = (await googleState(host.account)).channels;
    expect(channels.map((channel) => channel.stopped)).toEqual([true, false]);
    expect((await selectedRow(host.userId)).googleChannelId).toBe(channels[1]!.id);
    // The old channel's notifications are still verified (Google may send a few) but invalidate nothing.
    expect((await googleNotification(host.channel.id, host.channel.token)).status).toBe(204);

    const removed = await api(
      `/v2/selected-calendars?integration=google_calendar&externalId=${encodeURIComponent(host.calendarId)}&credentialId=${host.credentialId}`,
      { method: "DELETE", key: host.apiKey },
    );
    expect(removed.status, removed.text).toBe(200);
    await waitForChannels(host.account, 0);
  });
});

describe("channel failures", () => {
  it("a watch Google refuses (5xx) is recorded (notificationsFailedAt), then made by the next attempt; the selection itself succeeds", async () => {
    const host = await createUtcHost();
    const { account, calendarId } = await createGoogleAccount();
    const credentialId = await connectGoogleDirect(host.userId, account, calendarId);
    await withDb((db) => db.selectedCalendar.deleteMany({ where: { userId: host.userId } }));
    await failGoogle(account, "/events/watch", 503, 1);
    const res = await api("/v2/selected-calendars", {
      method: "POST",
      key: host.apiKey,
      body: { integration: "google_calendar", externalId: calendarId, credentialId },
    });
    expect(res.status, res.text).toBe(201);
    const failed = await waitForRecorded(host.userId, (row) => row.notificationsFailedAt !== null);
    expect(failed.googleChannelId).toBeNull();
    expect(await liveChannels(account)).toEqual([]);

    const retried = await expireSoonAndRunCron(host.userId, {});
    expect(retried).toEqual({ watched: 1, renewed: 0, failed: 0 });
    const [channel] = await liveChannels(account);
    expect(await selectedRow(host.userId)).toMatchObject({ googleChannelId: channel!.id, notificationsFailedAt: null });
  });
});

/** A host connected to Office 365 through the OAuth save callback (which subscribes to the default calendar). */
async function officeHost() {
  const host = await createUtcHost();
  const { account, calendarIds } = await createAccountWithCalendars(["Calendar"]);
  await connectOfficeThroughSave(host.apiKey, account);
  const [subscription] = await waitForChannels(account, 1);
  await waitForRecorded(host.userId, (row) => row.office365SubscriptionId === subscription!.id);
  const credential = await withDb((db) => db.credential.findFirstOrThrow({ where: { userId: host.userId, type: "office365_calendar" } }));
  return { ...host, account, calendarId: calendarIds[0]!, credentialId: credential.id, subscription: subscription! };
}

const graphNotification = (subscriptionId: string, clientState: string) =>
  post("/internal/calendar-notifications/office365", {
    body: { value: [{ subscriptionId, clientState, changeType: "created", resource: "me/events/AAMk1" }] },
  });

describe("Microsoft Graph subscriptions", () => {
  it("connecting subscribes to the calendar's events; the handshake echoes validationToken as text/plain", async () => {
    const host = await officeHost();
    expect(host.subscription).toMatchObject({
      calendarId: host.calendarId,
      address: "https://api.cal-edge.test/internal/calendar-notifications/office365",
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await selectedRow(host.userId)).office365SubscriptionId).toBe(host.subscription.id);
    const handshake = await post(`/internal/calendar-notifications/office365?validationToken=${encodeURIComponent("Validation: token <1>")}`);
    expect(handshake.status).toBe(200);
    expect(handshake.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await handshake.text()).toBe("Validation: token <1>");
  });

  it("a notification makes the next lookup show a new Outlook event; a forged clientState is refused and moves nothing", async () => {
    const host = await officeHost();
    const monday = testMonday();
    const query = `eventTypeId=${host.eventTypeId}`;
    expect(await slotsOf(query, monday)).toEqual(allDay(monday));
    await addBusyShownAs(host.account, host.calendarId, monday + 14 * HOUR, monday + 15 * HOUR, "busy");
    expect(await slotsOf(query, monday)).toEqual(allDay(monday));

    const forged = await graphNotification(host.subscription.id, "f".repeat(64));
    expect(forged.status, await forged.text()).toBe(403);
    const malformed = await post("/internal/calendar-notifications/office365", { body: { value: [{ clientState: host.subscription.token }] } });
    expect(malformed.status).toBe(400);
    expect(await slotsOf(query, monday)).toEqual(allDay(monday));

    const real = await graphNotification(host.subscription.id, host.subscription.token);
    expect(real.status, await real.text()).toBe(202);
    expect(await slotsOf(query, monday)).toEqual(allDay(monday).filter((slot) => slot !== monday + 14 * HOUR));
  });

  it("the cron extends a subscription in place before it expires; disconnecting deletes it", async () => {
    const host = await officeHost();
    const renewal = await expireSoonAndRunCron(host.userId, { office365SubscriptionExpiration: String(Date.now() + 3_600_000) });
    expect(renewal).toEqual({ watched: 0, renewed: 1, failed: 0 });
    const [renewed] = await liveChannels(host.account);
    expect(renewed!.id).toBe(host.subscription.id);
    expect(renewed!.expiration).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect(Number((await selectedRow(host.userId)).office365SubscriptionExpiration)).toBe(renewed!.expiration);

    const res = await api(`/v2/calendars/office365/disconnect`, { method: "POST", key: host.apiKey, body: { id: host.credentialId } });
    expect(res.status, res.text).toBe(200);
    await waitForChannels(host.account, 0);
  });
});
