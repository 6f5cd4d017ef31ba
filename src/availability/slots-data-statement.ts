import { Prisma } from "../generated/prisma/client";
import { eventTypeForSlotsStatement, type EventTypeLookup } from "../event-types/slots-loader";
import { busyRowsStatement } from "./busy";

// The one statement behind GET /v2/slots' data (loadEventTypeWithBusyTime): the statement behind
// loadEventTypeForSlots (event type, owner, schedule with its rules and overrides) as a CTE, and the statement behind
// loadBusyContext (every host's blocking bookings and live holds) correlated to it, aggregated as JSON in the same
// row. The hosts and how far around the window bookings are read (limit periods) come from the event type row
// itself, inside SQL. Also the body of the "slots_data" SQL function (slots-data-function.ts).

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

/**
 * At most one row with one json column, "row": the event type row (EventTypeForSlotsRow) with "busyRows" and
 * "slotsVersions". One json value: the Worker parses one string, not one per json or array column. Instants are
 * whole epoch ms (bigint: `extract` alone gives numerics written with six decimals).
 */
export function slotsDataStatement(lookup: EventTypeLookup, window: BusyWindow): Prisma.Sql {
  const busyRows = busyRowsStatement({
    hosts: Prisma.sql`found."hostUserIds"`,
    from: Prisma.sql`(${new Date(window.rangeStart)}::timestamp - make_interval(days => ${REACH_DAYS}))`,
    to: Prisma.sql`(${new Date(window.rangeEnd)}::timestamp + make_interval(days => ${REACH_DAYS}))`,
    now: new Date(window.now),
    excludeBookingUid: window.excludeBookingUid,
    excludeReservationUid: window.excludeReservationUid,
  });
  return Prisma.sql`
    WITH found AS (${eventTypeForSlotsStatement(lookup)})
    SELECT row_to_json(data) AS "row" FROM (
      SELECT found.*, (
        SELECT COALESCE(json_agg(json_build_array(
                 r.kind, r."userId", r.uid, r."eventTypeId", (extract(epoch FROM r.start) * 1000)::bigint, (extract(epoch FROM r."end") * 1000)::bigint,
                 r."beforeBuffer", r."afterBuffer", r.attendees, r.blocks, (extract(epoch FROM r."releaseAt") * 1000)::bigint, r.detail)), '[]'::json)
        FROM (${busyRows}) AS r
      ) AS "busyRows",
      (SELECT json_agg(json_build_array(h."userId", COALESCE(sv."version"::text, '0')))
       FROM (SELECT DISTINCT unnest(found."hostUserIds" || found."scheduleUserIds") AS "userId") AS h
       LEFT JOIN "SlotsVersion" sv ON sv."userId" = h."userId") AS "slotsVersions"
      FROM found
    ) AS data`;
}
