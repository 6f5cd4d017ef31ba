import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createHost, DAY, getSlots, isoDate, mondayAhead, slotStarts, V, type Host } from "./helpers";
import { createTenant, testDb, type Tenant } from "../../helpers/fixtures";

// Holds made with credentials belong to their maker (and the event type's owner); anonymous holds belong to
// whoever has their uid, as in Cal.com.

let host: Host;
let booker: Tenant;
let stranger: Tenant;
let slots: number[];

beforeAll(async () => {
  host = await createHost({ timeZone: "UTC" });
  booker = await createTenant();
  stranger = await createTenant();
  const day = mondayAhead() + 14 * DAY;
  slots = slotStarts((await getSlots({ eventTypeId: host.eventTypeId, start: isoDate(day), end: isoDate(day) })).body.data);
});

const reserve = (slot: number, key?: string, extra: Record<string, unknown> = {}) =>
  api("/v2/slots/reservations", {
    method: "POST",
    version: V,
    key,
    body: { eventTypeId: host.eventTypeId, slotStart: new Date(slot).toISOString(), ...extra },
  });
const path = (uid: string) => `/v2/slots/reservations/${uid}`;
const patchBody = (slot: number) => ({ eventTypeId: host.eventTypeId, slotStart: new Date(slot).toISOString() });

describe("reservation ownership", () => {
  it("another tenant (or an anonymous caller with the uid) cannot read, move or delete an authenticated hold", async () => {
    const made = await reserve(slots[0]!, booker.apiKey);
    expect(made.status).toBe(201);
    const uid = made.body.data.reservationUid;
    for (const key of [stranger.apiKey, undefined]) {
      const read = await api(path(uid), { version: V, key });
      expect(read.status).toBe(403);
      expect(read.body.error.code).toBe("ForbiddenException");
      expect(read.body.error.message).toContain("SlotsReservationGuard - ");
      expect(read.body).not.toHaveProperty("data");
      expect((await api(path(uid), { method: "PATCH", version: V, key, body: patchBody(slots[1]!) })).status).toBe(403);
      expect((await api(path(uid), { method: "DELETE", version: V, key })).status).toBe(403);
    }
    // The legacy endpoint (no credentials at all) cannot release it either.
    await api(`/v2/slots/selected-slot?uid=${uid}`, { method: "DELETE" });
    // Still held.
    const still = slotStarts((await getSlots({ eventTypeId: host.eventTypeId, start: isoDate(slots[0]!), end: isoDate(slots[0]!) })).body.data);
    expect(still).not.toContain(slots[0]);
    // The maker and the event type's owner can.
    expect((await api(path(uid), { version: V, key: booker.apiKey })).body.data.reservationUid).toBe(uid);
    expect((await api(path(uid), { version: V, key: host.apiKey })).body.data.reservationUid).toBe(uid);
    expect((await api(path(uid), { method: "PATCH", version: V, key: booker.apiKey, body: patchBody(slots[1]!) })).status).toBe(200);
    expect((await api(path(uid), { method: "DELETE", version: V, key: host.apiKey })).status).toBe(200);
    expect((await api(path(uid), { version: V, key: booker.apiKey })).body.data).toBeNull();
  });

  it("an anonymous hold is managed by whoever has its uid", async () => {
    const made = await reserve(slots[2]!);
    const uid = made.body.data.reservationUid;
    expect((await api(path(uid), { version: V, key: stranger.apiKey })).status).toBe(200);
    expect((await api(path(uid), { method: "PATCH", version: V, body: patchBody(slots[3]!) })).status).toBe(200);
    expect((await api(path(uid), { method: "DELETE", version: V })).status).toBe(200);
    const db = testDb();
    try {
      expect(await db.selectedSlots.count({ where: { uid } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("reservationDuration needs credentials (401) of the owner or someone sharing a team with them (403)", async () => {
    const anonymous = await reserve(slots[4]!, undefined, { reservationDuration: 30 });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.message).toBe(
      "reservationDuration can only be used for authenticated requests - use access token, api key or OAuth credentials",
    );
    const foreign = await reserve(slots[4]!, stranger.apiKey, { reservationDuration: 30 });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("ForbiddenException");
    const own = await reserve(slots[4]!, host.apiKey, { reservationDuration: 30 });
    expect(own.status).toBe(201);
    expect(own.body.data.reservationDuration).toBe(30);
    const until = Date.parse(own.body.data.reservationUntil) - Date.now();
    expect(until).toBeGreaterThan(29 * 60_000);
    expect(until).toBeLessThanOrEqual(30 * 60_000);
  });

  it("invalid credentials are a 401 even though credentials are optional", async () => {
    const res = await reserve(slots[5]!, "cal_00000000000000000000000000000000");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UnauthorizedException");
    expect((await api(path(crypto.randomUUID()), { version: V, key: "cal_00000000000000000000000000000000" })).status).toBe(401);
  });

  it("the reservation routes answer only cal-api-version 2024-09-04", async () => {
    for (const version of [undefined, "2024-06-14"]) {
      const res = await api("/v2/slots/reservations", { method: "POST", version, body: patchBody(slots[6]!) });
      expect(res.status).toBe(404);
      expect((await api(path(crypto.randomUUID()), { version })).status).toBe(404);
    }
  });
});
