import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBusyContext } from "../../../src/availability/busy";
import { loadEventTypeWithBusyTime } from "../../../src/availability/one-round-trip";
import { findSlots, slotsFromBusyContext } from "../../../src/availability/service";
import { loadEventTypeForSlots } from "../../../src/event-types/slots-loader";
import { createSql } from "../../../src/services/db";
import { api } from "../../helpers/api";
import { createHost, DAY, mondayAhead, type Host } from "../slots/helpers";
import { testDb } from "../../helpers/fixtures";
import { countingDb } from "../../helpers/counting";

// GET /v2/slots reads the event type and the host's busy time in one statement; it must read exactly what
// findSlots' two round trips read.

let host: Host;
let otherEventTypeId: number;
const monday = mondayAhead(28);
const at = (day: number, hours: number) => monday + day * DAY + hours * 3_600_000;

beforeAll(async () => {
  host = await createHost({
    timeZone: "Europe/Berlin",
    eventType: { bookingLimitsCount: { week: 3 }, beforeEventBuffer: 15, afterEventBuffer: 10 },
  });
  const other = await api("/v2/event-types", {
    key: host.apiKey,
    version: "2024-06-14",
    body: { lengthInMinutes: 30, title: "Other", slug: "other", afterEventBuffer: 30, requiresConfirmation: true },
  });
  otherEventTypeId = other.body.data.id;
  const db = testDb();
  try {
    const booking = (eventTypeId: number, start: number, minutes: number, status: "ACCEPTED" | "PENDING" | "CANCELLED" = "ACCEPTED") =>
      db.booking.create({
        data: {
          uid: `b-${crypto.randomUUID()}`,
          userId: host.userId,
          eventTypeId,
          title: "x",
          status,
          startTime: new Date(start),
          endTime: new Date(start + minutes * 60_000),
        },
      });
    await booking(host.eventTypeId, at(0, 9), 60);
    await booking(host.eventTypeId, at(-3, 9), 60); // the week before: counted for the weekly limit only
    await booking(otherEventTypeId, at(1, 10), 30);
    await booking(otherEventTypeId, at(1, 13), 30, "PENDING");
    await booking(host.eventTypeId, at(2, 9), 60, "CANCELLED");
    await booking(host.eventTypeId, at(40, 9), 60); // far outside any reach
    await db.selectedSlots.create({
      data: {
        eventTypeId: host.eventTypeId,
        userId: host.userId,
        slotUtcStartDate: new Date(at(3, 11)),
        slotUtcEndDate: new Date(at(3, 12)),
        uid: "hold-a",
        releaseAt: new Date(Date.now() + 300_000),
      },
    });
    await db.selectedSlots.create({
      data: {
        eventTypeId: host.eventTypeId,
        userId: host.userId,
        slotUtcStartDate: new Date(at(3, 14)),
        slotUtcEndDate: new Date(at(3, 15)),
        uid: "hold-expired",
        releaseAt: new Date(Date.now() - 1_000),
      },
    });
  } finally {
    await db.$disconnect();
  }
});

describe("loadEventTypeWithBusyTime", () => {
  it("reads in one statement exactly what the event type loader and loadBusyContext read", async () => {
    const db = testDb();
    try {
      const window = { rangeStart: monday, rangeEnd: monday + 5 * DAY, now: Date.now() };
      const { proxy, calls } = countingDb(db);
      const combined = await loadEventTypeWithBusyTime(proxy, { eventTypeId: host.eventTypeId }, window);
      expect(calls).toEqual(["$queryRaw"]);
      const eventType = await loadEventTypeForSlots(db, { eventTypeId: host.eventTypeId });
      expect(combined!.eventType).toEqual(eventType);
      const separate = await loadBusyContext(db, {
        hostUserIds: [host.userId],
        eventTypeId: host.eventTypeId,
        ...window,
        limits: { count: { week: 3 } },
      });
      const sorted = <T extends { start: number }>(list: T[]) => [...list].sort((a, b) => a.start - b.start);
      expect(sorted(combined!.busy.busy)).toEqual(sorted(separate.busy));
      expect(sorted(combined!.busy.countedBookings)).toEqual(sorted(separate.countedBookings));
      expect(sorted(combined!.busy.seatedBookings)).toEqual(sorted(separate.seatedBookings));
      // The week-before booking is read (weekly limit), the one 40 days out is not; the expired hold is not busy.
      expect(combined!.busy.countedBookings.map((b) => b.start).sort()).toEqual([at(-3, 9), at(0, 9)].sort());
      expect(combined!.busy.busy).toContainEqual({ start: at(3, 11), end: at(3, 12) });
      expect(combined!.busy.busy).not.toContainEqual({ start: at(3, 14), end: at(3, 15) });

      const slots = slotsFromBusyContext(combined!.eventType, combined!.busy, { ...window });
      const twoTrips = await findSlots(db, { eventTypeId: host.eventTypeId }, window);
      expect(slots).toEqual(twoTrips.slots);
      expect(slots.length).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("reads the same through Neon's HTTP function (the hot path) as through Prisma", async () => {
    const db = testDb();
    try {
      const window = { rangeStart: monday, rangeEnd: monday + 5 * DAY, now: Date.now() };
      const sql = createSql(env as unknown as { DATABASE_URL: string; NEON_WS_PROXY?: string });
      const viaNeon = await loadEventTypeWithBusyTime(sql, { eventTypeId: host.eventTypeId }, window);
      const viaPrisma = await loadEventTypeWithBusyTime(db, { eventTypeId: host.eventTypeId }, window);
      expect(viaNeon).toEqual(viaPrisma);
      expect(viaNeon!.busy.busy.length).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("honours exclusions and finds by username and slug; null for nothing", async () => {
    const db = testDb();
    try {
      const window = { rangeStart: monday, rangeEnd: monday + 5 * DAY, now: Date.now(), excludeReservationUid: "hold-a" };
      const bySlug = await loadEventTypeWithBusyTime(db, { username: host.username, slug: host.slug }, window);
      expect(bySlug!.eventType.eventTypeId).toBe(host.eventTypeId);
      expect(bySlug!.busy.busy).not.toContainEqual({ start: at(3, 11), end: at(3, 12) });
      expect(await loadEventTypeWithBusyTime(db, { eventTypeId: 2_000_000_000 }, window)).toBeNull();
    } finally {
      await db.$disconnect();
    }
  });
});
