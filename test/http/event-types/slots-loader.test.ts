import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEventTypeForSlots } from "../../../src/event-types/slots-loader";
import { api } from "../../helpers/api";
import { createEventType, createTenant, type TestDb, testDb, type Tenant } from "../../helpers/fixtures";
import { countingDb } from "../../helpers/counting";

const V = "2024-06-14";
let tenant: Tenant;
let db: TestDb;
let defaultScheduleId: number;
let pinnedScheduleId: number;

const createOwnEventType = (body: Record<string, unknown>) => createEventType(tenant, { lengthInMinutes: 30, title: "T", ...body });

beforeAll(async () => {
  tenant = await createTenant({ timeZone: "Europe/London" });
  db = testDb();
  const def = await api("/v2/schedules", {
    method: "POST",
    key: tenant.apiKey,
    version: "2024-06-11",
    body: {
      name: "Default",
      timeZone: "America/New_York",
      isDefault: true,
      availability: [{ days: ["Monday", "Wednesday"], startTime: "09:00", endTime: "17:30" }],
      overrides: [
        { date: "2030-03-10", startTime: "00:00", endTime: "00:00" },
        { date: "2030-03-09", startTime: "10:00", endTime: "12:00" },
      ],
    },
  });
  defaultScheduleId = def.body.data.id;
  const pinned = await api("/v2/schedules", {
    method: "POST",
    key: tenant.apiKey,
    version: "2024-06-11",
    body: {
      name: "Weekends",
      timeZone: "Asia/Tokyo",
      isDefault: false,
      availability: [{ days: ["Saturday", "Sunday"], startTime: "08:15", endTime: "11:45" }],
    },
  });
  pinnedScheduleId = pinned.body.data.id;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("loadEventTypeForSlots", () => {
  it("loads rules, owner and the default schedule (weekly rules + overrides) in one SQL round trip", async () => {
    const et = await createOwnEventType({
      slug: "slots-default",
      lengthInMinutes: 45,
      beforeEventBuffer: 10,
      afterEventBuffer: 5,
      minimumBookingNotice: 60,
      offsetStart: 15,
      bookingLimitsCount: { day: 3 },
      bookingLimitsDuration: { week: 300 },
      bookingWindow: { type: "businessDays", value: 10, rolling: true },
      lengthInMinutesOptions: [45, 90],
    });
    const { proxy, calls } = countingDb(db);
    const loaded = await loadEventTypeForSlots(proxy, { eventTypeId: et.id });
    expect(calls).toEqual(["$queryRaw"]);
    expect(loaded).toEqual({
      eventTypeId: et.id,
      slug: "slots-default",
      hidden: false,
      owner: { id: tenant.userId, username: tenant.username, timeZone: "Europe/London" },
      // A personal event type's one host is its owner, over the schedule below.
      hosts: [
        {
          userId: tenant.userId,
          isFixed: true,
          priority: 2,
          weight: 100,
          schedule: expect.objectContaining({ id: defaultScheduleId }),
          // No connected calendar: nothing to fetch for this host (src/calendars/availability.ts).
          calendars: [],
          calendarsVersion: expect.any(String),
        },
      ],
      // Personal: no team, no scheduling type, no managed parent.
      teamId: null,
      schedulingType: null,
      parentId: null,
      isRRWeightsEnabled: false,
      rescheduleWithSameRoundRobinHost: false,
      rules: {
        lengthMinutes: 45,
        slotIntervalMinutes: 45,
        explicitSlotIntervalMinutes: null,
        beforeBufferMinutes: 10,
        afterBufferMinutes: 5,
        minimumBookingNoticeMinutes: 60,
        offsetStartMinutes: 15,
        bookingWindow: { type: "businessDays", days: 10, rolling: true },
        bookingLimitsCount: { day: 3 },
        bookingLimitsDuration: { week: 300 },
        seatsPerTimeSlot: null,
        weekStart: "Sunday",
      },
      lengthOptionsMinutes: [45, 90],
      onlyShowFirstAvailableSlot: false,
      requiresConfirmation: false,
      requiresConfirmationWillBlockSlot: false,
      lockTimeZoneToggleOnBookingPage: false,
      schedule: {
        id: defaultScheduleId,
        // Wall-clock minutes in the schedule's own zone: 09:00-17:30 New York stays 540-1050 across DST.
        timeZone: "America/New_York",
        weekly: [{ days: [1, 3], startMinute: 540, endMinute: 1050 }],
        overrides: [
          { date: "2030-03-09", startMinute: 600, endMinute: 720 },
          { date: "2030-03-10", startMinute: 0, endMinute: 0 },
        ],
      },
    });
  });

  it("uses the event type's own schedule when it has one, and finds it by username + slug", async () => {
    await createOwnEventType({
      slug: "slots-pinned",
      scheduleId: pinnedScheduleId,
      slotInterval: 20,
      seats: { seatsPerTimeSlot: 5, showAttendeeInfo: false, showAvailabilityCount: true },
      bookingWindow: { type: "range", value: ["2030-01-01", "2030-06-30"] },
    });
    const loaded = await loadEventTypeForSlots(db, { username: tenant.username, slug: "slots-pinned" });
    expect(loaded?.rules).toMatchObject({
      slotIntervalMinutes: 20,
      explicitSlotIntervalMinutes: 20,
      seatsPerTimeSlot: 5,
      bookingWindow: { type: "range", startDate: "2030-01-01", endDate: "2030-06-30" },
      bookingLimitsCount: null,
    });
    expect(loaded?.schedule).toEqual({
      id: pinnedScheduleId,
      timeZone: "Asia/Tokyo",
      weekly: [{ days: [6, 0], startMinute: 495, endMinute: 705 }],
      overrides: [],
    });
  });

  it("answers null for an unknown event type, and schedule null when the owner has no schedule", async () => {
    expect(await loadEventTypeForSlots(db, { eventTypeId: 2_000_000_000 })).toBeNull();
    expect(await loadEventTypeForSlots(db, { username: tenant.username, slug: "no-such-slug" })).toBeNull();
    const loner = await createTenant();
    const et = await createEventType(loner, { lengthInMinutes: 30, title: "x", slug: "x" });
    const loaded = await loadEventTypeForSlots(db, { eventTypeId: et.id });
    expect(loaded?.schedule).toBeNull();
    expect(loaded?.rules.bookingWindow).toEqual({ type: "unlimited" });
  });

  it("follows the default schedule when the pinned one is deleted", async () => {
    const extra = await api("/v2/schedules", {
      method: "POST",
      key: tenant.apiKey,
      version: "2024-06-11",
      body: { name: "Temp", timeZone: "UTC", isDefault: false },
    });
    const et = await createOwnEventType({ slug: "slots-fallback", scheduleId: extra.body.data.id });
    await api(`/v2/schedules/${extra.body.data.id}`, { method: "DELETE", key: tenant.apiKey, version: "2024-06-11" });
    const loaded = await loadEventTypeForSlots(db, { eventTypeId: et.id });
    expect(loaded?.schedule?.id).toBe(defaultScheduleId);
  });
});
