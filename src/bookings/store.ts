import { Prisma } from "../generated/prisma/client";
import type { StoredBookingField } from "../event-types/booking-fields";
import type { Db } from "../services/db";

// Everything the booking services and their outputs need about bookings, read in ONE SQL round trip: the
// booking row, its host, its event type, its attendees with their seats, and the booking it was moved to.

export type BookingStatusName = "accepted" | "pending" | "cancelled" | "rejected" | "awaiting_host";

export interface BookingAttendeeRecord {
  id: number;
  email: string;
  name: string;
  timeZone: string;
  locale: string | null;
  phoneNumber: string | null;
  noShow: boolean | null;
  /** Seated event types: the attendee's seat (Cal.com's BookingSeat.referenceUid), its responses and metadata. */
  seatUid: string | null;
  seatData: Record<string, unknown> | null;
  seatMetadata: Record<string, unknown> | null;
}

export interface BookingHostRecord {
  id: number;
  name: string | null;
  email: string;
  username: string | null;
  timeZone: string;
  locale: string | null;
  timeFormat: number | null;
  organizationId: number | null;
}

export interface BookingEventTypeRecord {
  id: number;
  slug: string;
  title: string;
  description: string | null;
  length: number;
  price: number;
  currency: string;
  /** The owner of a personal event type or managed child; null for a team event type. */
  ownerId: number | null;
  requiresConfirmation: boolean;
  seatsPerTimeSlot: number | null;
  seatsShowAttendees: boolean;
  hideOrganizerEmail: boolean;
  disableCancelling: boolean;
  disableRescheduling: boolean;
  eventName: string | null;
  bookingFields: StoredBookingField[] | null;
  recurrenceFrequency: string | null;
  recurrenceInterval: number | null;
  recurrenceOccurrences: number | null;
  /** The OAuth client the host belongs to, when the host is a platform managed user. */
  oAuthClientId: string | null;
  /** A team event type's team, else null. */
  teamId: number | null;
  /** A managed child's parent (the team's template), else null. */
  parentId: number | null;
  /** COLLECTIVE, ROUND_ROBIN (team event types), else null. */
  schedulingType: string | null;
  /** The organization of the event type's team (of a managed child's parent's team), if any. */
  organizationId: number | null;
}

export interface BookingRecord {
  id: number;
  uid: string;
  userId: number | null;
  eventTypeId: number | null;
  title: string;
  description: string | null;
  startTime: Date;
  endTime: Date;
  location: string | null;
  status: BookingStatusName;
  metadata: Record<string, unknown> | null;
  responses: Record<string, unknown> | null;
  cancellationReason: string | null;
  rejectionReason: string | null;
  cancelledBy: string | null;
  rescheduled: boolean | null;
  fromReschedule: string | null;
  rescheduledBy: string | null;
  recurringEventId: string | null;
  noShowHost: boolean | null;
  iCalUID: string | null;
  iCalSequence: number;
  createdAt: Date;
  updatedAt: Date | null;
  /** The booking this one was rescheduled to (Cal.com's rescheduledToUid), if any. */
  rescheduledToUid: string | null;
  user: BookingHostRecord | null;
  /** The booking's other hosts (team event types' BookingHost rows besides the organizer), by user id. */
  coHostIds: number[];
  eventType: BookingEventTypeRecord | null;
  attendees: BookingAttendeeRecord[];
}

/** Anything that runs raw queries: a client or an interactive transaction. */
export type DbLike = Pick<Db, "$queryRaw">;

type Row = Omit<BookingRecord, "startTime" | "endTime" | "createdAt" | "updatedAt" | "user" | "eventType" | "attendees" | "coHostIds"> & {
  coHostIds: number[] | null;
  startTime: Date | string;
  endTime: Date | string;
  createdAt: Date | string;
  updatedAt: Date | string | null;
  user: unknown;
  eventType: unknown;
  attendees: unknown;
};

const parsed = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

function toRecord(row: Row): BookingRecord {
  return {
    ...row,
    startTime: new Date(row.startTime),
    endTime: new Date(row.endTime),
    createdAt: new Date(row.createdAt),
    updatedAt: row.updatedAt === null ? null : new Date(row.updatedAt),
    metadata: parsed(row.metadata),
    responses: parsed(row.responses),
    user: parsed<BookingHostRecord | null>(row.user),
    coHostIds: row.coHostIds ?? [],
    eventType: parsed<BookingEventTypeRecord | null>(row.eventType),
    attendees: parsed<BookingAttendeeRecord[] | null>(row.attendees) ?? [],
  };
}

const SELECT = Prisma.sql`
  SELECT b."id", b."uid", b."userId", b."eventTypeId", b."title", b."description", b."startTime", b."endTime",
         b."location", b."status"::text AS "status", b."metadata", b."responses", b."cancellationReason",
         b."rejectionReason", b."cancelledBy", b."rescheduled", b."fromReschedule", b."rescheduledBy",
         b."recurringEventId", b."noShowHost", b."iCalUID", b."iCalSequence", b."createdAt", b."updatedAt",
         (SELECT r."uid" FROM "Booking" r WHERE r."fromReschedule" = b."uid" ORDER BY r."id" LIMIT 1) AS "rescheduledToUid",
         ARRAY(SELECT bh."userId" FROM "BookingHost" bh WHERE bh."bookingId" = b."id" AND NOT bh."isOrganizer" ORDER BY bh."userId") AS "coHostIds",
         CASE WHEN u."id" IS NULL THEN NULL ELSE jsonb_build_object(
           'id', u."id", 'name', u."name", 'email', u."email", 'username', u."username", 'timeZone', u."timeZone",
           'locale', u."locale", 'timeFormat', u."timeFormat", 'organizationId', u."organizationId") END AS "user",
         CASE WHEN et."id" IS NULL THEN NULL ELSE jsonb_build_object(
           'id', et."id", 'slug', et."slug", 'title', et."title", 'description', et."description", 'length', et."length",
           'price', et."price", 'currency', et."currency", 'ownerId', et."userId",
           'requiresConfirmation', et."requiresConfirmation", 'seatsPerTimeSlot', et."seatsPerTimeSlot",
           'seatsShowAttendees', et."seatsShowAttendees", 'hideOrganizerEmail', et."hideOrganizerEmail",
           'disableCancelling', et."disableCancelling", 'disableRescheduling', et."disableRescheduling",
           'eventName', et."eventName", 'bookingFields', et."bookingFields", 'recurrenceFrequency', et."recurrenceFrequency",
           'recurrenceInterval', et."recurrenceInterval", 'recurrenceOccurrences', et."recurrenceOccurrences",
           'teamId', et."teamId", 'parentId', et."parentId", 'schedulingType', et."schedulingType",
           'oAuthClientId', (SELECT pc."A" FROM "_PlatformOAuthClientToUser" pc WHERE pc."B" = et."userId" LIMIT 1),
           'organizationId', (SELECT CASE WHEN ot."isOrganization" THEN ot."id" ELSE ot."parentId" END FROM "Team" ot
                              WHERE ot."id" = COALESCE(et."teamId", (SELECT pe."teamId" FROM "EventType" pe WHERE pe."id" = et."parentId")))) END AS "eventType",
         COALESCE((
           SELECT jsonb_agg(jsonb_build_object(
             'id', a."id", 'email', a."email", 'name', a."name", 'timeZone', a."timeZone", 'locale', a."locale",
             'phoneNumber', a."phoneNumber", 'noShow', a."noShow", 'seatUid', s."referenceUid", 'seatData', s."data",
             'seatMetadata', s."metadata") ORDER BY a."id")
           FROM "Attendee" a LEFT JOIN "BookingSeat" s ON s."attendeeId" = a."id"
           WHERE a."bookingId" = b."id"), '[]'::jsonb) AS "attendees"
  FROM "Booking" b
  LEFT JOIN "users" u ON u."id" = b."userId"
  LEFT JOIN "EventType" et ON et."id" = b."eventTypeId"`;

/** Bookings matching `where` (an SQL condition on `b`), in `orderBy` order (default: start time, then id). */
export async function selectBookings(
  db: Db | DbLike,
  where: Prisma.Sql,
  options: { orderBy?: Prisma.Sql; take?: number; skip?: number } = {},
): Promise<BookingRecord[]> {
  const orderBy = options.orderBy ?? Prisma.sql`b."startTime" ASC, b."id" ASC`;
  const limit = options.take === undefined ? Prisma.empty : Prisma.sql`LIMIT ${options.take}`;
  const offset = options.skip ? Prisma.sql`OFFSET ${options.skip}` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`${SELECT} WHERE ${where} ORDER BY ${orderBy} ${limit} ${offset}`;
  return rows.map(toRecord);
}

/**
 * One page of the bookings matching `where` and how many match in all, in ONE statement: the matching rows
 * (id and sort columns) are found once, counted, and paged; only the page's rows are then read in full (the
 * count is the outer row and the page is joined to it laterally, so an empty page, a skip past the end, still
 * carries the total). `orderBy(alias)` orders the page (alias "b") and the joined rows (alias "p") alike; it may
 * use only the id, start, end, created and updated columns.
 */
export async function selectBookingsPage(
  db: Db | DbLike,
  where: Prisma.Sql,
  options: { orderBy: (alias: "b" | "p") => Prisma.Sql; take: number; skip: number },
): Promise<{ bookings: BookingRecord[]; total: number }> {
  const offset = options.skip ? Prisma.sql`OFFSET ${options.skip}` : Prisma.empty;
  const rows = await db.$queryRaw<(Row & { __total: number })[]>`
    WITH matched AS MATERIALIZED (
      SELECT b."id", b."startTime", b."endTime", b."createdAt", b."updatedAt" FROM "Booking" b WHERE ${where}),
    page AS (SELECT b."id" FROM matched b ORDER BY ${options.orderBy("b")} LIMIT ${options.take} ${offset})
    SELECT t."__total", p.*
    FROM (SELECT count(*)::int AS "__total" FROM matched) t
    LEFT JOIN LATERAL (${SELECT} WHERE b."id" IN (SELECT page."id" FROM page)) p ON true
    ORDER BY ${options.orderBy("p")}`;
  const total = rows[0]?.__total ?? 0;
  const bookings = rows.filter((row) => row.id !== null).map(({ __total, ...row }) => toRecord(row));
  return { bookings, total };
}

/** Reads through a transaction client too (`tx`), for checks that must see the locked state. */
export async function findBookingByUid(db: Db | DbLike, uid: string): Promise<BookingRecord | null> {
  const [booking] = await selectBookings(db, Prisma.sql`b."uid" = ${uid}`);
  return booking ?? null;
}

/** The occurrences of a recurring booking, by its recurringEventId, earliest first. */
export const findRecurringBookings = (db: Db | DbLike, recurringEventId: string) => selectBookings(db, Prisma.sql`b."recurringEventId" = ${recurringEventId}`);

export async function findBookingsByIds(db: Db | DbLike, ids: readonly number[]): Promise<BookingRecord[]> {
  if (ids.length === 0) return [];
  return selectBookings(db, Prisma.sql`b."id" IN (${Prisma.join(ids)})`);
}

/** The seat (BookingSeat.referenceUid) of one attendee, with the booking it belongs to. */
export async function findSeat(db: Db, seatUid: string): Promise<{ attendeeId: number; bookingUid: string } | null> {
  const rows = await db.$queryRaw<{ attendeeId: number; bookingUid: string }[]>`
    SELECT s."attendeeId", b."uid" AS "bookingUid"
    FROM "BookingSeat" s JOIN "Booking" b ON b."id" = s."bookingId"
    WHERE s."referenceUid" = ${seatUid}`;
  return rows[0] ?? null;
}
