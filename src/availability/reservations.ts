import { Prisma } from "../generated/prisma/client";
import type { Principal } from "../auth/principal";
import { ApiError, forbidden } from "../errors";
import type { Db } from "../services/db";
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

interface ReservableEventType {
  id: number;
  userId: number;
  length: number;
  multipleDuration: number[];
  seatsPerTimeSlot: number | null;
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

const loadEventType = (db: Db, eventTypeId: number): Promise<ReservableEventType | null> =>
  db.eventType.findFirst({
    where: { id: eventTypeId },
    select: { id: true, userId: true, length: true, multipleDuration: true, seatsPerTimeSlot: true },
  });

function mayManage(row: Pick<ReservationRow, "reservedByUserId" | "userId">, principal: Principal | undefined): boolean {
  if (row.reservedByUserId === null) return true;
  return principal !== undefined && (principal.userId === row.reservedByUserId || principal.userId === row.userId);
}

function assertMayManage(row: ReservationRow, principal: Principal | undefined): void {
  if (mayManage(row, principal)) return;
  throw forbidden(
    "SlotsReservationGuard",
    `the reservation with uid=${row.uid} was made by another user; only that user or the event type's owner may read, change or delete it.`,
  );
}

// Cal.com: a custom reservationDuration needs credentials (401) of the event type's owner or of someone sharing
// a team or organization with them (403).
const anonymousReservationDuration = () =>
  new ApiError(
    "UnauthorizedException",
    "reservationDuration can only be used for authenticated requests - use access token, api key or OAuth credentials",
  );

async function checkCustomReservationDuration(db: Db, principal: Principal, eventType: ReservableEventType): Promise<void> {
  if (principal.userId === eventType.userId) return;
  const rows = await db.$queryRaw<Array<{ shared: boolean }>>`
    SELECT EXISTS (
      SELECT 1 FROM "Membership" mine JOIN "Membership" theirs ON theirs."teamId" = mine."teamId"
      WHERE mine."userId" = ${principal.userId} AND theirs."userId" = ${eventType.userId} AND mine."accepted" AND theirs."accepted"
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
    throw new ApiError("BadRequestException", "You passed 'slotDuration' but this event type is not a variable length event type.");
  }
  if (!eventType.multipleDuration.includes(slotDuration)) {
    throw new ApiError(
      "BadRequestException",
      `Provided 'slotDuration' is not one of the possible lengths for the event type. The possible lengths for this variable length event type are: ${eventType.multipleDuration.join(", ")}`,
    );
  }
  return slotDuration;
}

interface ConflictCounts {
  overlappingBookings: number;
  seatedAttendees: number;
  overlappingHolds: number;
  seatHolds: number;
}

/**
 * Inside the transaction that creates or moves a hold, with the host's lock held: what already occupies
 * [start, end) for the host. Seated event types count their booking's attendees and seat holds at `start`.
 */
async function conflictsAt(
  tx: Prisma.TransactionClient,
  eventType: ReservableEventType,
  start: Date,
  end: Date,
  now: Date,
  ownUid: string,
): Promise<ConflictCounts> {
  const seated = eventType.seatsPerTimeSlot !== null;
  const rows = await tx.$queryRaw<ConflictCounts[]>`
    SELECT
      (SELECT count(*)::int FROM "Booking" b LEFT JOIN "EventType" et ON et."id" = b."eventTypeId"
        WHERE b."userId" = ${eventType.userId} AND b."startTime" < ${end} AND b."endTime" > ${start}
          AND (b."status" = 'accepted' OR (b."status" = 'pending' AND COALESCE(et."requiresConfirmationWillBlockSlot", false)))
          AND NOT (${seated} AND b."eventTypeId" = ${eventType.id} AND b."startTime" = ${start})) AS "overlappingBookings",
      (SELECT count(*)::int FROM "Attendee" a JOIN "Booking" b ON b."id" = a."bookingId"
        WHERE ${seated} AND b."eventTypeId" = ${eventType.id} AND b."startTime" = ${start} AND b."status" = 'accepted') AS "seatedAttendees",
      (SELECT count(*)::int FROM "SelectedSlots" s
        WHERE s."userId" = ${eventType.userId} AND s."releaseAt" > ${now} AND s."uid" <> ${ownUid}
          AND s."slotUtcStartDate" < ${end} AND s."slotUtcEndDate" > ${start}
          AND NOT (${seated} AND s."isSeat" AND s."eventTypeId" = ${eventType.id} AND s."slotUtcStartDate" = ${start})) AS "overlappingHolds",
      (SELECT count(*)::int FROM "SelectedSlots" s
        WHERE ${seated} AND s."isSeat" AND s."eventTypeId" = ${eventType.id} AND s."slotUtcStartDate" = ${start}
          AND s."releaseAt" > ${now} AND s."uid" <> ${ownUid}) AS "seatHolds"`;
  return rows[0]!;
}

function assertFree(eventType: ReservableEventType, counts: ConflictCounts, slotStart: string): void {
  if (counts.overlappingBookings > 0) {
    throw new ApiError("UnprocessableEntityException", "Can't reserve a slot if the event is already booked.");
  }
  if (eventType.seatsPerTimeSlot !== null && counts.seatedAttendees + counts.seatHolds >= eventType.seatsPerTimeSlot) {
    throw new ApiError("UnprocessableEntityException", `Booking with id=${eventType.id} at ${slotStart} has no more seats left.`);
  }
  if (counts.overlappingHolds > 0) {
    throw new ApiError("UnprocessableEntityException", "This time slot is already reserved by another user. Please choose a different time.");
  }
}

// Serialises holds on one host, so two bookers cannot both take the last free moment; then frees expired rows.
async function lockHost(tx: Prisma.TransactionClient, hostUserId: number, now: Date): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${RESERVATION_LOCK_NAMESPACE}::int, ${hostUserId}::int)) AS l`;
  await tx.$executeRaw`DELETE FROM "SelectedSlots" WHERE "userId" = ${hostUserId} AND "releaseAt" <= ${now}`;
}

interface PlannedHold {
  eventType: ReservableEventType;
  start: Date;
  end: Date;
  releaseAt: Date;
  reservationDuration: number;
}

async function planHold(db: Db, principal: Principal | undefined, input: ReservationInput, now: number): Promise<PlannedHold> {
  if (input.reservationDuration !== undefined && !principal) throw anonymousReservationDuration();
  const eventType = await loadEventType(db, input.eventTypeId);
  if (!eventType) throw new ApiError("NotFoundException", `Event Type with ID=${input.eventTypeId} not found`);
  if (input.reservationDuration !== undefined) await checkCustomReservationDuration(db, principal!, eventType);
  const startMs = parseIsoInstant(input.slotStart);
  if (startMs === null) throw new ApiError("BadRequestException", "Invalid start date");
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

/** POST /v2/slots/reservations. */
export async function createReservation(
  db: Db,
  principal: Principal | undefined,
  input: ReservationInput,
  now = Date.now(),
): Promise<CreatedReservation> {
  const plan = await planHold(db, principal, input, now);
  const uid = crypto.randomUUID();
  const row = await db.$transaction(async (tx) => {
    await lockHost(tx, plan.eventType.userId, new Date(now));
    assertFree(plan.eventType, await conflictsAt(tx, plan.eventType, plan.start, plan.end, new Date(now), uid), input.slotStart);
    return tx.selectedSlots.create({
      data: {
        uid,
        userId: plan.eventType.userId,
        eventTypeId: plan.eventType.id,
        slotUtcStartDate: plan.start,
        slotUtcEndDate: plan.end,
        releaseAt: plan.releaseAt,
        isSeat: plan.eventType.seatsPerTimeSlot !== null,
        reservedByUserId: principal?.userId ?? null,
      },
    });
  });
  return { ...reservedSlotOf(row), reservationDuration: plan.reservationDuration };
}

const findLiveHold = (db: Db, uid: string, now: number): Promise<ReservationRow | null> =>
  db.selectedSlots.findFirst({ where: { uid, releaseAt: { gt: new Date(now) } }, orderBy: { id: "asc" } });

/** GET /v2/slots/reservations/{uid}: null when there is no live hold with that uid. */
export async function getReservation(db: Db, principal: Principal | undefined, uid: string, now = Date.now()): Promise<ReservedSlot | null> {
  const row = await findLiveHold(db, uid, now);
  if (!row) return null;
  assertMayManage(row, principal);
  return reservedSlotOf(row);
}

/** PATCH /v2/slots/reservations/{uid}: moves a live hold (possibly to another event type) and renews it. */
export async function updateReservation(
  db: Db,
  principal: Principal | undefined,
  uid: string,
  input: ReservationInput,
  now = Date.now(),
): Promise<CreatedReservation> {
  const existing = await findLiveHold(db, uid, now);
  if (!existing) throw new ApiError("NotFoundException", `Slot with uid=${uid} not found`);
  assertMayManage(existing, principal);
  const plan = await planHold(db, principal, input, now);
  const row = await db.$transaction(async (tx) => {
    await lockHost(tx, plan.eventType.userId, new Date(now));
    assertFree(plan.eventType, await conflictsAt(tx, plan.eventType, plan.start, plan.end, new Date(now), uid), input.slotStart);
    const moved = await tx.selectedSlots.updateMany({
      where: { id: existing.id },
      data: {
        userId: plan.eventType.userId,
        eventTypeId: plan.eventType.id,
        slotUtcStartDate: plan.start,
        slotUtcEndDate: plan.end,
        releaseAt: plan.releaseAt,
        isSeat: plan.eventType.seatsPerTimeSlot !== null,
      },
    });
    // Expired (and so deleted by lockHost) between the read and the lock.
    if (moved.count === 0) throw new ApiError("NotFoundException", `Slot with uid=${uid} not found`);
    return tx.selectedSlots.findFirstOrThrow({ where: { id: existing.id } });
  });
  return { ...reservedSlotOf(row), reservationDuration: plan.reservationDuration };
}

/** DELETE /v2/slots/reservations/{uid}: releases the hold; an unknown uid is not an error (Cal.com). */
export async function deleteReservation(db: Db, principal: Principal | undefined, uid: string): Promise<void> {
  const rows = await db.selectedSlots.findMany({ where: { uid }, select: { uid: true, userId: true, reservedByUserId: true } });
  const foreign = rows.find((row) => !mayManage(row, principal));
  if (foreign) assertMayManage(foreign as ReservationRow, principal);
  if (rows.length > 0) await db.selectedSlots.deleteMany({ where: { uid } });
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
export async function legacyReserveSlot(db: Db, input: LegacyReserveInput, cookieUid: string | undefined, now = Date.now()): Promise<string> {
  const start = parseIsoInstant(input.slotUtcStartDate);
  const end = parseIsoInstant(input.slotUtcEndDate);
  if (start === null) throw new ApiError("BadRequestException", "slotUtcStartDate - slotUtcStartDate must be a valid ISO 8601 date string");
  if (end === null) throw new ApiError("BadRequestException", "slotUtcEndDate - slotUtcEndDate must be a valid ISO 8601 date string");
  const eventType = await loadEventType(db, input.eventTypeId);
  if (!eventType) throw new ApiError("NotFoundException", "Event Type not found");
  const longest = Math.max(eventType.length, ...eventType.multipleDuration);
  if (end <= start || end - start > longest * MS_PER_MINUTE) {
    throw new ApiError("BadRequestException", `slotUtcEndDate - the held span must be after slotUtcStartDate and at most ${longest} minutes long`);
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

  await db.$transaction([
    db.selectedSlots.deleteMany({ where: { uid, reservedByUserId: null } }),
    db.selectedSlots.create({
      data: {
        uid,
        userId: eventType.userId,
        eventTypeId: eventType.id,
        slotUtcStartDate: new Date(start),
        slotUtcEndDate: new Date(end),
        releaseAt: new Date(now + DEFAULT_RESERVATION_MINUTES * MS_PER_MINUTE),
        isSeat: eventType.seatsPerTimeSlot !== null,
      },
    }),
  ]);
  return uid;
}

/** Releases the anonymous holds with this uid (authenticated holds are managed through 2024-09-04 only). */
export async function legacyDeleteSelectedSlot(db: Db, uid: string | undefined): Promise<void> {
  if (!uid) return;
  await db.selectedSlots.deleteMany({ where: { uid, reservedByUserId: null } });
}
