import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, onBooking, V, type Host } from "../../helpers/bookings";
import { bearer } from "../../helpers/platform";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { createLoneUser, createPlatform } from "../../helpers/fixtures";

let host: Host;
let uid: string;
const monday = futureMonday(12);

beforeAll(async () => {
  host = await createHost();
  const eventTypeId = (await createBookableEventType(host)).id;
  const res = await book({ start: at(monday, 0, 9), eventTypeId, attendee: attendee() });
  expect(res.status, res.text).toBe(201);
  uid = res.body.data.uid;
});

// Every operation that needs credentials (Cal.com's ApiAuthGuard) answers the shared 401s.
const authenticated: [string, () => { path: string; method?: string; body?: unknown }][] = [
  ["GET /v2/bookings", () => ({ path: "/v2/bookings" })],
  ["POST …/confirm", () => ({ path: `/v2/bookings/${uid}/confirm`, method: "POST" })],
  ["POST …/decline", () => ({ path: `/v2/bookings/${uid}/decline`, method: "POST", body: {} })],
  ["POST …/mark-absent", () => ({ path: `/v2/bookings/${uid}/mark-absent`, method: "POST", body: { host: true } })],
  ["POST …/reassign", () => ({ path: `/v2/bookings/${uid}/reassign`, method: "POST" })],
  ["POST …/reassign/{userId}", () => ({ path: `/v2/bookings/${uid}/reassign/1`, method: "POST", body: {} })],
  ["POST …/guests", () => ({ path: `/v2/bookings/${uid}/guests`, method: "POST", body: { guests: [{ email: "g@example.com" }] } })],
  ["PATCH …/location", () => ({ path: `/v2/bookings/${uid}/location`, method: "PATCH", body: {} })],
  ["GET …/references", () => ({ path: `/v2/bookings/${uid}/references` })],
  ["GET …/calendar-links", () => ({ path: `/v2/bookings/${uid}/calendar-links` })],
  ["GET …/recordings", () => ({ path: `/v2/bookings/${uid}/recordings` })],
  ["GET …/transcripts", () => ({ path: `/v2/bookings/${uid}/transcripts` })],
  ["GET …/conferencing-sessions", () => ({ path: `/v2/bookings/${uid}/conferencing-sessions` })],
];

for (const [name, call] of authenticated) {
  describe(`${name}: credentials`, () => {
    itRejectsMissingAndInvalidCredentials(() => ({ ...call(), version: V }));
  });
}

describe("who may do what", () => {
  it("anonymous callers may read, cancel and reschedule with the uid (Cal.com's optional auth), not list", async () => {
    expect((await onBooking(uid, "")).status).toBe(200);
    expect((await api("/v2/bookings", { version: V })).status).toBe(401);
  });

  it("another tenant cannot act as the host: confirm/decline/mark-absent 403, guests 403, location 403, references 400", async () => {
    const stranger = await createLoneUser();
    const key = stranger.apiKey;
    expect((await onBooking(uid, "/confirm", { method: "POST", key })).status).toBe(403);
    expect((await onBooking(uid, "/decline", { method: "POST", key, body: {} })).status).toBe(403);
    expect((await onBooking(uid, "/guests", { method: "POST", key, body: { guests: [{ email: "g@example.com" }] } })).status).toBe(403);
    expect((await onBooking(uid, "/location", { method: "PATCH", key, body: { location: { type: "attendeeDefined", location: "Mars" } } })).status).toBe(403);
    expect((await onBooking(uid, "/references", { key })).status).toBe(400);
    // Their own list does not contain the host's booking.
    const list = await api("/v2/bookings", { version: V, key });
    expect(list.body.data).toEqual([]);
  });

  it("an OAuth client without BOOKING_WRITE is refused by the PermissionsGuard; BOOKING_READ lists", async () => {
    const { user: managed } = await createPlatform({ permissions: ["BOOKING_READ"] });
    const confirm = await onBooking(uid, "/confirm", { method: "POST", headers: bearer(managed.accessToken) });
    expect(confirm.status).toBe(403);
    expect(confirm.body.error.message).toMatch(/^PermissionsGuard - oAuth client with id=.* does not have the required permissions=BOOKING_WRITE/);
    const list = await api("/v2/bookings", { version: V, headers: bearer(managed.accessToken) });
    expect(list.status).toBe(200);
  });

  it("without the 2024-08-13 header these paths are not served by this version (Cal.com's legacy controller answers them)", async () => {
    const res = await api(`/v2/bookings/${uid}`);
    expect(res.status).toBe(404);
  });
});
