import { Prisma } from "../generated/prisma/client";
import type { DateOverride, WeeklyRule } from "../schedules/availability";
import type { Queryable } from "../services/db";
import type { EventTypeRow } from "./output";
import type { SchedulingType } from "./scheduling";

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
  /** Must be free for every booking: a personal event type's owner, every collective host, mandatory round-robin hosts. */
  isFixed: boolean;
  /** Round-robin priority, 0 (lowest) … 4 (highest); Cal.com reads a missing one as 2 (medium). */
  priority: number;
  /** Round-robin weight (Cal.com's default 100), used only when the event type enables weights. */
  weight: number;
  /**
   * The host's user-level selected calendars on credentials that are not `invalid` (empty: no connected
   * calendar to check, and nothing is fetched), read in the same statement as the hosts.
   */
  calendars?: HostCalendar[];
  /** The host's `SlotsVersion.calendarsVersion` ("0" before its first change): the calendar busy cache key. */
  calendarsVersion?: string;
  /**
   * Set by src/calendars/availability.ts before the engine runs: the busy time of the host's selected calendars
   * (epoch ms), or `calendarUnavailable` when a calendar could not be read (the host then offers nothing).
   */
  calendarBusy?: readonly { start: number; end: number }[];
  calendarUnavailable?: boolean;
}

/** A selected calendar of a host: the credential that reads it and its externalId. */
export interface HostCalendar {
  credentialId: number;
  /** The credential's type (e.g. "apple_calendar"): only types with a provider are read. */
  type: string;
  externalId: string;
}

export interface EventTypeForSlots {
  eventTypeId: number;
  slug: string;
  hidden: boolean;
  /** How its hosts share it (src/event-types/scheduling.ts): null for a personal event type or a managed child. */
  schedulingType: SchedulingType | null;
  /** The team of a team event type, else null. */
  teamId: number | null;
  /** Managed children: the parent template's id, else null. */
  parentId: number | null;
  isRRWeightsEnabled: boolean;
  rescheduleWithSameRoundRobinHost: boolean;
  /**
   * The event type's owner (a personal event type's, a managed child's), else null (a team's event type: its
   * bookings' organizer is picked among the hosts).
   */
  owner: { id: number; username: string | null; timeZone: string } | null;
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
  /** The first host's schedule in force (a personal event type's: its owner's), or null when it has none. */
  schedule: HostSchedule | null;
}

export type EventTypeLookup =
  | { eventTypeId: number }
  /** `organizationSlug` resolves the organization in the same statement (public slot lookups). */
  | { username: string; slug: string; organizationId?: number; organizationSlug?: string }
  /** A team's event type by the team's slug (within the organization named by `organizationSlug`, if any). */
  | { teamSlug: string; slug: string; organizationSlug?: string };

// The columns read as they are stored; the period columns are read as text, as the engine takes them.
type Row = Pick<
  EventTypeRow,
  | "id"
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
  userId: number | null;
  teamId: number | null;
  parentId: number | null;
  schedulingType: "roundRobin" | "collective" | "managed" | null;
  isRRWeightsEnabled: boolean;
  rescheduleWithSameRoundRobinHost: boolean;
  username: string | null;
  ownerTimeZone: string;
  weekStart: string;
  /** Each host with the schedule in force for it, as positional JSON (HostTuple), fixed hosts first. */
  hosts: unknown;
  /** The event type's hosts (user ids, as in `hosts`): busy time and versions are read for each. */
  hostUserIds: number[];
  /** The owners of the schedules in force (a team host may use a schedule it does not own): versions are read for each. */
  scheduleUserIds: number[];
};

// A host as the statement aggregates it: positional (json arrays cost Postgres far less than objects).
type HostTuple = [
  userId: number,
  isFixed: boolean,
  priority: number | null,
  weight: number | null,
  scheduleId: number | null,
  timeZone: string | null,
  weekly: WeeklyRule[] | null,
  overrides: DateOverride[] | null,
  calendars: [credentialId: number, type: string, externalId: string][] | null,
  calendarsVersion: string | null,
];

const SCHEDULING_TYPES = { roundRobin: "ROUND_ROBIN", collective: "COLLECTIVE", managed: "MANAGED" } as const;

function whereClause(lookup: EventTypeLookup): Prisma.Sql {
  if ("teamSlug" in lookup) {
    const org =
      lookup.organizationSlug !== undefined
        ? Prisma.sql`AND tm."parentId" = (SELECT o."id" FROM "Team" o WHERE o."slug" = ${lookup.organizationSlug} AND o."isOrganization" AND o."parentId" IS NULL)`
        : Prisma.sql`AND tm."parentId" IS NULL AND NOT tm."isOrganization"`;
    return Prisma.sql`WHERE tm."slug" = ${lookup.teamSlug} AND et."slug" = ${lookup.slug} ${org}`;
  }
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
  // Hosts: a personal event type's (and a managed child's) is its owner; a team event type's are its Host rows.
  // Each host's schedule in force (Cal.com's getUserAvailability): the event type's own schedule (shared by
  // every host), else the host's schedule for this event type, else the host's default. A personal event type
  // reads only its owner's schedules.
  return Prisma.sql`
    SELECT et."id", et."userId", et."teamId", et."parentId", et."schedulingType"::text AS "schedulingType",
           et."isRRWeightsEnabled", et."rescheduleWithSameRoundRobinHost",
           et."slug", et."hidden", et."length", et."multipleDuration", et."slotInterval",
           et."beforeEventBuffer", et."afterEventBuffer", et."minimumBookingNotice", et."offsetStart",
           et."periodType"::text AS "periodType", et."periodDays", et."periodCountCalendarDays",
           to_char(et."periodStartDate", 'YYYY-MM-DD') AS "periodStartDate",
           to_char(et."periodEndDate", 'YYYY-MM-DD') AS "periodEndDate",
           et."bookingLimitPerDay", et."bookingLimitPerWeek", et."bookingLimitPerMonth", et."bookingLimitPerYear",
           et."durationLimitPerDay", et."durationLimitPerWeek", et."durationLimitPerMonth", et."durationLimitPerYear",
           et."seatsPerTimeSlot", et."onlyShowFirstAvailableSlot", et."requiresConfirmation",
           et."requiresConfirmationWillBlockSlot", et."lockTimeZoneToggleOnBookingPage",
           u."username", COALESCE(u."timeZone", tm."timeZone") AS "ownerTimeZone",
           COALESCE(u."weekStart", tm."weekStart", 'Sunday') AS "weekStart",
           COALESCE(hs."hosts", '[]'::json) AS "hosts", COALESCE(hs."hostUserIds", ARRAY[]::int[]) AS "hostUserIds",
           COALESCE(hs."scheduleUserIds", ARRAY[]::int[]) AS "scheduleUserIds"
    FROM "EventType" et
    LEFT JOIN "users" u ON u."id" = et."userId"
    LEFT JOIN "Team" tm ON tm."id" = et."teamId"
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_array(h."userId", h."isFixed", h."priority", h."weight", s."id", s."timeZone", av."weekly", av."overrides",
                                       cal."calendars", hv."calendarsVersion"::text)
                      ORDER BY h."order", h."userId") AS "hosts",
             array_agg(h."userId" ORDER BY h."order", h."userId") AS "hostUserIds",
             array_agg(DISTINCT s."userId") FILTER (WHERE s."userId" IS NOT NULL) AS "scheduleUserIds"
      FROM (
        SELECT et."userId" AS "userId", true AS "isFixed", NULL::int AS "priority", NULL::int AS "weight",
               NULL::int AS "scheduleId", 0 AS "order"
        WHERE et."teamId" IS NULL AND et."userId" IS NOT NULL
        UNION ALL
        SELECT ho."userId", ho."isFixed", ho."priority", ho."weight", ho."scheduleId", CASE WHEN ho."isFixed" THEN 0 ELSE 1 END
        FROM "Host" ho
        WHERE ho."eventTypeId" = et."id" AND et."teamId" IS NOT NULL
      ) h
      JOIN "users" hu ON hu."id" = h."userId"
      LEFT JOIN "Schedule" s ON s."id" = CASE
          WHEN et."teamId" IS NOT NULL AND et."scheduleId" IS NOT NULL THEN et."scheduleId"
          ELSE COALESCE(CASE WHEN et."teamId" IS NULL THEN et."scheduleId" END, h."scheduleId", hu."defaultScheduleId") END
        AND (s."userId" = h."userId" OR et."teamId" IS NOT NULL)
      LEFT JOIN LATERAL (
        SELECT
          jsonb_agg(jsonb_build_object('days', a."days", 'startMinute', a."startMinute", 'endMinute', a."endMinute")
                    ORDER BY a."id") FILTER (WHERE a."date" IS NULL) AS "weekly",
          jsonb_agg(jsonb_build_object('date', to_char(a."date", 'YYYY-MM-DD'), 'startMinute', a."startMinute", 'endMinute', a."endMinute")
                    ORDER BY a."date", a."startMinute") FILTER (WHERE a."date" IS NOT NULL) AS "overrides"
        FROM "Availability" a
        WHERE a."scheduleId" = s."id"
      ) av ON TRUE
      -- The host's selected calendars (user level) on usable credentials, for src/calendars/availability.ts.
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_array(c."id", c."type", sc."externalId") ORDER BY c."id", sc."externalId") AS "calendars"
        FROM "SelectedCalendar" sc
        JOIN "Credential" c ON c."id" = sc."credentialId" AND c."userId" = sc."userId"
        WHERE sc."userId" = h."userId" AND sc."eventTypeId" IS NULL AND c."invalid" IS NOT TRUE
      ) cal ON TRUE
      LEFT JOIN "SlotsVersion" hv ON hv."userId" = h."userId"
    ) hs ON TRUE
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
  const hosts = asArray<HostTuple>(row.hosts).map(
    ([userId, isFixed, priority, weight, scheduleId, timeZone, weekly, overrides, calendars, calendarsVersion]): EventTypeHost => ({
      userId,
      isFixed,
      priority: priority ?? 2,
      weight: weight ?? 100,
      calendars: (calendars ?? []).map(([credentialId, type, externalId]) => ({ credentialId, type, externalId })),
      calendarsVersion: calendarsVersion ?? "0",
      schedule: scheduleId === null ? null : { id: scheduleId, timeZone: timeZone!, weekly: weekly ?? [], overrides: overrides ?? [] },
    }),
  );
  return {
    eventTypeId: row.id,
    slug: row.slug,
    hidden: row.hidden,
    schedulingType: row.schedulingType ? SCHEDULING_TYPES[row.schedulingType] : null,
    teamId: row.teamId,
    parentId: row.parentId,
    isRRWeightsEnabled: row.isRRWeightsEnabled,
    rescheduleWithSameRoundRobinHost: row.rescheduleWithSameRoundRobinHost,
    owner: row.userId === null ? null : { id: row.userId, username: row.username, timeZone: row.ownerTimeZone },
    hosts,
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
    schedule: hosts[0]?.schedule ?? null,
  };
}
