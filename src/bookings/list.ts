import { Prisma } from "../generated/prisma/client";
import { teamBookingsCondition, teamVisibleBookingsCondition } from "../event-types/scheduling";
import { actorEmail } from "./access";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { selectBookings, type BookingRecord } from "./store";

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

function orderBy(filters: ListBookingsFilters): Prisma.Sql {
  const { sort = {} } = filters;
  const keys: Prisma.Sql[] = [];
  if (sort.start) keys.push(Prisma.sql`b."startTime" ${direction(sort.start)}`);
  if (sort.end) keys.push(Prisma.sql`b."endTime" ${direction(sort.end)}`);
  if (sort.created) keys.push(Prisma.sql`b."createdAt" ${direction(sort.created)}`);
  if (sort.updated) keys.push(Prisma.sql`b."updatedAt" ${direction(sort.updated)} NULLS LAST`);
  if (keys.length === 0) {
    // Past and cancelled bookings read most recent first; anything upcoming, soonest first.
    const backwards = !!filters.status?.length && filters.status.every((s) => s === "past" || s === "cancelled");
    keys.push(Prisma.sql`b."startTime" ${backwards ? Prisma.sql`DESC` : Prisma.sql`ASC`}`);
  }
  keys.push(Prisma.sql`b."id" ASC`);
  return Prisma.join(keys, ", ");
}

/**
 * The caller's bookings: those they host or co-host, those they attend (by their email) and their teams' when
 * they are a team admin or owner, with Cal.com's filters, sort
 * options and skip/take. The page and the total are read in parallel.
 */
export async function listBookings(deps: Deps, actor: Actor, filters: ListBookingsFilters): Promise<BookingsPage> {
  const teamCondition = filters.teamIds?.length ? teamBookingsCondition(filters.teamIds) : undefined;
  if (teamCondition === null) return { bookings: [], totalItems: 0 };
  const email = await actorEmail(deps.db, actor);
  const now = new Date(deps.now());
  const conditions: Prisma.Sql[] = [
    Prisma.sql`(b."userId" = ${actor.userId} OR EXISTS (SELECT 1 FROM "Attendee" me WHERE me."bookingId" = b."id" AND lower(me."email") = lower(${email ?? ""}))
      OR ${teamVisibleBookingsCondition(actor.userId)})`,
  ];
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

  const [bookings, [count]] = await Promise.all([
    selectBookings(deps.db, where, { orderBy: orderBy(filters), take: filters.take, skip: filters.skip }),
    deps.db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Booking" b WHERE ${where}`,
  ]);
  return { bookings, totalItems: count?.total ?? 0 };
}
