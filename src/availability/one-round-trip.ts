import { Prisma } from "../generated/prisma/client";
import {
  eventTypeFromRow,
  eventTypeForSlotsStatement,
  type EventTypeForSlots,
  type EventTypeForSlotsRow,
  type EventTypeLookup,
} from "../event-types/slots-loader";
import type { Db, HttpSql } from "../services/db";
import type { HostSlotsVersion } from "./answer-cache";
import { busyContextFromRows, busyRowsStatement, type BusyContext, type BusyRow } from "./busy";

// The public slot lookups' data in ONE round trip: the statement behind loadEventTypeForSlots (event type,
// owner, schedule with its rules and overrides) as a CTE, and the statement behind loadBusyContext (every host's
// blocking bookings and live holds) correlated to it, aggregated as JSON in the same row. The hosts and how far
// around the window bookings are read (limit periods) come from the event type row itself, inside SQL.
// Same data as findSlots' two round trips; GET /v2/slots pays one database latency instead of two.

export interface BusyWindow {
  rangeStart: number;
  rangeEnd: number;
  now: number;
  excludeBookingUid?: string;
  excludeReservationUid?: string;
}

// loadBusyContext's reach, in days: whole limit periods around the window (a year, a month, a week), and at
// least a day for the buffers of neighbouring bookings.
const REACH_DAYS = Prisma.sql`(CASE
    WHEN found."bookingLimitPerYear" IS NOT NULL OR found."durationLimitPerYear" IS NOT NULL THEN 366
    WHEN found."bookingLimitPerMonth" IS NOT NULL OR found."durationLimitPerMonth" IS NOT NULL THEN 31
    WHEN found."bookingLimitPerWeek" IS NOT NULL OR found."durationLimitPerWeek" IS NOT NULL THEN 7
    ELSE 1 END)`;

type Row = EventTypeForSlotsRow & { busyRows: unknown; slotsVersions: unknown };

// A busy row as the statement aggregates it: positional (json arrays cost Postgres far less than objects).
type BusyTuple = [
  kind: BusyRow["kind"],
  userId: number,
  uid: string,
  eventTypeId: number | null,
  start: number | string,
  end: number | string,
  beforeBuffer: number,
  afterBuffer: number,
  attendees: number,
  blocks: boolean,
  releaseAt: number | string | null,
  detail: BusyRow["detail"],
];

/** What a cached answer built from this data depends on besides the data (src/availability/answer-cache.ts). */
export interface SlotsDataFreshness {
  /**
   * The SlotsVersion of each host and of each owner of a schedule in force (a team event type's schedule, or a
   * host's schedule for it, may belong to someone else), in the same snapshot as the data ("0" before its
   * first change). Host list changes move every host's version (Host triggers), so a team answer goes stale
   * when any host, or any schedule it reads, changes.
   */
  slotsVersions: HostSlotsVersion[];
  /** When the earliest hold read here lapses (its slot frees up without any write), or null. */
  firstHoldReleaseAt: number | null;
}

const asArray = <T>(value: unknown): T[] => (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as T[];

// Through Prisma ($queryRaw) or straight through Neon's HTTP function: on the hot path the latter skips
// Prisma's per-value walk over the result (the busy rows are a few hundred JSON objects), the largest CPU cost
// of a GET /v2/slots after the engine.
async function rowsOf<T>(client: Db | HttpSql, query: Prisma.Sql): Promise<T[]> {
  if ("$queryRaw" in client) return client.$queryRaw<T[]>(query);
  return (await client.query(query.text, query.values)) as T[];
}

/** The event type (null when there is none) with its host's busy time around the window. */
export async function loadEventTypeWithBusyTime(
  db: Db | HttpSql,
  lookup: EventTypeLookup,
  window: BusyWindow,
): Promise<{ eventType: EventTypeForSlots; busy: BusyContext; freshness: SlotsDataFreshness } | null> {
  const busyRows = busyRowsStatement({
    hosts: Prisma.sql`found."hostUserIds"`,
    from: Prisma.sql`(${new Date(window.rangeStart)}::timestamp - make_interval(days => ${REACH_DAYS}))`,
    to: Prisma.sql`(${new Date(window.rangeEnd)}::timestamp + make_interval(days => ${REACH_DAYS}))`,
    now: new Date(window.now),
    excludeBookingUid: window.excludeBookingUid,
    excludeReservationUid: window.excludeReservationUid,
  });
  const rows = await rowsOf<Row>(
    db,
    Prisma.sql`
    WITH found AS (${eventTypeForSlotsStatement(lookup)})
    SELECT found.*, (
      SELECT COALESCE(json_agg(json_build_array(
               r.kind, r."userId", r.uid, r."eventTypeId", extract(epoch FROM r.start) * 1000, extract(epoch FROM r."end") * 1000,
               r."beforeBuffer", r."afterBuffer", r.attendees, r.blocks, extract(epoch FROM r."releaseAt") * 1000, r.detail)), '[]'::json)
      FROM (${busyRows}) AS r
    ) AS "busyRows",
    (SELECT json_agg(json_build_array(h."userId", COALESCE(sv."version"::text, '0')))
     FROM (SELECT DISTINCT unnest(found."hostUserIds" || found."scheduleUserIds") AS "userId") AS h
     LEFT JOIN "SlotsVersion" sv ON sv."userId" = h."userId") AS "slotsVersions"
    FROM found`,
  );
  const row = rows[0];
  if (!row) return null;
  const eventType = eventTypeFromRow(row);
  let firstHoldReleaseAt: number | null = null;
  const busyRowsRead = asArray<BusyTuple>(row.busyRows).map(
    ([kind, userId, uid, eventTypeId, start, end, beforeBuffer, afterBuffer, attendees, blocks, releaseAt, detail]): BusyRow => {
      if (releaseAt !== null) firstHoldReleaseAt = Math.min(firstHoldReleaseAt ?? Infinity, Number(releaseAt));
      return { kind, userId, uid, eventTypeId, start: Number(start), end: Number(end), beforeBuffer, afterBuffer, attendees, blocks, detail };
    },
  );
  const busy = busyContextFromRows(busyRowsRead, {
    eventTypeId: eventType.eventTypeId,
    seated: Boolean(eventType.rules.seatsPerTimeSlot),
  });
  const slotsVersions = asArray<[number, string]>(row.slotsVersions).map(([userId, version]) => ({ userId, version }));
  return { eventType, busy, freshness: { slotsVersions, firstHoldReleaseAt } };
}
