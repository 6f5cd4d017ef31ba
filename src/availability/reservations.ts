import { Prisma } from "../generated/prisma/client";
import { eventTypeNotFound, reservationNotFound } from "./errors";
import type { Actor } from "../auth/principal";
import { ApiError, forbidden, badRequest, notFound, unauthorized, unprocessable } from "../errors";
import type { Deps } from "../services";
import type { Db, HttpSql } from "../services/db";
import { parseIsoInstant } from "./query-window";

// Slot reservations (Cal.com's SelectedSlots): a hold on a slot that hides it from everyone else's slots until
// it is deleted or `releaseAt` passes (GET /v2/slots reads only live holds, so expiry needs no clean-up job;
// expired rows of a host are deleted whenever that host gets a new hold). A hold on a seat of a seated event
// type takes one seat instead of the whole slot.
//
// Ownership: a hold made without credentials is identified by its uid alone (an unguessable UUID), and whoever
// holds the uid may read, move or release it, as in Cal.com. A hold made with credentials records its maker
// (`reservedByUserId`): only that user or the event type's owner may read, move or release it; anyone else,
// another tenant or an anonymous caller who learnt the uid, gets 403.

/** Cal.com's DEFAULT_RESERVATION_DURATION (2024-09-04) and MINUTES_TO_BOOK (legacy), in minutes. */
export const DEFAULT_RESERVATION_MINUTES = 5;
const MS_PER_MINUTE = 60_000;
// Namespace of the per-host advisory lock that serialises hold creation (two-key form: namespace, user id).
const RESERVATION_LOCK_NAMESPACE = 0x5e1ec7;

export interface ReservationInput {
  eventTypeId: number;
  slotStart: string;
  slotDuration?: number;
  reservationDuration?: number;
}

export interface ReservedSlot {
  eventTypeId: number;
  slotStart: string;
  slotEnd: string;
  slotDuration: number;
  reservationUid: string;
  reservationUntil: string;
}

export interface CreatedReservation extends ReservedSlot {
  reservationDuration: number;
}

interface ReservationRow {
  id: number;
  uid: string;
  eventTypeId: number;
  userId: number;
  slotUtcStartDate: Date;
  slotUtcEndDate: Date;
  releaseAt: Date;
  isSeat: boolean;
  reservedByUserId: number | null;
}

/** Whose time a hold takes, as src/event-types/scheduling.ts shares an event type among its hosts. */
interface HoldHost {
  userId: number;
  /** Must be free (a personal event type's owner, every collective host, fixed round-robin hosts). */
  isFixed: boolean;
}

interface ReservableEventType {
  id: number;
  /** The owner of a personal event type (or managed child); null for a team event type. */
  userId: number | null;
  teamId: number | null;
  length: number;
  multipleDuration: number[];
  seatsPerTimeSlot: number | null;
  /**
   * The hosts a hold is for: a personal event type's owner; a collective event type's every host; a round-robin
   * one's fixed hosts and those of its other hosts who are free at the time (the booker may be given any).
   */
  hosts: HoldHost[];
}

function reservedSlotOf(row: ReservationRow): ReservedSlot {
  const start = row.slotUtcStartDate.getTime();
  const end = row.slotUtcEndDate.getTime();
  return {
    eventTypeId: row.eventTypeId,
    slotStart: new Date(start).toISOString(),
    slotEnd: new Date(end).toISOString(),
    slotDuration: Math.round((end - start) / MS_PER_MINUTE),
    reservationUid: row.uid,
    reservationUntil: row.releaseAt.toISOString(),
  };
}

async function loadEventType(db: Db, eventTypeId: number): Promise<ReservableEventType | null> {
  const row = await db.eventType.findFirst({
    where: { id: eventTypeId },
    select: {
      id: true,
      userId: true,
      teamId: true,
      schedulingType: true,
      length: true,
      multipleDuration: true,
      seatsPerTimeSlot: true,
      hosts: { select: { userId: true, isFixed: true }, orderBy: { userId: "asc" } },
    },
  });
  if (!row) return null;
  const { schedulingType, hosts, ...rest } = row;
  // A managed template offers no slots (its children are booked), so nothing of it can be held.
  if (row.teamId !== null && schedulingType === "MANAGED") return null;
  if (row.teamId === null) return row.userId === null ? null : { ...rest, hosts: [{ userId: row.userId, isFixed: true }] };
  const holdHosts = hosts.map((h) => ({ userId: h.userId, isFixed: schedulingType === "COLLECTIVE" || h.isFixed }));
  return holdHosts.length > 0 ? { ...rest, hosts: holdHosts } : null;
}

const hostIds = (eventType: ReservableEventType) => eventType.hosts.map((h) => h.userId);

// The hold's maker, or a host whose time the hold takes (a personal event type's owner).
function mayManage(row: Pick<ReservationRow, "reservedByUserId" | "userId">, principal: Actor | undefined): boolean {
  if (row.reservedByUserId === null) return true;
  return principal !== undefined && (principal.userId === row.reservedByUserId || principal.userId === row.userId);
}

function assertMayManage(row: ReservationRow, principal: Actor | undefined): void {
  if (mayManage(row, principal)) return;
  throw forbidden(
    "SlotsReservationGuard",
    `the reservation with uid=${row.uid} was made by another user; only that user or the event type's owner may read, change or delete it.`,
  );
}

// Cal.com: a custom reservationDuration needs credentials (401) of the event type's owner or of someone sharing
// a team or organization with them (403).
const anonymousReservationDuration = () =>
  unauthorized("reservationDuration can only be used for authenticated requests - use access token, api key or OAuth credentials");

async function checkCustomReservationDuration(db: Db, principal: Actor, eventType: ReservableEventType): Promise<void> {
  if (principal.userId === eventType.userId) return;
  // A team event type: a member of its team (or of the team's organization); a personal one: someone sharing a
  // team or organization with its owner.
  const rows = await db.$queryRaw<Array<{ shared: boolean }>>`
    SELECT EXISTS (
      SELECT 1 FROM "Membership" mine JOIN "Membership" theirs ON theirs."teamId" = mine."teamId"
      WHERE mine."userId" = ${principal.userId} AND theirs."userId" = ${eventType.userId} AND mine."accepted" AND theirs."accepted"
    ) OR EXISTS (
      SELECT 1 FROM "Membership" m JOIN "Team" t ON t."id" = ${eventType.teamId}
      WHERE m."userId" = ${principal.userId} AND m."accepted" AND m."teamId" IN (t."id", t."parentId")
    ) AS shared`;
  if (rows[0]?.shared) return;
  throw new ApiError(
    "ForbiddenException",
    "authenticated user is not owner of event type, does not have memberships in common with owner of the event type, nor does belong to event type's team or org.",
  );
}

function slotLengthMinutes(eventType: ReservableEventType, slotDuration: number | undefined): number {
  if (!slotDuration) return eventType.length;
  if (eventType.multipleDuration.length === 0) {
    throw badRequest("You passed 'slotDuration' but this event type is not a variable length event type.");
  }
  if (!eventType.multipleDuration.includes(slotDuration)) {
    throw badRequest(
      `Provided 'slotDuration' is not one of the possible lengths for the event type. The possible lengths for this variable length event type are: ${eventType.multipleDuration.join(", ")}`,
    );
  }
  return slotDuration;
}

interface HoldOutcome {
  overlappingBookings: number;
  seatedAttendees: number;
  overlappingHolds: number;
  seatHolds: number;
  /** The row written, or null when a conflict (or, for a move, the hold's expiry) prevented it. */
  writtenId: number | null;
}

// What already occupies [start, end) for each host (BookingHost: every host of a booking, not only its
// organizer): bookings that block (accepted, or pending ones whose event type blocks while unconfirmed) and
// other live holds. One row per host, with whether the hold takes its time ("takes"): fixed hosts always,
// the other round-robin hosts when free.
function hostStates(plan: PlannedHold, nowIso: string, ownUid: string): Prisma.Sql {
  const { eventType } = plan;
  const seated = eventType.seatsPerTimeSlot !== null;
  const start = plan.start.toISOString();
  const end = plan.end.toISOString();
  const ids = eventType.hosts.map((h) => h.userId);
  const fixed = eventType.hosts.map((h) => h.isFixed);
  return Prisma.sql`
    SELECT p.*, (p."isFixed" OR (p.bookings = 0 AND p.holds = 0)) AS takes FROM (
      SELECT h."userId", h."isFixed",
        (SELECT count(*)::int FROM "BookingHost" bh JOIN "Booking" b ON b."id" = bh."bookingId" LEFT JOIN "EventType" et ON et."id" = b."eventTypeId"
          WHERE bh."userId" = h."userId" AND bh."startTime" < ${end}::timestamp AND bh."endTime" > ${start}::timestamp
            AND (b."status" = 'accepted' OR (b."status" = 'pending' AND (COALESCE(et."requiresConfirmationWillBlockSlot", false)
                 OR EXISTS (SELECT 1 FROM "Payment" p WHERE p."bookingId" = b."id" AND NOT p."success"))))
            AND NOT (${seated}::boolean AND b."eventTypeId" = ${eventType.id} AND b."startTime" = ${start}::timestamp)) AS bookings,
        (SELECT count(*)::int FROM "SelectedSlots" s
          WHERE s."userId" = h."userId" AND s."releaseAt" > ${nowIso}::timestamp AND s."uid" <> ${ownUid}
            AND s."slotUtcStartDate" < ${end}::timestamp AND s."slotUtcEndDate" > ${start}::timestamp
            AND NOT (${seated}::boolean AND s."isSeat" AND s."eventTypeId" = ${eventType.id} AND s."slotUtcStartDate" = ${start}::timestamp)) AS holds
      FROM unnest(${ids}::int[], ${fixed}::boolean[]) AS h("userId", "isFixed")
    ) p`;
}

// The counts the hold is judged on, from the hosts' states (hs): a fixed host booked or held counts; the
// other round-robin hosts count once, when none of them is free (as booked if any is booked). Then, for
// seated event types, the booking's attendees and the seat holds at \`start\`.
function conflictCounts(plan: PlannedHold, nowIso: string, ownUid: string): Prisma.Sql {
  const { eventType } = plan;
  const seated = eventType.seatsPerTimeSlot !== null;
  const start = plan.start.toISOString();
  return Prisma.sql`
    SELECT
      (SELECT count(*) FILTER (WHERE "isFixed" AND bookings > 0)
              + CASE WHEN count(*) FILTER (WHERE NOT "isFixed") > 0 AND count(*) FILTER (WHERE NOT "isFixed" AND takes) = 0
                          AND count(*) FILTER (WHERE NOT "isFixed" AND bookings > 0) > 0 THEN 1 ELSE 0 END
       FROM hs)::int AS "overlappingBookings",
      (SELECT count(*)::int FROM "Attendee" a JOIN "Booking" b ON b."id" = a."bookingId"
        WHERE ${seated}::boolean AND b."eventTypeId" = ${eventType.id} AND b."startTime" = ${start}::timestamp AND b."status" = 'accepted') AS "seatedAttendees",
      (SELECT count(*) FILTER (WHERE "isFixed" AND bookings = 0 AND holds > 0)
              + CASE WHEN count(*) FILTER (WHERE NOT "isFixed") > 0 AND count(*) FILTER (WHERE NOT "isFixed" AND takes) = 0
                          AND count(*) FILTER (WHERE NOT "isFixed" AND bookings > 0) = 0 THEN 1 ELSE 0 END
       FROM hs)::int AS "overlappingHolds",
      (SELECT count(*)::int FROM "SelectedSlots" s
        WHERE ${seated}::boolean AND s."isSeat" AND s."eventTypeId" = ${eventType.id} AND s."slotUtcStartDate" = ${start}::timestamp
          AND s."releaseAt" > ${nowIso}::timestamp AND s."uid" <> ${ownUid}) AS "seatHolds"`;
}

function isFree(plan: PlannedHold): Prisma.Sql {
  const seats = plan.eventType.seatsPerTimeSlot;
  return Prisma.sql`c."overlappingBookings" = 0 AND c."overlappingHolds" = 0
    AND (${seats === null}::boolean OR c."seatedAttendees" + c."seatHolds" < ${seats ?? 0}::int)`;
}

function assertFree(eventType: ReservableEventType, counts: HoldOutcome, slotStart: string): void {
  if (counts.overlappingBookings > 0) {
    throw unprocessable("Can't reserve a slot if the event is already booked.");
  }
  if (eventType.seatsPerTimeSlot !== null && counts.seatedAttendees + counts.seatHolds >= eventType.seatsPerTimeSlot) {
    throw unprocessable(`Booking with id=${eventType.id} at ${slotStart} has no more seats left.`);
  }
  if (counts.overlappingHolds > 0) {
    throw unprocessable("This time slot is already reserved by another user. Please choose a different time.");
  }
}

const statement = (sql: HttpSql, query: Prisma.Sql) => sql.query(query.text, query.values);

/**
 * Checks and writes a hold in ONE round trip and one transaction (Neon's HTTP batch): take the advisory lock
 * of every host, in ascending user id order (so two bookers cannot both take the last free moment, and two
 * team holds cannot deadlock), delete the hosts' expired holds, then write the hold (one row per host whose
 * time it takes, `hs`) only if nothing conflicts. Read Committed gives the last statement a snapshot taken
 * after the locks.
 */
async function writeHold(sql: HttpSql, plan: PlannedHold, now: number, uid: string, writes: Prisma.Sql): Promise<HoldOutcome> {
  const nowIso = new Date(now).toISOString();
  const results = await sql.transaction(
    [
      statement(
        sql,
        Prisma.sql`SELECT count(pg_advisory_xact_lock(${RESERVATION_LOCK_NAMESPACE}::int, l."userId"))::text AS locked
          FROM (SELECT DISTINCT u AS "userId" FROM unnest(${hostIds(plan.eventType)}::int[]) AS u ORDER BY 1) l`,
      ),
      statement(sql, Prisma.sql`DELETE FROM "SelectedSlots" WHERE "userId" = ANY(${hostIds(plan.eventType)}::int[]) AND "releaseAt" <= ${nowIso}::timestamp`),
      statement(
        sql,
        Prisma.sql`WITH hs AS (${hostStates(plan, nowIso, uid)}), c AS (${conflictCounts(plan, nowIso, uid)}), ${writes}
          SELECT c.*, (SELECT min("id") FROM written) AS "writtenId" FROM c`,
      ),
    ],
    { isolationLevel: "ReadCommitted" },
  );
  return (results[2] as unknown as HoldOutcome[])[0]!;
}

interface PlannedHold {
  eventType: ReservableEventType;
  start: Date;
  end: Date;
  releaseAt: Date;
  reservationDuration: number;
}

async function planHold(db: Db, principal: Actor | undefined, input: ReservationInput, now: number): Promise<PlannedHold> {
  if (input.reservationDuration !== undefined && !principal) throw anonymousReservationDuration();
  const eventType = await loadEventType(db, input.eventTypeId);
  if (!eventType) throw notFound(`Event Type with ID=${input.eventTypeId} not found`);
  if (input.reservationDuration !== undefined) await checkCustomReservationDuration(db, principal!, eventType);
  const startMs = parseIsoInstant(input.slotStart);
  if (startMs === null) throw badRequest("Invalid start date");
  const lengthMinutes = slotLengthMinutes(eventType, input.slotDuration);
  const reservationDuration = input.reservationDuration ?? DEFAULT_RESERVATION_MINUTES;
  return {
    eventType,
    start: new Date(startMs),
    end: new Date(startMs + lengthMinutes * MS_PER_MINUTE),
    releaseAt: new Date(now + reservationDuration * MS_PER_MINUTE),
    reservationDuration,
  };
}

function heldSlot(plan: PlannedHold, uid: string): CreatedReservation {
  return {
    eventTypeId: plan.eventType.id,
    slotStart: plan.start.toISOString(),
    slotEnd: plan.end.toISOString(),
    slotDuration: Math.round((plan.end.getTime() - plan.start.getTime()) / MS_PER_MINUTE),
    reservationUid: uid,
    reservationDuration: plan.reservationDuration,
    reservationUntil: plan.releaseAt.toISOString(),
  };
}

/** POST /v2/slots/reservations. */
export async function createReservation(deps: Deps, principal: Actor | undefined, input: ReservationInput): Promise<CreatedReservation> {
  const now = deps.now();
  const plan = await planHold(deps.db, principal, input, now);
  const uid = crypto.randomUUID();
  const outcome = await writeHold(
    deps.sql,
    plan,
    now,
    uid,
    Prisma.sql`written AS (INSERT INTO "SelectedSlots" ("uid", "userId", "eventTypeId", "slotUtcStartDate", "slotUtcEndDate", "releaseAt", "isSeat", "reservedByUserId")
      SELECT ${uid}, hs."userId", ${plan.eventType.id}, ${plan.start.toISOString()}::timestamp, ${plan.end.toISOString()}::timestamp,
             ${plan.releaseAt.toISOString()}::timestamp, ${plan.eventType.seatsPerTimeSlot !== null}::boolean, ${principal?.userId ?? null}::int
      FROM c, hs WHERE hs.takes AND ${isFree(plan)}
      RETURNING "id")`,
  );
  if (outcome.writtenId === null) assertFree(plan.eventType, outcome, input.slotStart);
  return heldSlot(plan, uid);
}

const findLiveHold = (db: Db, uid: string, now: number): Promise<ReservationRow | null> =>
  db.selectedSlots.findFirst({ where: { uid, releaseAt: { gt: new Date(now) } }, orderBy: { id: "asc" } });

/** GET /v2/slots/reservations/{uid}: null when there is no live hold with that uid. */
export async function getReservation(deps: Deps, principal: Actor | undefined, uid: string): Promise<ReservedSlot | null> {
  const row = await findLiveHold(deps.db, uid, deps.now());
  if (!row) return null;
  assertMayManage(row, principal);
  return reservedSlotOf(row);
}

/** PATCH /v2/slots/reservations/{uid}: moves a live hold (possibly to another event type) and renews it. */
export async function updateReservation(deps: Deps, principal: Actor | undefined, uid: string, input: ReservationInput): Promise<CreatedReservation> {
  const now = deps.now();
  const existing = await findLiveHold(deps.db, uid, now);
  if (!existing) throw reservationNotFound(uid);
  assertMayManage(existing, principal);
  const plan = await planHold(deps.db, principal, input, now);
  const outcome = await writeHold(
    deps.sql,
    plan,
    now,
    uid,
    // The hold has one row per host: the rows of hosts the new slot still takes move, the others go, new
    // hosts get rows (uid and maker kept); only while the hold is still live (its row survived the expiry sweep).
    // The three writes touch different rows, so their order inside the statement does not matter.
    Prisma.sql`ok AS (SELECT 1 FROM c WHERE ${isFree(plan)} AND EXISTS (SELECT 1 FROM "SelectedSlots" WHERE "id" = ${existing.id})),
      moved AS (UPDATE "SelectedSlots" s SET "eventTypeId" = ${plan.eventType.id}, "slotUtcStartDate" = ${plan.start.toISOString()}::timestamp,
          "slotUtcEndDate" = ${plan.end.toISOString()}::timestamp, "releaseAt" = ${plan.releaseAt.toISOString()}::timestamp,
          "isSeat" = ${plan.eventType.seatsPerTimeSlot !== null}::boolean
        FROM ok WHERE s."uid" = ${uid} AND s."userId" IN (SELECT "userId" FROM hs WHERE takes) RETURNING s."id"),
      dropped AS (DELETE FROM "SelectedSlots" s USING ok WHERE s."uid" = ${uid} AND s."userId" NOT IN (SELECT "userId" FROM hs WHERE takes) RETURNING s."id"),
      added AS (INSERT INTO "SelectedSlots" ("uid", "userId", "eventTypeId", "slotUtcStartDate", "slotUtcEndDate", "releaseAt", "isSeat", "reservedByUserId")
        SELECT ${uid}, hs."userId", ${plan.eventType.id}, ${plan.start.toISOString()}::timestamp, ${plan.end.toISOString()}::timestamp,
               ${plan.releaseAt.toISOString()}::timestamp, ${plan.eventType.seatsPerTimeSlot !== null}::boolean, ${existing.reservedByUserId}::int
        FROM ok, hs WHERE hs.takes AND NOT EXISTS (SELECT 1 FROM "SelectedSlots" s WHERE s."uid" = ${uid} AND s."userId" = hs."userId")
        RETURNING "id"),
      written AS (SELECT "id" FROM moved UNION ALL SELECT "id" FROM added)`,
  );
  if (outcome.writtenId === null) {
    assertFree(plan.eventType, outcome, input.slotStart);
    // Nothing in the way, so the hold itself expired between the read and the write.
    throw reservationNotFound(uid);
  }
  return heldSlot(plan, uid);
}

/** DELETE /v2/slots/reservations/{uid}: releases the hold; an unknown uid is not an error (Cal.com). */
export async function deleteReservation(deps: Deps, principal: Actor | undefined, uid: string): Promise<void> {
  const { db } = deps;
  const rows = await db.selectedSlots.findMany({ where: { uid }, select: { uid: true, userId: true, reservedByUserId: true } });
  const foreign = rows.find((row) => !mayManage(row, principal));
  if (foreign) assertMayManage(foreign as ReservationRow, principal);
  if (rows.length > 0) await db.$executeRaw`DELETE FROM "SelectedSlots" WHERE "uid" = ${uid}`;
}

// ---- Legacy (2024-04-15 …): POST /v2/slots/reserve and DELETE /v2/slots/selected-slot, used by the atoms.

export interface LegacyReserveInput {
  eventTypeId: number;
  slotUtcStartDate: string;
  slotUtcEndDate: string;
  bookingUid?: string;
  _isDryRun?: boolean;
}

/**
 * Holds a slot for the booker's `uid` cookie (a new uid when there is none) and returns the uid. As in Cal.com,
 * a seated event type is held only when `bookingUid` names its booking and seats are left. Unlike Cal.com, a
 * new hold replaces the same uid's previous one (the booker moved to another slot) instead of keeping both,
 * and the held span must be one of the event type's lengths at most, so no one can hold a host's whole day.
 */
export async function legacyReserveSlot(deps: Deps, input: LegacyReserveInput, cookieUid: string | undefined): Promise<string> {
  const { db, sql } = deps;
  const now = deps.now();
  const start = parseIsoInstant(input.slotUtcStartDate);
  const end = parseIsoInstant(input.slotUtcEndDate);
  if (start === null) throw badRequest("slotUtcStartDate - slotUtcStartDate must be a valid ISO 8601 date string");
  if (end === null) throw badRequest("slotUtcEndDate - slotUtcEndDate must be a valid ISO 8601 date string");
  const eventType = await loadEventType(db, input.eventTypeId);
  if (!eventType) throw eventTypeNotFound();
  const longest = Math.max(eventType.length, ...eventType.multipleDuration);
  if (end <= start || end - start > longest * MS_PER_MINUTE) {
    throw badRequest(`slotUtcEndDate - the held span must be after slotUtcStartDate and at most ${longest} minutes long`);
  }

  // A uid cookie naming someone's authenticated hold is not this booker's to reuse.
  let uid = cookieUid && /^[\w-]{1,100}$/.test(cookieUid) ? cookieUid : undefined;
  if (uid && (await db.selectedSlots.findFirst({ where: { uid, reservedByUserId: { not: null } }, select: { id: true } }))) uid = undefined;
  uid ??= crypto.randomUUID();

  if (eventType.seatsPerTimeSlot !== null) {
    const booking = input.bookingUid
      ? await db.booking.findFirst({ where: { uid: input.bookingUid }, select: { _count: { select: { attendees: true } } } })
      : null;
    const attendees = booking?._count.attendees ?? 0;
    if (!attendees || eventType.seatsPerTimeSlot - attendees < 1) return uid;
  }
  if (input._isDryRun) return uid;

  const legacyPlan: PlannedHold = {
    eventType,
    start: new Date(start),
    end: new Date(end),
    releaseAt: new Date(now + DEFAULT_RESERVATION_MINUTES * MS_PER_MINUTE),
    reservationDuration: DEFAULT_RESERVATION_MINUTES,
  };
  await sql.transaction([
    statement(sql, Prisma.sql`DELETE FROM "SelectedSlots" WHERE "uid" = ${uid} AND "reservedByUserId" IS NULL`),
    statement(
      sql,
      // One row per host the slot takes (hostStates): every collective host, a
      // round robin's fixed hosts and its free other hosts.
      Prisma.sql`WITH hs AS (${hostStates(legacyPlan, new Date(now).toISOString(), uid)})
        INSERT INTO "SelectedSlots" ("uid", "userId", "eventTypeId", "slotUtcStartDate", "slotUtcEndDate", "releaseAt", "isSeat")
        SELECT ${uid}, hs."userId", ${eventType.id}, ${new Date(start).toISOString()}::timestamp, ${new Date(end).toISOString()}::timestamp,
               ${legacyPlan.releaseAt.toISOString()}::timestamp, ${eventType.seatsPerTimeSlot !== null}::boolean
        FROM hs WHERE hs.takes`,
    ),
  ]);
  return uid;
}

/** Releases the anonymous holds with this uid (authenticated holds are managed through 2024-09-04 only). */
export async function legacyDeleteSelectedSlot(deps: Deps, uid: string | undefined): Promise<void> {
  if (!uid) return;
  await deps.db.$executeRaw`DELETE FROM "SelectedSlots" WHERE "uid" = ${uid} AND "reservedByUserId" IS NULL`;
}
