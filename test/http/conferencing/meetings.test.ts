// A booking's video meeting, created after the booking commits, against the local fakes (test/support/video-fakes.ts):
// Zoom with the organizer's OAuth token (refreshed when expired, once for concurrent bookings, invalid_grant marks the
// credential invalid) and Cal Video on Daily (when DAILY_API_KEY is set). A provider failure never fails the booking.
import { describe, expect, it } from "vitest";
import { symmetricDecrypt } from "../../../src/credentials/encryption";
import { expectSuccess, type LooseBody } from "../../helpers/api";
import { fetchWithEnv } from "../../helpers/app";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, V } from "../../helpers/bookings";
import { connectZoom, credentialsOf, received } from "../../helpers/conferencing";
import { unique, withDb } from "../../helpers/fixtures";

const ENCRYPTION_KEY = "test-encryption-key-0123456789ab";
const monday = futureMonday(4);
const references = (bookingUid: string) => withDb((db) => db.bookingReference.findMany({ where: { booking: { uid: bookingUid } }, orderBy: { id: "asc" } }));

async function zoomHost(code: string, title = "Zoom call") {
  const host = await createHost();
  await connectZoom(host.apiKey, code);
  const eventType = await createBookableEventType(host, { title, locations: [{ type: "integration", integration: "zoom" }] });
  return { host, eventType };
}

describe("Zoom", () => {
  it("creates the meeting with the organizer's token; its join URL is the booking's location and meetingUrl", async () => {
    const code = unique("meet");
    const { eventType } = await zoomHost(code);
    const res = await book({ start: at(monday, 0, 10), eventTypeId: eventType.id, attendee: attendee() });
    const booking = expectSuccess<LooseBody>(res, 201).data;
    expect(booking.location).toMatch(/^https:\/\/zoom\.example\.com\/j\/\d+$/);
    expect(booking.meetingUrl).toBe(booking.location);

    const [create] = (await received(`zat-${code}-1`)).filter((r) => r.path === "/zoom/api/users/me/meetings");
    expect(create?.headers.authorization).toBe(`Bearer zat-${code}-1`);
    const body = JSON.parse(create!.body);
    expect(body).toMatchObject({ type: 2, duration: 30, start_time: at(monday, 0, 10).replace(".000Z", "Z") });
    expect(body.topic).toContain("Zoom call");

    const [reference] = await references(booking.uid);
    const meetingId = booking.location.split("/").pop();
    expect(reference).toMatchObject({ type: "zoom_video", uid: meetingId, meetingId, meetingPassword: "zpw", meetingUrl: booking.location });
    const [credential] = await credentialsOf({ userId: booking.hosts[0].id });
    expect(reference!.credentialId).toBe(credential!.id);
  });

  it("an expired token is refreshed once, saved encrypted, and used; concurrent bookings share one refresh", async () => {
    const code = unique("stale");
    const { host, eventType } = await zoomHost(code);
    const [a, b] = await Promise.all([
      book({ start: at(monday, 1, 10), eventTypeId: eventType.id, attendee: attendee() }),
      book({ start: at(monday, 1, 11), eventTypeId: eventType.id, attendee: attendee() }),
    ]);
    for (const res of [a, b]) expect(expectSuccess<LooseBody>(res, 201).data.location).toMatch(/^https:\/\/zoom\.example\.com\/j\//);
    const refreshes = (await received(`refresh_token=zrt-${code}`)).filter((r) => r.path.includes("grant_type=refresh_token"));
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.headers.authorization).toBe(`Basic ${btoa("test-zoom-client:test-zoom-secret")}`);
    const [credential] = await credentialsOf({ userId: host.userId });
    const key = JSON.parse(await symmetricDecrypt(credential!.key as string, ENCRYPTION_KEY));
    expect(key.access_token).toBe(`zat-${code}-2`);
    expect(key.expiry_date).toBeGreaterThan(Date.now() + 3_000_000);
    const creates = (await received(`zat-${code}-2`)).filter((r) => r.path === "/zoom/api/users/me/meetings");
    expect(creates).toHaveLength(2);
  });

  it("a refused refresh (invalid_grant) marks the credential invalid; the booking still succeeds, without a meeting", async () => {
    const code = unique("stale-revoked");
    const { host, eventType } = await zoomHost(code);
    const res = await book({ start: at(monday, 2, 10), eventTypeId: eventType.id, attendee: attendee() });
    const booking = expectSuccess<LooseBody>(res, 201).data;
    expect(booking.location).toBe("integrations:zoom");
    expect(await references(booking.uid)).toEqual([]);
    const [credential] = await credentialsOf({ userId: host.userId });
    expect(credential!.invalid).toBe(true);
    const listed = await fetchWithEnv(new Request("http://api.test/v2/conferencing", { headers: { authorization: `Bearer ${host.apiKey}` } }), {});
    expect(listed.body.data[0].invalid).toBe(true);
  });

  it("a plain-JSON key as Cal.com stores it (a migrated database) is used, refreshed, and saved back encrypted", async () => {
    const host = await createHost();
    const code = unique("plain");
    await withDb((db) =>
      db.credential.create({
        data: { type: "zoom_video", appId: "zoom", userId: host.userId, key: { access_token: "expired", refresh_token: `zrt-${code}`, expiry_date: 1 } },
      }),
    );
    const eventType = await createBookableEventType(host, { locations: [{ type: "integration", integration: "zoom" }] });
    const booking = expectSuccess<LooseBody>(await book({ start: at(monday, 4, 10), eventTypeId: eventType.id, attendee: attendee() }), 201).data;
    expect(booking.location).toMatch(/^https:\/\/zoom\.example\.com\/j\//);
    const [credential] = await credentialsOf({ userId: host.userId });
    expect(typeof credential!.key).toBe("string");
    expect(JSON.parse(await symmetricDecrypt(credential!.key as string, ENCRYPTION_KEY)).access_token).toBe(`zat-${code}-2`);
  });

  it("cancelling the booking deletes its Zoom meeting and marks the reference deleted", async () => {
    const code = unique("cancel");
    const { host, eventType } = await zoomHost(code);
    const booking = expectSuccess<LooseBody>(await book({ start: at(monday, 4, 14), eventTypeId: eventType.id, attendee: attendee() }), 201).data;
    const meetingId = booking.location.split("/").pop();
    const cancelled = await onBooking(booking.uid, "/cancel", { method: "POST", key: host.apiKey, body: { cancellationReason: "No longer needed" } });
    expect(cancelled.status, cancelled.text).toBe(200);
    const deletes = (await received(`/zoom/api/meetings/${meetingId}`)).filter((r) => r.method === "DELETE");
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.headers.authorization).toBe(`Bearer zat-${code}-1`);
    const [reference] = await references(booking.uid);
    expect(reference!.deleted).toBe(true);
  });

  it("a Zoom 5xx leaves the booking booked (201), with its location string and no reference", async () => {
    const { eventType } = await zoomHost(unique("fivexx"), "zoom-5xx call");
    const res = await book({ start: at(monday, 3, 10), eventTypeId: eventType.id, attendee: attendee() });
    const booking = expectSuccess<LooseBody>(res, 201).data;
    expect(booking.location).toBe("integrations:zoom");
    expect(await references(booking.uid)).toEqual([]);
  });
});

describe("Cal Video (Daily)", () => {
  const bookWith = (overrides: Record<string, string | undefined>, body: Record<string, unknown>) =>
    fetchWithEnv(
      new Request("http://api.test/v2/bookings", {
        method: "POST",
        headers: { "content-type": "application/json", "cal-api-version": V },
        body: JSON.stringify(body),
      }),
      overrides,
    );

  it("with DAILY_API_KEY: a room and an owner token; the location is <WEBSITE_URL>/video/<uid>, as in Cal.com", async () => {
    const host = await createHost();
    const eventType = await createBookableEventType(host);
    const res = await bookWith({ DAILY_API_KEY: "test-daily-key" }, { start: at(monday, 0, 14), eventTypeId: eventType.id, attendee: attendee() });
    const booking = expectSuccess<LooseBody>(res, 201).data;
    expect(booking.location).toBe(`https://cal.com/video/${booking.uid}`);
    const [room] = (await received(booking.uid.replace(/[^\w-]/g, ""))).filter((r) => r.path === "/daily/rooms");
    expect(room?.headers.authorization).toBe("Bearer test-daily-key");
    const roomBody = JSON.parse(room!.body);
    expect(roomBody.privacy).toBe("public");
    expect(roomBody.properties.exp).toBe(Date.parse(at(monday, 0, 14, 30)) / 1000 + 14 * 86_400);
    const [reference] = await references(booking.uid);
    expect(reference).toMatchObject({ type: "daily_video", meetingUrl: expect.stringContaining("https://cal.daily.example.com/"), credentialId: null });
    expect(reference!.meetingPassword).toMatch(/^daily-owner-token-/);
  });

  it("a key Daily refuses (401) leaves the booking booked, location integrations:daily; without a key Daily is not called", async () => {
    const host = await createHost();
    const eventType = await createBookableEventType(host);
    const refused = await bookWith({ DAILY_API_KEY: "wrong-key" }, { start: at(monday, 1, 14), eventTypeId: eventType.id, attendee: attendee() });
    const booking = expectSuccess<LooseBody>(refused, 201).data;
    expect(booking.location).toBe("integrations:daily");
    expect(await references(booking.uid)).toEqual([]);
    const plain = expectSuccess<LooseBody>(await book({ start: at(monday, 2, 14), eventTypeId: eventType.id, attendee: attendee() }), 201).data;
    expect(plain.location).toBe("integrations:daily");
    expect(await received(plain.uid)).toEqual([]);
  });
});
