import { Prisma } from "../generated/prisma/client";
import type { Queryable } from "../services/db";
import type { CountedBooking, Interval, PeriodLimits, SeatedBooking, SlotAway } from "../slots/types";

const DAY_MS = 86_400_000;

export interface BusyQuery {
  /** Every host of the event type (its busy time is read for each). */
  hostUserIds: readonly number[];
  eventTypeId: number;
  rangeStart: number;
  rangeEnd: number;
  now: number;
  /** Widened so that limit periods (day … year) around the window are counted whole. */
  limits?: { count?: PeriodLimits | null; duration?: PeriodLimits | null };
  /** Rescheduling: the booking being moved does not block its own slot. */
  excludeBookingUid?: string;
  /** Booking with a reservation: the booker's own hold does not block them. */
  excludeReservationUid?: string;
  /** Legacy bookings (Cal.com's handleNewBooking): holds do not block a booking at all. */
  ignoreReservations?: boolean;
  /** Seated event types: a hold on one of their seats leaves the slot open for the other seats. */
  seated?: boolean;
}

export interface BusyContext {
  /** Every host's busy time. */
  busy: Interval[];
  /** The same, by host (user id): each host's slots are computed over their own. */
  busyByHost: Map<number, Interval[]>;
  countedBookings: CountedBooking[];
  seatedBookings: SeatedBooking[];
  /**
   * Each host's out-of-office dates around the window, as day numbers (days since 1970-01-01) of their UTC
   * dates: the engine takes those days away (src/slots/engine.ts). Absent: nobody is away.
   */
  outOfOfficeByHost?: Map<number, Set<number>>;
  /** Who covers each of those days (host → UTC day number → the first entry's details), for `away` slots. */
  outOfOfficeDetails?: Map<number, Map<number, SlotAway>>;
}

/**
 * An out-of-office row's details, positional: toUserId, toUser's username, toUser's name, the host's name,
 * reason, emoji, notes (only when shown publicly).
 */
export type OutOfOfficeDetailTuple = [number | null, string | null, string | null, string | null, string | null, string | null, string | null];

export interface BusyRow {
  /** `ooo`: an out-of-office entry of the host (start and end clipped to the rows' reach). */
  kind: "booking" | "reservation" | "ooo";
  /** The host whose time it takes. */
  userId: number;
  uid: string;
  eventTypeId: number | null;
  start: Date | number;
  end: Date | number;
  beforeBuffer: number;
  afterBuffer: number;
  attendees: number;
  blocks: boolean;
  /** `ooo` rows: who covers. */
  detail?: OutOfOfficeDetailTuple | null;
}

// How far around the window bookings must be read so every limit period touching it is counted whole.
function limitReach(limits: BusyQuery["limits"]): number {
  const periods = new Set([...Object.keys(limits?.count ?? {}), ...Object.keys(limits?.duration ?? {})]);
  if (periods.has("year")) return 366 * DAY_MS;
  if (periods.has("month")) return 31 * DAY_MS;
  if (periods.has("week")) return 7 * DAY_MS;
  if (periods.has("day")) return DAY_MS;
  return 0;
}

// Buffers of existing bookings can reach this far; a day covers any sane buffer.
const BUFFER_REACH_MS = DAY_MS;

/**
 * The hosts' busy time and this event type's bookings, in ONE round trip: accepted bookings (and pending
 * ones whose event type blocks the slot while unconfirmed, or that await their payment), each widened by its own event type's buffers,
 * plus live reservations.
 */
export async function loadBusyContext(db: Queryable, query: BusyQuery): Promise<BusyContext> {
  const reach = limitReach(query.limits);
  const from = new Date(query.rangeStart - Math.max(BUFFER_REACH_MS, reach));
  const to = new Date(query.rangeEnd + Math.max(BUFFER_REACH_MS, reach));
  const rows = await db.$queryRaw<BusyRow[]>(
    busyRowsStatement({
      hosts: Prisma.sql`${[...query.hostUserIds]}::int[]`,
      from: Prisma.sql`${from}`,
      to: Prisma.sql`${to}`,
      now: new Date(query.now),
      excludeBookingUid: query.excludeBookingUid,
      excludeReservationUid: query.excludeReservationUid,
      ignoreReservations: query.ignoreReservations,
    }),
  );
  return busyContextFromRows(rows, { eventTypeId: query.eventTypeId, seated: query.seated });
}

/**
 * The rows behind loadBusyContext. `hosts` (an int[]), `from` and `to` are SQL expressions, so the statement can
 * also be embedded where the hosts and the reach come from another part of the query (loadEventTypeWithBusyTime).
 */
export function busyRowsStatement(params: {
  hosts: Prisma.Sql;
  from: Prisma.Sql;
  to: Prisma.Sql;
  now: Date;
  excludeBookingUid?: string;
  excludeReservationUid?: string;
  ignoreReservations?: boolean;
}): Prisma.Sql {
  const { hosts, from, to } = params;
  return Prisma.sql`
    SELECT 'booking' AS kind, bh."userId", b.uid, b."eventTypeId", b."startTime" AS start, b."endTime" AS "end",
           COALESCE(et."beforeEventBuffer", 0) AS "beforeBuffer", COALESCE(et."afterEventBuffer", 0) AS "afterBuffer",
           (SELECT count(*)::int FROM "Attendee" a WHERE a."bookingId" = b.id) AS attendees,
           (b.status = 'accepted' OR COALESCE(et."requiresConfirmationWillBlockSlot", false)
            OR EXISTS (SELECT 1 FROM "Payment" p WHERE p."bookingId" = b.id AND NOT p.success)) AS blocks,
           NULL::timestamp AS "releaseAt", NULL::json AS detail
    FROM "BookingHost" bh
    JOIN "Booking" b ON b.id = bh."bookingId"
    LEFT JOIN "EventType" et ON et.id = b."eventTypeId"
    WHERE bh."userId" = ANY(${hosts})
      AND bh.status IN ('accepted', 'pending')
      AND bh."startTime" < ${to} AND bh."endTime" > ${from}
      AND b.uid <> ${params.excludeBookingUid ?? ""}
    UNION ALL
    SELECT 'reservation', s."userId", s.uid, s."eventTypeId", s."slotUtcStartDate", s."slotUtcEndDate", 0, 0, 0, true, s."releaseAt", NULL
    FROM "SelectedSlots" s
    WHERE s."userId" = ANY(${hosts})
      AND s."releaseAt" > ${params.now}
      AND s."slotUtcStartDate" < ${to} AND s."slotUtcEndDate" > ${from}
      AND s.uid <> ${params.excludeReservationUid ?? ""}
      ${params.ignoreReservations ? Prisma.sql`AND false` : Prisma.empty}
    UNION ALL
    SELECT 'ooo', o."userId", o.uuid, NULL, GREATEST(o."start", ${from}), LEAST(o."end", ${to}), 0, 0, 0, true, NULL,
           json_build_array(o."toUserId", tu."username", tu."name", fu."name", rs."reason", rs."emoji",
                            CASE WHEN o."showNotePublicly" THEN o."notes" END)
    FROM "OutOfOfficeEntry" o
    JOIN "users" fu ON fu."id" = o."userId"
    LEFT JOIN "users" tu ON tu."id" = o."toUserId"
    LEFT JOIN "OutOfOfficeReason" rs ON rs."id" = o."reasonId"
    WHERE o."userId" = ANY(${hosts}) AND o."start" < ${to} AND o."end" >= ${from}
  `;
}

/** Busy rows (start/end as Dates or epoch ms) → the engine's busy time, counted and seated bookings. */
export function busyContextFromRows(rows: readonly BusyRow[], eventType: { eventTypeId: number; seated?: boolean }): BusyContext {
  const context: BusyContext = { busy: [], busyByHost: new Map(), countedBookings: [], seatedBookings: [] };
  const takeTime = (userId: number, interval: Interval) => {
    context.busy.push(interval);
    const hostBusy = context.busyByHost.get(userId);
    if (hostBusy) hostBusy.push(interval);
    else context.busyByHost.set(userId, [interval]);
  };
  const seatHolds: SeatedBooking[] = [];
  const counted = new Set<string>();
  for (const row of rows) {
    // Epoch ms from the one-statement path (no Date to build per row), Dates from Prisma.
    const start = typeof row.start === "number" ? row.start : new Date(row.start).getTime();
    const end = typeof row.end === "number" ? row.end : new Date(row.end).getTime();
    if (row.kind === "ooo") {
      const days = addOutOfOfficeDays(context, row.userId, start, end);
      if (row.detail) addOutOfOfficeDetails(context, row.userId, days, awayOf(row.userId, row.detail));
      continue;
    }
    if (row.kind === "reservation") {
      // A hold on a seat of this (seated) event type takes one seat and leaves the slot open for the others
      // (Cal.com counts such holds as attendees). Listed after the bookings, so a slot's bookingUid stays the
      // real booking's; a hold alone has an empty bookingUid.
      if (eventType.seated && row.eventTypeId === eventType.eventTypeId) seatHolds.push({ start, end, uid: "", attendees: 1 });
      else takeTime(row.userId, { start, end });
      continue;
    }
    if (row.blocks) takeTime(row.userId, { start: start - row.beforeBuffer * 60_000, end: end + row.afterBuffer * 60_000 });
    // A booking held by several hosts (collective) is one row per host: counted once.
    if (row.eventTypeId === eventType.eventTypeId && !counted.has(row.uid)) {
      counted.add(row.uid);
      context.countedBookings.push({ start, end });
      context.seatedBookings.push({ start, end, uid: row.uid, attendees: row.attendees });
    }
  }
  context.seatedBookings.push(...seatHolds);
  return context;
}

/**
 * The UTC dates an out-of-office entry covers, from its start's to its end's (an end at exactly midnight does not
 * take that day: the API stores ends at 23:59:59.999Z, Cal.com's whole days).
 */
export function addOutOfOfficeDays(context: BusyContext, userId: number, start: number, end: number): number[] {
  if (!(end >= start)) return [];
  context.outOfOfficeByHost ??= new Map();
  const days = context.outOfOfficeByHost.get(userId) ?? new Set<number>();
  context.outOfOfficeByHost.set(userId, days);
  const last = Math.floor((end > start && end % DAY_MS === 0 ? end - 1 : end) / DAY_MS);
  const added: number[] = [];
  for (let day = Math.floor(start / DAY_MS); day <= last; day++) {
    days.add(day);
    added.push(day);
  }
  return added;
}

function awayOf(userId: number, detail: OutOfOfficeDetailTuple): SlotAway {
  const [toUserId, toUsername, toName, fromName, reason, emoji, notes] = detail;
  return {
    fromUser: { id: userId, displayName: fromName },
    ...(toUserId !== null ? { toUser: { id: toUserId, username: toUsername, displayName: toName } } : {}),
    ...(reason ? { reason } : {}),
    ...(emoji ? { emoji } : {}),
    ...(notes ? { notes } : {}),
  };
}

function addOutOfOfficeDetails(context: BusyContext, userId: number, days: readonly number[], away: SlotAway): void {
  context.outOfOfficeDetails ??= new Map();
  const byDay = context.outOfOfficeDetails.get(userId) ?? new Map<number, SlotAway>();
  context.outOfOfficeDetails.set(userId, byDay);
  for (const day of days) if (!byDay.has(day)) byDay.set(day, away);
}

/**
 * The hosts' out-of-office days around [rangeStart, rangeEnd) alone (no busy time), for explaining why a slot
 * is not bookable.
 */
export async function loadOutOfOfficeContext(db: Queryable, hostUserIds: readonly number[], rangeStart: number, rangeEnd: number): Promise<BusyContext> {
  const context: BusyContext = { busy: [], busyByHost: new Map(), countedBookings: [], seatedBookings: [] };
  const rows = await db.$queryRaw<{ userId: number; start: Date | string; end: Date | string }[]>`
    SELECT o."userId", o."start", o."end" FROM "OutOfOfficeEntry" o
    WHERE o."userId" = ANY(${[...hostUserIds]}::int[])
      AND o."start" < ${new Date(rangeEnd + DAY_MS)} AND o."end" >= ${new Date(rangeStart - DAY_MS)}`;
  for (const row of rows) addOutOfOfficeDays(context, row.userId, new Date(row.start).getTime(), new Date(row.end).getTime());
  return context;
}
