import { eventTypeNotFound, teamWithSlugNotFound } from "../availability/errors";
import { Prisma } from "../generated/prisma/client";
import type { ApiError } from "../errors";
import type { Queryable } from "../services/db";
import type { Slot } from "../slots/types";

// How a team event type's hosts share it: the scheduling types, how hosts' slots combine, team lookups. The
// slots and bookings plumbing works over a list of hosts and asks this module how to combine them.

/** Cal.com's SchedulingType of team event types. */
export type SchedulingType = "COLLECTIVE" | "ROUND_ROBIN" | "MANAGED";

/** How an event type's hosts share it: null for a personal event type (one host, its owner). */
export const schedulingTypeOf = (eventType: { schedulingType: SchedulingType | null }): SchedulingType | null => eventType.schedulingType;

/** Whether the event type belongs to a team (Cal.com offers instant meetings only there). */
export const isTeamEventType = (eventType: { schedulingType: SchedulingType | null }): boolean => schedulingTypeOf(eventType) !== null;

/**
 * Whether the event type offers slots of its own: a MANAGED team event type is a template whose children (one
 * per assigned member, personal event types) are booked instead, so it offers none.
 */
export const offersSlots = (eventType: { schedulingType: SchedulingType | null; teamId: number | null }): boolean =>
  !(eventType.schedulingType === "MANAGED" && eventType.teamId !== null);

/** One host's slots, with whether the host must be free for every booking (fixed). */
export interface HostSlots {
  isFixed: boolean;
  slots: readonly Slot[];
}

// Slots in time order (by start, then end): the engine answers so; anything else is sorted first.
const compareSlots = (a: Slot, b: Slot): number => a.start - b.start || a.end - b.end;
const inOrder = (list: readonly Slot[]): readonly Slot[] => {
  for (let i = 1; i < list.length; i++) if (compareSlots(list[i - 1]!, list[i]!) > 0) return [...list].sort(compareSlots);
  return list;
};

// Two sorted lists merged in one pass (no keys, no sets: this runs for every host on every lookup).
function intersectTwo(a: readonly Slot[], b: readonly Slot[]): Slot[] {
  const out: Slot[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const order = compareSlots(a[i]!, b[j]!);
    if (order === 0) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (order < 0) i++;
    else j++;
  }
  return out;
}

function unionTwo(a: readonly Slot[], b: readonly Slot[]): Slot[] {
  const out: Slot[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const order = i >= a.length ? 1 : j >= b.length ? -1 : compareSlots(a[i]!, b[j]!);
    if (order <= 0) out.push(a[i++]!);
    else out.push(b[j++]!);
    if (order === 0) j++;
  }
  return out;
}

/** The slots every list has (same start and end), in time order. */
function intersect(lists: readonly (readonly Slot[])[]): Slot[] {
  if (lists.length === 0) return [];
  let result: readonly Slot[] = inOrder(lists[0]!);
  for (let k = 1; k < lists.length && result.length > 0; k++) result = intersectTwo(result, inOrder(lists[k]!));
  return [...result];
}

/** The slots any list has (same start and end, once), in time order. */
function union(lists: readonly (readonly Slot[])[]): Slot[] {
  let result: readonly Slot[] = [];
  for (const list of lists) result = unionTwo(result, inOrder(list));
  return [...result];
}

/**
 * The event type's slots from each host's (in the order of its hosts). A personal event type's are its one
 * host's. COLLECTIVE: the slots every host has (Cal.com's getAggregatedAvailability). ROUND_ROBIN: the slots
 * every fixed host has and, when there are non-fixed hosts, at least one of them has. Cal.com drops an empty
 * fixed intersection (and then fails the booking); here a slot the fixed hosts cannot all take is never offered.
 */
export function combineHostAvailability(schedulingType: SchedulingType | null, perHost: readonly HostSlots[]): Slot[] {
  if (perHost.length === 0) return [];
  if (schedulingType === null || schedulingType === "MANAGED") return perHost.length === 1 ? [...perHost[0]!.slots] : intersect(perHost.map((h) => h.slots));
  if (schedulingType === "COLLECTIVE") return intersect(perHost.map((h) => h.slots));
  const fixed = perHost.filter((h) => h.isFixed).map((h) => h.slots);
  const rotating = perHost.filter((h) => !h.isFixed).map((h) => h.slots);
  if (rotating.length === 0) return intersect(fixed);
  const anyRotating = union(rotating);
  if (fixed.length === 0) return anyRotating;
  return intersect([anyRotating, ...fixed]);
}

/**
 * A routing form's chosen team members (`routing.teamMemberIds`) narrow who may take a round-robin booking: fixed
 * hosts stay and the rotating hosts are kept to the chosen ones. As Cal.com's qualified-hosts filter
 * (feat/bookings/lib/host-filtering/findQualifiedHostsWithDelegationCredentials.ts), a choice that would leave no
 * rotating host falls back to them all; collective and personal event types need every host and are unchanged.
 */
export function narrowToRoutedHosts<T extends { schedulingType: SchedulingType | null; hosts: readonly { userId: number; isFixed: boolean }[] }>(
  eventType: T,
  routedUserIds: readonly number[] | undefined,
): T {
  if (!routedUserIds || eventType.schedulingType !== "ROUND_ROBIN") return eventType;
  const routed = new Set(routedUserIds);
  const hosts = eventType.hosts.filter((host) => host.isFixed || routed.has(host.userId));
  if (!hosts.some((host) => !host.isFixed)) return eventType;
  return { ...eventType, hosts };
}

/** A team's event type named by the team's slug (public slot lookups). */
export interface TeamEventTypeLookup {
  teamSlug: string;
  organizationSlug?: string;
}

/**
 * The 404 of a public slot lookup by team slug (as the statement behind it finds teams: within the named
 * organization, else outside any): a known team has no event type with that slug ("Event Type not found"),
 * else "Team with slug … not found" (Cal.com's slots-input service).
 */
export async function teamSlotsLookupNotFound(db: Queryable, lookup: TeamEventTypeLookup): Promise<ApiError> {
  const [row] = await db.$queryRaw<{ found: boolean }[]>(
    lookup.organizationSlug
      ? Prisma.sql`SELECT EXISTS (SELECT 1 FROM "Team" t JOIN "Team" o ON o."id" = t."parentId" WHERE t."slug" = ${lookup.teamSlug} AND o."slug" = ${lookup.organizationSlug}) AS found`
      : Prisma.sql`SELECT EXISTS (SELECT 1 FROM "Team" WHERE "slug" = ${lookup.teamSlug} AND NOT "isOrganization" AND "parentId" IS NULL) AS found`,
  );
  return row?.found === true ? eventTypeNotFound() : teamWithSlugNotFound(lookup.teamSlug);
}

/**
 * A booking's event type named by team slug: a known team has none yet (`notFoundBySlug`, Cal.com's message
 * for the slug), an unknown one is Cal.com's "Team … not found".
 */
export async function teamBookingEventTypeNotFound(db: Queryable, teamSlug: string, notFoundBySlug: () => ApiError): Promise<ApiError> {
  const team = await db.team.findFirst({ where: { slug: teamSlug, isOrganization: false }, select: { id: true } });
  return team ? notFoundBySlug() : teamWithSlugNotFound(teamSlug);
}

/**
 * The condition on a booking (`b`) of being one of these teams' event types (managed children included, as
 * Cal.com's teamsIds filter), or null when no team is named (the list is then empty without a query).
 */
export const teamBookingsCondition = (teamIds: readonly number[]): Prisma.Sql | null =>
  teamIds.length === 0
    ? null
    : Prisma.sql`b."eventTypeId" IN (
        SELECT et."id" FROM "EventType" et
        WHERE et."teamId" = ANY(${[...teamIds]}::int[])
           OR et."parentId" IN (SELECT p."id" FROM "EventType" p WHERE p."teamId" = ANY(${[...teamIds]}::int[])))`;

/**
 * The ids of the bookings visible to `userId` through teams: those they co-host (BookingHost), and those of the
 * event types (or managed parents) of the teams they are an accepted admin or owner of (Cal.com's
 * getAllUserBookings). With `organizationId`, only the organization's own and its teams' event types count
 * (Cal.com's `orgId` scope). A SELECT of ids, to be UNIONed into an `IN`: Postgres plans that as one semi-join
 * and costs it right (an OR of EXISTS is costed per row, which pushed 10 000-row lists over the JIT threshold).
 */
export const teamVisibleBookingIds = (userId: number, organizationId?: number): Prisma.Sql =>
  Prisma.sql`SELECT bh."bookingId" FROM "BookingHost" bh WHERE bh."userId" = ${userId}
    UNION ALL
    SELECT tb."id" FROM "Booking" tb WHERE tb."eventTypeId" IN (
      SELECT et."id" FROM "EventType" et
      LEFT JOIN "EventType" p ON p."id" = et."parentId"
      JOIN "Membership" m ON m."teamId" = COALESCE(et."teamId", p."teamId")
      ${organizationId === undefined ? Prisma.empty : Prisma.sql`JOIN "Team" mt ON mt."id" = m."teamId" AND (mt."id" = ${organizationId} OR mt."parentId" = ${organizationId})`}
      WHERE m."userId" = ${userId} AND m."accepted" AND m."role" IN ('ADMIN', 'OWNER'))`;

/** The ids of the event types of the organization itself and of its teams (managed children included). */
export const organizationEventTypeIds = (organizationId: number): Prisma.Sql =>
  Prisma.sql`SELECT et."id" FROM "EventType" et
      LEFT JOIN "EventType" p ON p."id" = et."parentId"
      JOIN "Team" t ON t."id" = COALESCE(et."teamId", p."teamId")
      WHERE t."id" = ${organizationId} OR t."parentId" = ${organizationId}`;
