import { Prisma } from "../generated/prisma/client";
import { organizationEventTypeIds, teamBookingsCondition, teamVisibleBookingIds } from "../event-types/scheduling";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { selectBookingsPage, type BookingRecord } from "./store";

export type ListStatus = "upcoming" | "recurring" | "past" | "cancelled" | "unconfirmed";
export type SortDirection = "asc" | "desc";

export interface ListBookingsFilters {
  status?: ListStatus[];
  attendeeEmail?: string;
  attendeeName?: string;
  bookingUid?: string;
  eventTypeIds?: number[];
  teamIds?: number[];
  afterStart?: Date;
  beforeEnd?: Date;
  afterCreatedAt?: Date;
  beforeCreatedAt?: Date;
  afterUpdatedAt?: Date;
  beforeUpdatedAt?: Date;
  sort?: { start?: SortDirection; end?: SortDirection; created?: SortDirection; updated?: SortDirection };
  take: number;
  skip: number;
}

export interface BookingsPage {
  bookings: BookingRecord[];
  totalItems: number;
}

const NOT_DECLINED = Prisma.sql`b."status" NOT IN ('cancelled', 'rejected')`;

// Cal.com's bookingListingByStatus filters (getAllUserBookings); several statuses are OR-ed.
function statusCondition(status: ListStatus, now: Date): Prisma.Sql {
  switch (status) {
    case "upcoming":
      return Prisma.sql`(b."endTime" >= ${now} AND ((b."recurringEventId" IS NOT NULL AND b."status" = 'accepted') OR (b."recurringEventId" IS NULL AND ${NOT_DECLINED})))`;
    case "recurring":
      return Prisma.sql`(b."endTime" >= ${now} AND b."recurringEventId" IS NOT NULL AND ${NOT_DECLINED})`;
    case "past":
      return Prisma.sql`(b."endTime" <= ${now} AND ${NOT_DECLINED})`;
    case "cancelled":
      return Prisma.sql`(b."status" IN ('cancelled', 'rejected'))`;
    case "unconfirmed":
      return Prisma.sql`(b."endTime" >= ${now} AND b."status" = 'pending')`;
  }
}

const direction = (d: SortDirection) => (d === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`);

/** The list's ORDER BY over the booking columns of `alias` (the same order inside and outside the page query). */
function orderBy(filters: ListBookingsFilters, alias: "b" | "p"): Prisma.Sql {
  const { sort = {} } = filters;
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const keys: Prisma.Sql[] = [];
  if (sort.start) keys.push(Prisma.sql`${column("startTime")} ${direction(sort.start)}`);
  if (sort.end) keys.push(Prisma.sql`${column("endTime")} ${direction(sort.end)}`);
  if (sort.created) keys.push(Prisma.sql`${column("createdAt")} ${direction(sort.created)}`);
  if (sort.updated) keys.push(Prisma.sql`${column("updatedAt")} ${direction(sort.updated)} NULLS LAST`);
  if (keys.length === 0) {
    // Past and cancelled bookings read most recent first; anything upcoming, soonest first.
    const backwards = !!filters.status?.length && filters.status.every((s) => s === "past" || s === "cancelled");
    keys.push(Prisma.sql`${column("startTime")} ${backwards ? Prisma.sql`DESC` : Prisma.sql`ASC`}`);
  }
  keys.push(Prisma.sql`${column("id")} ASC`);
  return Prisma.join(keys, ", ");
}

/**
 * Whose bookings a list covers. `caller`: the actor's own (hosted, co-hosted, attended by their email) and those
 * of the teams they administer (within `organizationId` when given: an org admin reading a member's bookings
 * sees nothing of the member's teams outside the org). `team`: the bookings of one team's event types (managed
 * children included). `organization`: every booking of the org's members (as organizer, co-host or attendee by
 * email) and of the org's and its teams' event types; with `userIds`, only those of these members.
 */
export type BookingsScope =
  | { kind: "caller"; organizationId?: number }
  | { kind: "team"; teamId: number }
  | { kind: "organization"; organizationId: number; userIds?: readonly number[] };

const orgMemberIds = (organizationId: number) => Prisma.sql`SELECT om."userId" FROM "Membership" om WHERE om."teamId" = ${organizationId}`;

/** The bookings of some users: as organizer, as co-host, or as attendee by their email. */
const usersBookingIds = (users: Prisma.Sql) =>
  Prisma.sql`SELECT ub."id" FROM "Booking" ub WHERE ub."userId" IN (${users})
    UNION ALL
    SELECT uh."bookingId" FROM "BookingHost" uh WHERE uh."userId" IN (${users})
    UNION ALL
    SELECT ua."bookingId" FROM "Attendee" ua WHERE lower(ua."email") IN (SELECT lower(uu."email") FROM "users" uu WHERE uu."id" IN (${users}))`;

/**
 * The condition on a booking (`b`) of being visible in `scope` to `actor`: its id is in one UNION of id sets (one
 * semi-join; see teamVisibleBookingIds on why not an OR of EXISTS).
 */
function scopeCondition(actor: Actor, scope: BookingsScope): Prisma.Sql {
  switch (scope.kind) {
    case "caller":
      // The caller's email is read in the same statement (no round trip of its own).
      return Prisma.sql`b."id" IN (
        SELECT cb."id" FROM "Booking" cb WHERE cb."userId" = ${actor.userId}
        UNION ALL
        SELECT me."bookingId" FROM "Attendee" me
        WHERE lower(me."email") = (SELECT lower(cu."email") FROM "users" cu WHERE cu."id" = ${actor.userId})
        UNION ALL
        ${teamVisibleBookingIds(actor.userId, scope.organizationId)})`;
    case "team":
      return teamBookingsCondition([scope.teamId])!;
    case "organization": {
      const { organizationId, userIds } = scope;
      if (userIds?.length) return Prisma.sql`b."id" IN (${usersBookingIds(Prisma.sql`SELECT unnest(${[...userIds]}::int[])`)})`;
      return Prisma.sql`b."id" IN (
        ${usersBookingIds(orgMemberIds(organizationId))}
        UNION ALL
        SELECT ob."id" FROM "Booking" ob WHERE ob."eventTypeId" IN (${organizationEventTypeIds(organizationId)}))`;
    }
  }
}

/**
 * The bookings of `scope` (by default the caller's: those they host or co-host, those they attend (by their
 * email) and their teams' when they are a team admin or owner), with Cal.com's filters, sort options and
 * skip/take. The page and the total come from one statement: one database round trip.
 */
export async function listBookings(deps: Deps, actor: Actor, filters: ListBookingsFilters, scope: BookingsScope = { kind: "caller" }): Promise<BookingsPage> {
  const teamCondition = filters.teamIds?.length ? teamBookingsCondition(filters.teamIds) : undefined;
  if (teamCondition === null) return { bookings: [], totalItems: 0 };
  const now = new Date(deps.now());
  const conditions: Prisma.Sql[] = [scopeCondition(actor, scope)];
  if (filters.status?.length)
    conditions.push(
      Prisma.sql`(${Prisma.join(
        filters.status.map((s) => statusCondition(s, now)),
        " OR ",
      )})`,
    );
  if (filters.attendeeEmail) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id" AND lower(a."email") = lower(${filters.attendeeEmail}))`);
  }
  if (filters.attendeeName) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b."id" AND lower(a."name") = lower(${filters.attendeeName}))`);
  }
  if (filters.bookingUid) conditions.push(Prisma.sql`b."uid" = ${filters.bookingUid}`);
  if (teamCondition) conditions.push(teamCondition);
  if (filters.eventTypeIds?.length) conditions.push(Prisma.sql`b."eventTypeId" IN (${Prisma.join(filters.eventTypeIds)})`);
  if (filters.afterStart) conditions.push(Prisma.sql`b."startTime" >= ${filters.afterStart}`);
  if (filters.beforeEnd) conditions.push(Prisma.sql`b."endTime" <= ${filters.beforeEnd}`);
  if (filters.afterCreatedAt) conditions.push(Prisma.sql`b."createdAt" >= ${filters.afterCreatedAt}`);
  if (filters.beforeCreatedAt) conditions.push(Prisma.sql`b."createdAt" <= ${filters.beforeCreatedAt}`);
  if (filters.afterUpdatedAt) conditions.push(Prisma.sql`b."updatedAt" >= ${filters.afterUpdatedAt}`);
  if (filters.beforeUpdatedAt) conditions.push(Prisma.sql`b."updatedAt" <= ${filters.beforeUpdatedAt}`);
  const where = Prisma.join(conditions, " AND ");

  const { bookings, total } = await selectBookingsPage(deps.db, where, {
    orderBy: (alias) => orderBy(filters, alias),
    take: filters.take,
    skip: filters.skip,
  });
  return { bookings, totalItems: total };
}
