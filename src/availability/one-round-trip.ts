import type { Prisma } from "../generated/prisma/client";
import { eventTypeFromRow, type EventTypeForSlots, type EventTypeForSlotsRow, type EventTypeLookup } from "../event-types/slots-loader";
import type { Db, HttpSql } from "../services/db";
import type { HostSlotsVersion } from "./answer-cache";
import { busyContextFromRows, type BusyContext, type BusyRow } from "./busy";
import { slotsDataCall } from "./slots-data-function";
import { type BusyWindow, slotsDataStatement } from "./slots-data-statement";

export type { BusyWindow };

// The public slot lookups' data in ONE round trip (slots-data-statement.ts): the same data as findSlots' two round
// trips; GET /v2/slots pays one database latency instead of two. The lookups public slot requests make call the
// "slots_data" SQL function (slots-data-function.ts), whose plans Postgres keeps per connection; others send the
// statement itself.

type Row = EventTypeForSlotsRow & { busyRows: unknown; slotsVersions: unknown };

// A busy row as the statement aggregates it: positional (json arrays cost Postgres far less than objects).
type BusyTuple = [
  kind: BusyRow["kind"],
  userId: number,
  uid: string,
  eventTypeId: number | null,
  start: number,
  end: number,
  beforeBuffer: number,
  afterBuffer: number,
  attendees: number,
  blocks: boolean,
  releaseAt: number | null,
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
  const rows = await rowsOf<{ row: Row | string }>(db, slotsDataCall(lookup, window) ?? slotsDataStatement(lookup, window));
  const json = rows[0]?.row;
  if (json === undefined) return null;
  const row: Row = typeof json === "string" ? JSON.parse(json) : json;
  const eventType = eventTypeFromRow(row);
  let firstHoldReleaseAt: number | null = null;
  const busyRowsRead = asArray<BusyTuple>(row.busyRows).map(
    ([kind, userId, uid, eventTypeId, start, end, beforeBuffer, afterBuffer, attendees, blocks, releaseAt, detail]): BusyRow => {
      if (releaseAt !== null) firstHoldReleaseAt = Math.min(firstHoldReleaseAt ?? Infinity, releaseAt);
      return { kind, userId, uid, eventTypeId, start, end, beforeBuffer, afterBuffer, attendees, blocks, detail };
    },
  );
  const busy = busyContextFromRows(busyRowsRead, {
    eventTypeId: eventType.eventTypeId,
    seated: Boolean(eventType.rules.seatsPerTimeSlot),
  });
  const slotsVersions = asArray<[number, string]>(row.slotsVersions).map(([userId, version]) => ({ userId, version }));
  return { eventType, busy, freshness: { slotsVersions, firstHoldReleaseAt } };
}
