import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createHost, DAY, getSlots, insertBooking, isoDate, mondayAhead, seenWithinRecheck, slotStarts, V, type Host } from "./helpers";
import { testDb } from "../../helpers/fixtures";

let host: Host;
const HOUR = 3_600_000;

beforeAll(async () => {
  host = await createHost({ timeZone: "UTC" });
});

const reserve = (body: Record<string, unknown>, key?: string) => api("/v2/slots/reservations", { method: "POST", version: V, body, key });
const daySlots = async (day: number, eventTypeId = host.eventTypeId) =>
  slotStarts((await getSlots({ eventTypeId, start: isoDate(day), end: isoDate(day) })).body.data);

describe("POST /v2/slots/reservations", () => {
  it("holds a slot: it disappears from GET /v2/slots until the hold is deleted", async () => {
    const day = mondayAhead();
    const before = await daySlots(day);
    const slotStart = new Date(before[1]!).toISOString();
    const res = await reserve({ eventTypeId: host.eventTypeId, slotStart });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("SlotsController_2024_09_04_reserveSlot", 201, res.body)).toEqual([]);
    const data = res.body.data;
    expect(data).toMatchObject({ eventTypeId: host.eventTypeId, slotStart, slotDuration: 60, reservationDuration: 5 });
    expect(data.slotEnd).toBe(new Date(before[1]! + HOUR).toISOString());
    const until = Date.parse(data.reservationUntil) - Date.now();
    expect(until).toBeGreaterThan(4 * 60_000);
    expect(until).toBeLessThanOrEqual(5 * 60_000);

    expect(await daySlots(day)).toEqual(before.filter((s) => s !== before[1]));

    const read = await api(`/v2/slots/reservations/${data.reservationUid}`, { version: V });
    expect(read.status).toBe(200);
    expect(contractProblems("SlotsController_2024_09_04_getReservedSlot", 200, read.body)).toEqual([]);
    expect(read.body.data).toEqual({
      eventTypeId: host.eventTypeId,
      slotStart,
      slotEnd: data.slotEnd,
      slotDuration: 60,
      reservationUid: data.reservationUid,
      reservationUntil: data.reservationUntil,
    });

    const deleted = await api(`/v2/slots/reservations/${data.reservationUid}`, { method: "DELETE", version: V });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ status: "success" });
    expect(await daySlots(day)).toEqual(before);
    const gone = await api(`/v2/slots/reservations/${data.reservationUid}`, { version: V });
    expect(gone.body).toEqual({ status: "success", data: null });
    expect(contractProblems("SlotsController_2024_09_04_getReservedSlot", 200, gone.body)).toEqual([]);
  });

  it("an expired hold no longer hides the slot and reads as gone", async () => {
    const day = mondayAhead() + DAY;
    const before = await daySlots(day);
    const res = await reserve({ eventTypeId: host.eventTypeId, slotStart: new Date(before[0]!).toISOString() });
    expect(res.status).toBe(201);
    expect(await daySlots(day)).toHaveLength(before.length - 1);
    const db = testDb();
    try {
      await db.selectedSlots.updateMany({ where: { uid: res.body.data.reservationUid }, data: { releaseAt: new Date(Date.now() - 1000) } });
    } finally {
      await db.$disconnect();
    }
    await seenWithinRecheck(
      () => daySlots(day),
      (after) => expect(after).toEqual(before),
    );
    expect((await api(`/v2/slots/reservations/${res.body.data.reservationUid}`, { version: V })).body.data).toBeNull();
    const patch = await api(`/v2/slots/reservations/${res.body.data.reservationUid}`, {
      method: "PATCH",
      version: V,
      body: { eventTypeId: host.eventTypeId, slotStart: new Date(before[0]!).toISOString() },
    });
    expect(patch.status).toBe(404);
    // The slot can be held again.
    expect((await reserve({ eventTypeId: host.eventTypeId, slotStart: new Date(before[0]!).toISOString() })).status).toBe(201);
  });

  it("422 for a slot already held or booked", async () => {
    const day = mondayAhead() + 2 * DAY;
    const slots = await daySlots(day);
    const held = new Date(slots[3]!).toISOString();
    expect((await reserve({ eventTypeId: host.eventTypeId, slotStart: held })).status).toBe(201);
    const again = await reserve({ eventTypeId: host.eventTypeId, slotStart: held });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("UnprocessableEntityException");
    expect(again.body.error.message).toBe("This time slot is already reserved by another user. Please choose a different time.");
    // Overlapping, not equal: 30 minutes into the held hour.
    expect((await reserve({ eventTypeId: host.eventTypeId, slotStart: new Date(slots[3]! + 30 * 60_000).toISOString() })).status).toBe(422);

    await insertBooking(host, slots[5]!);
    const booked = await reserve({ eventTypeId: host.eventTypeId, slotStart: new Date(slots[5]!).toISOString() });
    expect(booked.status).toBe(422);
    expect(booked.body.error.message).toBe("Can't reserve a slot if the event is already booked.");
  });

  it("two bookers racing for one slot: exactly one gets it", async () => {
    const day = mondayAhead() + 3 * DAY;
    const slotStart = new Date((await daySlots(day))[2]!).toISOString();
    const results = await Promise.all(Array.from({ length: 4 }, () => reserve({ eventTypeId: host.eventTypeId, slotStart })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422]);
  });

  it("PATCH moves a hold and renews it", async () => {
    const day = mondayAhead() + 4 * DAY;
    const slots = await daySlots(day);
    const made = await reserve({ eventTypeId: host.eventTypeId, slotStart: new Date(slots[0]!).toISOString() });
    const uid = made.body.data.reservationUid;
    const moved = await api(`/v2/slots/reservations/${uid}`, {
      method: "PATCH",
      version: V,
      body: { eventTypeId: host.eventTypeId, slotStart: new Date(slots[4]!).toISOString() },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(contractProblems("SlotsController_2024_09_04_updateReservedSlot", 200, moved.body)).toEqual([]);
    expect(moved.body.data).toMatchObject({ reservationUid: uid, slotStart: new Date(slots[4]!).toISOString(), reservationDuration: 5 });
    expect(await daySlots(day)).toEqual(slots.filter((s) => s !== slots[4]));
    // Moving onto its own time again is not a conflict with itself.
    const same = await api(`/v2/slots/reservations/${uid}`, {
      method: "PATCH",
      version: V,
      body: { eventTypeId: host.eventTypeId, slotStart: new Date(slots[4]! + 30 * 60_000).toISOString() },
    });
    expect(same.status).toBe(200);
    const unknown = await api(`/v2/slots/reservations/${crypto.randomUUID()}`, {
      method: "PATCH",
      version: V,
      body: { eventTypeId: host.eventTypeId, slotStart: new Date(slots[6]!).toISOString() },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("not found");
  });

  it("slotDuration must be one of the event type's lengths; bad bodies are 400s; unknown event type 404", async () => {
    const day = mondayAhead() + 7 * DAY;
    const slotStart = new Date((await daySlots(day))[0]!).toISOString();
    const notVariable = await reserve({ eventTypeId: host.eventTypeId, slotStart, slotDuration: 30 });
    expect(notVariable.status).toBe(400);
    expect(notVariable.body.error.message).toBe("You passed 'slotDuration' but this event type is not a variable length event type.");
    const variable = await createHost({ timeZone: "UTC", eventType: { lengthInMinutes: 60, lengthInMinutesOptions: [30, 60] } });
    const vStart = new Date((await daySlots(day, variable.eventTypeId))[0]!).toISOString();
    const wrong = await reserve({ eventTypeId: variable.eventTypeId, slotStart: vStart, slotDuration: 45 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain("The possible lengths for this variable length event type are: 30, 60");
    const half = await reserve({ eventTypeId: variable.eventTypeId, slotStart: vStart, slotDuration: 30 });
    expect(half.status).toBe(201);
    expect(half.body.data.slotDuration).toBe(30);

    const missing = await reserve({ eventTypeId: host.eventTypeId });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("slotStart");
    const badDate = await reserve({ eventTypeId: host.eventTypeId, slotStart: "tomorrow at nine" });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toContain("slotStart");
    const stringId = await reserve({ eventTypeId: "12", slotStart });
    expect(stringId.status).toBe(400);
    expect(stringId.body.error.message).toContain("eventTypeId");
    const unknown = await reserve({ eventTypeId: 2_000_000_000, slotStart });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Event Type with ID=2000000000 not found");
  });

  it("a hold on a seated event type takes one seat, not the slot", async () => {
    const seated = await createHost({
      timeZone: "UTC",
      eventType: { seats: { seatsPerTimeSlot: 2, showAttendeeInfo: false, showAvailabilityCount: true } },
    });
    const day = mondayAhead() + 8 * DAY;
    const window = { eventTypeId: seated.eventTypeId, start: isoDate(day), end: isoDate(day) };
    const first = Object.values((await getSlots(window)).body.data as Record<string, any[]>).flat()[0];
    expect(first).toMatchObject({ seatsBooked: 0, seatsRemaining: 2 });
    expect((await reserve({ eventTypeId: seated.eventTypeId, slotStart: first.start })).status).toBe(201);
    const afterOne = Object.values((await getSlots(window)).body.data as Record<string, any[]>).flat()[0];
    expect(afterOne).toEqual({ start: first.start, seatsBooked: 1, seatsRemaining: 1, seatsTotal: 2 });
    expect((await reserve({ eventTypeId: seated.eventTypeId, slotStart: first.start })).status).toBe(201);
    const full = await reserve({ eventTypeId: seated.eventTypeId, slotStart: first.start });
    expect(full.status).toBe(422);
    expect(full.body.error.message).toContain("has no more seats left");
    const starts = slotStarts((await getSlots(window)).body.data);
    expect(starts).not.toContain(Date.parse(first.start));
  });
});
