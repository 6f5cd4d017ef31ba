import { beforeAll, describe, expect, it } from "vitest";
import { findBookableSlot, findSlots } from "../../../src/availability/service";
import { api } from "../../helpers/api";
import { createTenant, testDb, type Tenant } from "../../helpers/fixtures";

let host: Tenant;
let eventTypeId: number;
// A Monday well in the future, so minimum notice never interferes.
const monday = (() => {
  const d = new Date(Date.now() + 21 * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d.getTime();
})();
const at = (hours: number, minutes = 0) => monday + (hours * 60 + minutes) * 60_000;

beforeAll(async () => {
  host = await createTenant({ timeZone: "UTC" });
  const schedule = await api("/v2/schedules", {
    method: "POST",
    key: host.apiKey,
    version: "2024-06-11",
    body: { name: "Work", timeZone: "UTC", isDefault: true, availability: [{ days: ["Monday"], startTime: "09:00", endTime: "12:00" }] },
  });
  expect(schedule.status).toBe(201);
  const eventType = await api("/v2/event-types", {
    method: "POST",
    key: host.apiKey,
    version: "2024-06-14",
    body: { lengthInMinutes: 60, title: "Chat", slug: "chat", afterEventBuffer: 30 },
  });
  expect(eventType.status).toBe(201);
  eventTypeId = eventType.body.data.id;
});

describe("availability service", () => {
  it("offers the schedule's slots, and a booking (with its buffer) and a live reservation take theirs away", async () => {
    const db = testDb();
    try {
      const window = { rangeStart: monday, rangeEnd: monday + 86_400_000 };
      const before = await findSlots(db, { eventTypeId }, window);
      expect(before.slots.map((s) => s.start)).toEqual([at(9), at(10), at(11)]);

      const booking = await db.booking.create({
        data: { uid: `b-${crypto.randomUUID()}`, userId: host.userId, eventTypeId, title: "x", startTime: new Date(at(9)), endTime: new Date(at(10)) },
      });
      // 09:00-10:00 booked + 30 min after-buffer: 10:00 would start inside the buffer.
      expect((await findSlots(db, { eventTypeId }, window)).slots.map((s) => s.start)).toEqual([at(11)]);
      expect((await findSlots(db, { eventTypeId }, { ...window, excludeBookingUid: booking.uid })).slots).toHaveLength(3);

      await db.selectedSlots.create({
        data: {
          eventTypeId,
          userId: host.userId,
          slotUtcStartDate: new Date(at(11)),
          slotUtcEndDate: new Date(at(12)),
          uid: "hold-1",
          releaseAt: new Date(Date.now() + 300_000),
        },
      });
      expect((await findSlots(db, { eventTypeId }, window)).slots).toEqual([]);
      expect((await findSlots(db, { eventTypeId }, { ...window, excludeReservationUid: "hold-1" })).slots.map((s) => s.start)).toEqual([at(11)]);

      const eventType = (await findSlots(db, { eventTypeId }, window)).eventType!;
      expect(await findBookableSlot(db, eventType, at(11), { excludeReservationUid: "hold-1" })).toMatchObject({ start: at(11) });
      expect(await findBookableSlot(db, eventType, at(10), {})).toBeUndefined();
    } finally {
      await db.$disconnect();
    }
  });

  it("the database refuses two overlapping accepted bookings of one host", async () => {
    const db = testDb();
    try {
      const base = { userId: host.userId, eventTypeId, title: "y" };
      await db.booking.create({ data: { ...base, uid: `c-${crypto.randomUUID()}`, startTime: new Date(at(30)), endTime: new Date(at(31)) } });
      await expect(
        db.booking.create({ data: { ...base, uid: `d-${crypto.randomUUID()}`, startTime: new Date(at(30, 30)), endTime: new Date(at(31, 30)) } }),
      ).rejects.toThrow();
      // Pending and cancelled bookings may overlap; touching ones are fine.
      await db.booking.create({
        data: { ...base, uid: `e-${crypto.randomUUID()}`, status: "PENDING", startTime: new Date(at(30, 30)), endTime: new Date(at(31, 30)) },
      });
      await db.booking.create({ data: { ...base, uid: `f-${crypto.randomUUID()}`, startTime: new Date(at(31)), endTime: new Date(at(32)) } });
    } finally {
      await db.$disconnect();
    }
  });
});
