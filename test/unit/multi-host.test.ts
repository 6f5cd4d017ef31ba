import { describe, expect, it } from "vitest";
import type { BusyContext } from "../../src/availability/busy";
import { slotsFromBusyContext } from "../../src/availability/service";
import { hostLockOrder } from "../../src/bookings/lock";
import { combineHostAvailability } from "../../src/event-types/scheduling";
import type { EventTypeForSlots, HostSchedule } from "../../src/event-types/slots-loader";
import { computeSlots } from "../../src/slots/engine";
import type { Slot } from "../../src/slots/types";

// The seams a team event type will go through (several hosts), exercised with what exists today: one host.

const HOUR = 3_600_000;
const monday = Date.UTC(2030, 0, 7);

const schedule: HostSchedule = { id: 1, timeZone: "UTC", weekly: [{ days: [1], startMinute: 540, endMinute: 720 }], overrides: [] };

const eventType: EventTypeForSlots = {
  eventTypeId: 10,
  slug: "intro",
  hidden: false,
  owner: { id: 7, username: "host", timeZone: "UTC" },
  schedulingType: null,
  teamId: null,
  parentId: null,
  isRRWeightsEnabled: false,
  rescheduleWithSameRoundRobinHost: false,
  hosts: [{ userId: 7, schedule, isFixed: true, priority: 2, weight: 100 }],
  rules: {
    lengthMinutes: 60,
    slotIntervalMinutes: 60,
    explicitSlotIntervalMinutes: null,
    beforeBufferMinutes: 0,
    afterBufferMinutes: 0,
    minimumBookingNoticeMinutes: 0,
    offsetStartMinutes: 0,
    bookingWindow: { type: "unlimited" },
    bookingLimitsCount: null,
    bookingLimitsDuration: null,
    seatsPerTimeSlot: null,
    weekStart: "Sunday",
  },
  lengthOptionsMinutes: [],
  onlyShowFirstAvailableSlot: false,
  requiresConfirmation: false,
  requiresConfirmationWillBlockSlot: false,
  lockTimeZoneToggleOnBookingPage: false,
  schedule,
};

describe("hostLockOrder", () => {
  it("takes every host once, in ascending user id, whatever order the hosts come in", () => {
    expect(hostLockOrder([42])).toEqual([42]);
    expect(hostLockOrder([9, 2, 5, 2, 9])).toEqual([2, 5, 9]);
    expect(hostLockOrder([5, 9, 2])).toEqual(hostLockOrder([2, 9, 5]));
  });
});

describe("combineHostAvailability", () => {
  const slots: Slot[] = [{ start: monday + 9 * HOUR, end: monday + 10 * HOUR }];

  const later: Slot[] = [{ start: monday + 10 * HOUR, end: monday + 11 * HOUR }];
  const host = (list: Slot[], isFixed = true) => ({ isFixed, slots: list });

  it("gives a personal event type its one host's slots", () => {
    expect(combineHostAvailability(null, [host(slots)])).toEqual(slots);
    expect(combineHostAvailability(null, [host([])])).toEqual([]);
  });

  it("keeps for a collective event the slots every host has", () => {
    expect(combineHostAvailability("COLLECTIVE", [host([...slots, ...later]), host(slots)])).toEqual(slots);
    expect(combineHostAvailability("COLLECTIVE", [host(later), host(slots)])).toEqual([]);
  });

  it("keeps for round robin the slots any rotating host has, within every fixed host's", () => {
    expect(combineHostAvailability("ROUND_ROBIN", [host(later, false), host(slots, false)])).toEqual([...slots, ...later]);
    expect(combineHostAvailability("ROUND_ROBIN", [host(slots), host(later, false), host(slots, false)])).toEqual(slots);
    // A fixed host who is never free leaves nothing to book (Cal.com would show the rotating hosts' slots).
    expect(combineHostAvailability("ROUND_ROBIN", [host([]), host(slots, false)])).toEqual([]);
  });
});

describe("slotsFromBusyContext over hosts", () => {
  const window = { rangeStart: monday, rangeEnd: monday + 24 * HOUR, now: monday - 24 * HOUR };
  const taken = { start: monday + 10 * HOUR, end: monday + 11 * HOUR };

  it("computes a one-host event type over its host's schedule and busy time, as the engine alone does", () => {
    const context: BusyContext = { busy: [taken], busyByHost: new Map([[7, [taken]]]), countedBookings: [], seatedBookings: [] };
    const slots = slotsFromBusyContext(eventType, context, window);
    expect(slots.map((slot) => slot.start)).toEqual([monday + 9 * HOUR, monday + 11 * HOUR]);
    const engine = computeSlots({
      rules: { ...eventType.rules, weekStart: 0, bookingWindow: null },
      schedule,
      busy: [taken],
      countedBookings: [],
      seatedBookings: [],
      ...window,
    });
    expect(slots).toEqual(engine);
  });

  it("ignores busy time of users who are not hosts, and offers nothing without a schedule", () => {
    const context: BusyContext = { busy: [taken], busyByHost: new Map([[8, [taken]]]), countedBookings: [], seatedBookings: [] };
    expect(slotsFromBusyContext(eventType, context, window)).toHaveLength(3);
    expect(slotsFromBusyContext({ ...eventType, hosts: [{ userId: 7, schedule: null, isFixed: true, priority: 2, weight: 100 }] }, context, window)).toEqual(
      [],
    );
  });
});
