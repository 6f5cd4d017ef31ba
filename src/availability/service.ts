import { combineHostAvailability, offersSlots, schedulingTypeOf } from "../event-types/scheduling";
import { loadEventTypeForSlots, type EventTypeForSlots, type EventTypeHost, type EventTypeLookup, type HostSchedule } from "../event-types/slots-loader";
import { dayNumber, WEEK_DAYS, type WeekDay } from "../schedules/availability";
import type { Queryable } from "../services/db";
import { computeSlots } from "../slots/engine";
import type { EventRules, Interval, OutOfOfficeDays, ScheduleInput, SeatedBooking, Slot } from "../slots/types";
import { loadBusyContext, type BusyContext } from "./busy";

// The engine numbers the week's first day like Date#getDay() (0 = Sunday); an unknown name starts on Sunday.
const weekStartNumber = (weekStart: string): number => (isWeekDay(weekStart) ? dayNumber(weekStart) : 0);
const isWeekDay = (name: string): name is WeekDay => (WEEK_DAYS as readonly string[]).includes(name);

/** The engine's view of an event type's rules. */
export function engineRules(eventType: EventTypeForSlots): EventRules {
  const { rules } = eventType;
  const window = rules.bookingWindow;
  return {
    lengthMinutes: rules.lengthMinutes,
    // Unset interval: the engine steps by the length in use (the picked duration, else the event's length).
    slotIntervalMinutes: rules.explicitSlotIntervalMinutes !== undefined ? rules.explicitSlotIntervalMinutes : rules.slotIntervalMinutes,
    beforeBufferMinutes: rules.beforeBufferMinutes,
    afterBufferMinutes: rules.afterBufferMinutes,
    minimumBookingNoticeMinutes: rules.minimumBookingNoticeMinutes,
    offsetStartMinutes: rules.offsetStartMinutes,
    bookingWindow:
      window.type === "unlimited"
        ? null
        : window.type === "range"
          ? { type: "range", start: window.startDate, end: window.endDate }
          : { type: window.type, value: window.days, rolling: window.rolling },
    bookingLimitsCount: rules.bookingLimitsCount,
    bookingLimitsDuration: rules.bookingLimitsDuration,
    seatsPerTimeSlot: rules.seatsPerTimeSlot,
    weekStart: weekStartNumber(rules.weekStart),
  };
}

/** The engine's view of a schedule (an override with equal start and end is a day off). */
export function engineSchedule(schedule: HostSchedule): ScheduleInput {
  return {
    timeZone: schedule.timeZone,
    weekly: schedule.weekly,
    overrides: schedule.overrides.map((o) => (o.startMinute === o.endMinute ? { date: o.date, startMinute: 0, endMinute: 0 } : o)),
  };
}

export interface AvailabilityOptions {
  rangeStart: number;
  rangeEnd: number;
  now?: number;
  durationMinutes?: number;
  excludeBookingUid?: string;
  excludeReservationUid?: string;
  ignoreReservations?: boolean;
  /** How out-of-office days are taken away; by default as the event type's hosts share it (outOfOfficeZone). */
  outOfOfficeZone?: OutOfOfficeDays["zone"];
}

/**
 * Cal.com's getUserAvailability: a team event (collective, round robin, or several hosts) loses a host's
 * out-of-office dates as whole local days in the host's schedule zone; an individual event loses whole UTC days.
 */
export const outOfOfficeZone = (eventType: EventTypeForSlots): OutOfOfficeDays["zone"] =>
  eventType.schedulingType === "COLLECTIVE" || eventType.schedulingType === "ROUND_ROBIN" || eventType.hosts.length > 1 ? "schedule" : "utc";

/** Slots of a loaded event type: one round trip for every host's busy time, then the pure engine. */
export async function slotsForEventType(db: Queryable, eventType: EventTypeForSlots, options: AvailabilityOptions): Promise<Slot[]> {
  if (!eventType.hosts.some((host) => host.schedule)) return [];
  const now = options.now ?? Date.now();
  const rules = engineRules(eventType);
  const context = await loadBusyContext(db, {
    hostUserIds: eventType.hosts.map((host) => host.userId),
    eventTypeId: eventType.eventTypeId,
    rangeStart: options.rangeStart,
    rangeEnd: options.rangeEnd,
    now,
    limits: { count: rules.bookingLimitsCount, duration: rules.bookingLimitsDuration },
    excludeBookingUid: options.excludeBookingUid,
    excludeReservationUid: options.excludeReservationUid,
    ignoreReservations: options.ignoreReservations,
    seated: Boolean(rules.seatsPerTimeSlot),
  });
  return slotsFromBusyContext(eventType, context, { ...options, now });
}

/**
 * A host's busy time with their connected calendars' (set by src/calendars/availability.ts). A calendar event
 * at exactly a seated booking's time is that booking's own event, which must not close its other seats.
 */
function withCalendarBusy(busy: Interval[], host: EventTypeHost, seated: readonly SeatedBooking[]): Interval[] {
  const calendar = host.calendarBusy;
  if (!calendar || calendar.length === 0) return busy;
  const own = seated.length === 0 ? calendar : calendar.filter((interval) => !seated.some((b) => b.start === interval.start && b.end === interval.end));
  return own.length === 0 ? busy : [...busy, ...own];
}

/**
 * The pure part: the engine over an event type and busy time already loaded for the same window, run for each
 * host over the host's schedule and busy time, the hosts' slots combined as the event type's scheduling says.
 * Limits and seats count the event type's bookings, whoever hosts them.
 */
export function slotsFromBusyContext(eventType: EventTypeForSlots, context: BusyContext, options: AvailabilityOptions): Slot[] {
  if (!offersSlots(eventType)) return [];
  const rules = engineRules(eventType);
  const now = options.now ?? Date.now();
  const zone = options.outOfOfficeZone ?? outOfOfficeZone(eventType);
  const awayDays = (userId: number): OutOfOfficeDays | null => {
    const days = context.outOfOfficeByHost?.get(userId);
    return days ? { days, zone } : null;
  };
  const perHost = eventType.hosts.map((host) => ({
    isFixed: host.isFixed,
    // A host whose connected calendar could not be read offers nothing (fail closed: src/calendars/availability.ts).
    slots:
      host.schedule && !host.calendarUnavailable
        ? computeSlots({
            rules,
            schedule: engineSchedule(host.schedule),
            busy: withCalendarBusy(context.busyByHost.get(host.userId) ?? [], host, rules.seatsPerTimeSlot ? context.seatedBookings : []),
            countedBookings: context.countedBookings,
            seatedBookings: context.seatedBookings,
            now,
            rangeStart: options.rangeStart,
            rangeEnd: options.rangeEnd,
            durationMinutes: options.durationMinutes,
            outOfOffice: awayDays(host.userId),
          })
        : [],
  }));
  return combineHostAvailability(schedulingTypeOf(eventType), perHost);
}

/**
 * Cal.com's `away` slots (the legacy lookup only; GET /v2/slots drops them): for an individual event, the slots
 * the host's schedule would offer on their out-of-office UTC dates, marked with who is away and who covers, so
 * the Booker can lead the booker to `toUser`. They are not bookable. Team events have none (Cal.com removes the
 * days, and `toUser` never becomes a host).
 */
export function awaySlots(eventType: EventTypeForSlots, context: BusyContext, options: AvailabilityOptions): Slot[] {
  const host = eventType.hosts[0];
  if (!host || outOfOfficeZone(eventType) !== "utc") return [];
  const details = context.outOfOfficeDetails?.get(host.userId);
  if (!details || details.size === 0) return [];
  const present = slotsFromBusyContext(eventType, { ...context, outOfOfficeByHost: undefined }, options);
  return present.flatMap((slot) => {
    const away = details.get(Math.floor(slot.start / DAY_MS));
    return away ? [{ ...slot, away }] : [];
  });
}

const DAY_MS = 86_400_000;

/** GET /v2/slots in two round trips: the event type with its schedule, then busy time. */
export async function findSlots(
  db: Queryable,
  lookup: EventTypeLookup,
  options: AvailabilityOptions,
): Promise<{ eventType: EventTypeForSlots | null; slots: Slot[] }> {
  const eventType = await loadEventTypeForSlots(db, lookup);
  if (!eventType) return { eventType: null, slots: [] };
  return { eventType, slots: await slotsForEventType(db, eventType, options) };
}

/**
 * Whether `start` (for `durationMinutes`) is a slot the engine offers right now: the same rules as
 * GET /v2/slots (schedule, buffers, notice, window, limits, seats, reservations). Returns the slot, with its
 * seat counts for seated event types.
 */
export async function findBookableSlot(
  db: Queryable,
  eventType: EventTypeForSlots,
  start: number,
  options: Omit<AvailabilityOptions, "rangeStart" | "rangeEnd">,
): Promise<Slot | undefined> {
  const slots = await slotsForEventType(db, eventType, { ...options, rangeStart: start, rangeEnd: start + 1 });
  return slots.find((slot) => slot.start === start);
}
