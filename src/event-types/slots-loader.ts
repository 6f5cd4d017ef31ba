import { Prisma } from "../generated/prisma/client";
import type { DateOverride, WeeklyRule } from "../schedules/availability";
import type { Queryable } from "../services/db";
import type { EventTypeRow } from "./output";

// Everything the slots engine needs about one event type, in ONE SQL round trip: the event type's rules, its
// owner, and the schedule it uses (its own `scheduleId`, else the owner's default) with that schedule's weekly
// rules and date overrides, aggregated as JSON in the same statement.

/** How far ahead the event can be booked. */
export type BookingWindow =
  | { type: "unlimited" }
  /** The next `days` business days (Mon-Fri) or calendar days; `rolling` counts only days with availability. */
  | { type: "businessDays" | "calendarDays"; days: number; rolling: boolean }
  /** Only between these dates (inclusive, YYYY-MM-DD, in the schedule's zone). */
  | { type: "range"; startDate: string; endDate: string };

/** Per-interval caps: number of bookings (`bookingLimitsCount`) or booked minutes (`bookingLimitsDuration`). */
export interface IntervalLimits {
  day?: number;
  week?: number;
  month?: number;
  year?: number;
}

/** The event rules, named as the slots engine takes them. */
export interface EventRules {
  lengthMinutes: number;
  /** The event's slot step: its `slotInterval`, or its length when unset (Cal.com's default). */
  slotIntervalMinutes: number;
  /**
   * The `slotInterval` column itself (null when unset). When a booker picks another of the event's lengths,
   * an unset interval steps by the picked length, as Cal.com's `slotInterval || duration || length`.
   */
  explicitSlotIntervalMinutes?: number | null;
  beforeBufferMinutes: number;
  afterBufferMinutes: number;
  minimumBookingNoticeMinutes: number;
  offsetStartMinutes: number;
  bookingWindow: BookingWindow;
  bookingLimitsCount: IntervalLimits | null;
  bookingLimitsDuration: IntervalLimits | null;
  /** Null when the event is not seated. */
  seatsPerTimeSlot: number | null;
  /** The owner's first day of the week ("Sunday", "Monday", …), for weekly limits. */
  weekStart: string;
}

/**
 * A schedule in force: times are wall-clock minutes in `timeZone` (IANA), to be placed on dates in that zone.
 * An override replaces the weekly rules on its date; an override with startMinute === endMinute means the
 * whole date is unavailable.
 */
export interface HostSchedule {
  id: number;
  timeZone: string;
  weekly: WeeklyRule[];
  overrides: DateOverride[];
}

/** One host of an event type: its slots are computed over the host's schedule and calendar. */
export interface EventTypeHost {
  userId: number;
  /** Null when the host has no schedule for this event type (then the host is never available). */
  schedule: HostSchedule | null;
}

export interface EventTypeForSlots {
  eventTypeId: number;
  slug: string;
  hidden: boolean;
  /** The event type's owner: the organizer of its bookings. */
  owner: { id: number; username: string | null; timeZone: string };
  /**
   * Whose availability the slots are computed over, organizer first (how their slots combine:
   * src/event-types/scheduling.ts). A personal event type has one host: its owner.
   */
  hosts: EventTypeHost[];
  rules: EventRules;
  /** Other lengths a booker may pick (`lengthInMinutesOptions`); empty when only `lengthMinutes`. */
  lengthOptionsMinutes: number[];
  onlyShowFirstAvailableSlot: boolean;
  requiresConfirmation: boolean;
  /** Whether unconfirmed bookings still block their slot. */
  requiresConfirmationWillBlockSlot: boolean;
  lockTimeZoneToggleOnBookingPage: boolean;
  /** The owner's schedule in force, or null when the event type has none and its owner has no default schedule. */
  schedule: HostSchedule | null;
}

export type EventTypeLookup =
  | { eventTypeId: number }
  /** `organizationSlug` resolves the organization in the same statement (public slot lookups). */
  | { username: string; slug: string; organizationId?: number; organizationSlug?: string };

// The columns read as they are stored; the period columns are read as text, as the engine takes them.
type Row = Pick<
  EventTypeRow,
  | "id"
  | "userId"
  | "slug"
  | "hidden"
  | "length"
  | "slotInterval"
  | "beforeEventBuffer"
  | "afterEventBuffer"
  | "minimumBookingNotice"
  | "offsetStart"
  | "periodDays"
  | "periodCountCalendarDays"
  | "bookingLimitPerDay"
  | "bookingLimitPerWeek"
  | "bookingLimitPerMonth"
  | "bookingLimitPerYear"
  | "durationLimitPerDay"
  | "durationLimitPerWeek"
  | "durationLimitPerMonth"
  | "durationLimitPerYear"
  | "seatsPerTimeSlot"
  | "onlyShowFirstAvailableSlot"
  | "requiresConfirmation"
  | "requiresConfirmationWillBlockSlot"
  | "lockTimeZoneToggleOnBookingPage"
> & {
  multipleDuration: number[] | null;
  periodType: "unlimited" | "rolling" | "rolling_window" | "range";
  periodStartDate: string | null;
  periodEndDate: string | null;
  username: string | null;
  ownerTimeZone: string;
  weekStart: string;
  /** The schedule in force (the event type's own, else the owner's default). */
  scheduleId: number | null;
  scheduleTimeZone: string | null;
  weekly: unknown;
  overrides: unknown;
  /** The event type's hosts (user ids, organizer first): busy time and versions are read for each. */
  hostUserIds: number[];
};

function whereClause(lookup: EventTypeLookup): Prisma.Sql {
  if ("eventTypeId" in lookup) return Prisma.sql`WHERE et."id" = ${lookup.eventTypeId}`;
  const org =
    lookup.organizationId !== undefined
      ? Prisma.sql`AND u."organizationId" = ${lookup.organizationId}`
      : lookup.organizationSlug !== undefined
        ? Prisma.sql`AND u."organizationId" = (SELECT t."id" FROM "Team" t WHERE t."slug" = ${lookup.organizationSlug} AND t."isOrganization" AND t."parentId" IS NULL)`
        : Prisma.empty;
  // Without an organisation, a user outside any organisation wins over same-named members of one.
  return Prisma.sql`WHERE u."username" = ${lookup.username} AND et."slug" = ${lookup.slug} ${org}
    ORDER BY (u."organizationId" IS NULL) DESC, u."id"`;
}

const asArray = <T>(value: unknown): T[] => (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as T[];

function limits(day: number | null, week: number | null, month: number | null, year: number | null): IntervalLimits | null {
  if (day === null && week === null && month === null && year === null) return null;
  return Object.fromEntries(Object.entries({ day, week, month, year }).filter(([, v]) => v !== null)) as IntervalLimits;
}

function bookingWindow(row: Row): BookingWindow {
  switch (row.periodType) {
    case "range":
      return { type: "range", startDate: row.periodStartDate ?? "", endDate: row.periodEndDate ?? "" };
    case "rolling":
    case "rolling_window":
      return { type: row.periodCountCalendarDays ? "calendarDays" : "businessDays", days: row.periodDays ?? 0, rolling: row.periodType === "rolling_window" };
    default:
      return { type: "unlimited" };
  }
}

/** The raw row of eventTypeForSlotsStatement, for callers that embed it in a larger statement. */
export type EventTypeForSlotsRow = Row;

/** The one statement (at most one row) behind loadEventTypeForSlots; embeddable as a CTE. */
export function eventTypeForSlotsStatement(lookup: EventTypeLookup): Prisma.Sql {
  return Prisma.sql`
    SELECT et."id", et."userId", et."slug", et."hidden", et."length", et."multipleDuration", et."slotInterval",
           et."beforeEventBuffer", et."afterEventBuffer", et."minimumBookingNotice", et."offsetStart",
           et."periodType"::text AS "periodType", et."periodDays", et."periodCountCalendarDays",
           to_char(et."periodStartDate", 'YYYY-MM-DD') AS "periodStartDate",
           to_char(et."periodEndDate", 'YYYY-MM-DD') AS "periodEndDate",
           et."bookingLimitPerDay", et."bookingLimitPerWeek", et."bookingLimitPerMonth", et."bookingLimitPerYear",
           et."durationLimitPerDay", et."durationLimitPerWeek", et."durationLimitPerMonth", et."durationLimitPerYear",
           et."seatsPerTimeSlot", et."onlyShowFirstAvailableSlot", et."requiresConfirmation",
           et."requiresConfirmationWillBlockSlot", et."lockTimeZoneToggleOnBookingPage",
           u."username", u."timeZone" AS "ownerTimeZone", u."weekStart",
           s."id" AS "scheduleId", s."timeZone" AS "scheduleTimeZone",
           COALESCE(av."weekly", '[]'::jsonb) AS "weekly", COALESCE(av."overrides", '[]'::jsonb) AS "overrides",
           ARRAY[et."userId"] AS "hostUserIds"
    FROM "EventType" et
    JOIN "users" u ON u."id" = et."userId"
    LEFT JOIN "Schedule" s ON s."id" = COALESCE(et."scheduleId", u."defaultScheduleId") AND s."userId" = et."userId"
    LEFT JOIN LATERAL (
      SELECT
        jsonb_agg(jsonb_build_object('days', a."days", 'startMinute', a."startMinute", 'endMinute', a."endMinute")
                  ORDER BY a."id") FILTER (WHERE a."date" IS NULL) AS "weekly",
        jsonb_agg(jsonb_build_object('date', to_char(a."date", 'YYYY-MM-DD'), 'startMinute', a."startMinute", 'endMinute', a."endMinute")
                  ORDER BY a."date", a."startMinute") FILTER (WHERE a."date" IS NOT NULL) AS "overrides"
      FROM "Availability" a
      WHERE a."scheduleId" = s."id"
    ) av ON TRUE
    ${whereClause(lookup)}
    LIMIT 1`;
}

/** Loads an event type with its owner and schedule for the slots engine, or null when there is no such event type. */
export async function loadEventTypeForSlots(db: Queryable, lookup: EventTypeLookup): Promise<EventTypeForSlots | null> {
  const rows = await db.$queryRaw<Row[]>(eventTypeForSlotsStatement(lookup));
  const row = rows[0];
  return row ? eventTypeFromRow(row) : null;
}

export function eventTypeFromRow(row: EventTypeForSlotsRow): EventTypeForSlots {
  const schedule: HostSchedule | null =
    row.scheduleId === null
      ? null
      : {
          id: row.scheduleId,
          timeZone: row.scheduleTimeZone!,
          weekly: asArray<WeeklyRule>(row.weekly),
          overrides: asArray<DateOverride>(row.overrides),
        };
  return {
    eventTypeId: row.id,
    slug: row.slug,
    hidden: row.hidden,
    owner: { id: row.userId, username: row.username, timeZone: row.ownerTimeZone },
    // A personal event type's one host is its owner, with the schedule read above (row.hostUserIds: [owner]).
    hosts: [{ userId: row.userId, schedule }],
    rules: {
      lengthMinutes: row.length,
      slotIntervalMinutes: row.slotInterval ?? row.length,
      explicitSlotIntervalMinutes: row.slotInterval,
      beforeBufferMinutes: row.beforeEventBuffer,
      afterBufferMinutes: row.afterEventBuffer,
      minimumBookingNoticeMinutes: row.minimumBookingNotice,
      offsetStartMinutes: row.offsetStart,
      bookingWindow: bookingWindow(row),
      bookingLimitsCount: limits(row.bookingLimitPerDay, row.bookingLimitPerWeek, row.bookingLimitPerMonth, row.bookingLimitPerYear),
      bookingLimitsDuration: limits(row.durationLimitPerDay, row.durationLimitPerWeek, row.durationLimitPerMonth, row.durationLimitPerYear),
      seatsPerTimeSlot: row.seatsPerTimeSlot,
      weekStart: row.weekStart,
    },
    lengthOptionsMinutes: row.multipleDuration ?? [],
    onlyShowFirstAvailableSlot: row.onlyShowFirstAvailableSlot,
    requiresConfirmation: row.requiresConfirmation,
    requiresConfirmationWillBlockSlot: row.requiresConfirmationWillBlockSlot,
    lockTimeZoneToggleOnBookingPage: row.lockTimeZoneToggleOnBookingPage,
    schedule,
  };
}
