import { eventTypeNotFound, teamWithSlugNotFound } from "../availability/errors";
import { Prisma } from "../generated/prisma/client";
import type { ApiError } from "../errors";
import type { Queryable } from "../services/db";
import type { Slot } from "../slots/types";

// Team event types do not exist yet: every event type is personal, hosted by its owner alone. What depends on
// that is gathered here, so the teams issue replaces this module (scheduling types, how hosts' slots combine,
// team lookups) and leaves the slots and bookings plumbing, which already works over a list of hosts, alone.

/** Cal.com's SchedulingType of team event types. */
export type SchedulingType = "COLLECTIVE" | "ROUND_ROBIN" | "MANAGED";

/** How an event type's hosts share it: null for a personal event type (one host, its owner). */
export const schedulingTypeOf = (_eventType: { eventTypeId: number }): SchedulingType | null => null;

/** Whether the event type belongs to a team (Cal.com offers instant meetings only there). */
export const isTeamEventType = (eventType: { eventTypeId: number }): boolean => schedulingTypeOf(eventType) !== null;

/**
 * The event type's slots from each host's (in the order of its hosts): a personal event type's are its one
 * host's. With teams, COLLECTIVE keeps the slots every host has, ROUND_ROBIN those any host has.
 */
export function combineHostAvailability(schedulingType: SchedulingType | null, perHost: readonly Slot[][]): Slot[] {
  if (schedulingType !== null) throw new Error(`${schedulingType} event types are not supported yet`);
  if (perHost.length > 1) throw new Error("a personal event type has exactly one host");
  return perHost[0] ?? [];
}

/** A team's event type named by the team's slug (public slot lookups). */
export interface TeamEventTypeLookup {
  teamSlug: string;
  organizationSlug?: string;
}

/** The 404 of a public slot lookup by team slug: a known team has no event types yet, else the team is unknown. */
export async function teamSlotsLookupNotFound(db: Queryable, lookup: TeamEventTypeLookup): Promise<ApiError> {
  const [row] = await db.$queryRaw<{ found: boolean }[]>(
    lookup.organizationSlug
      ? Prisma.sql`SELECT EXISTS (SELECT 1 FROM "Team" t JOIN "Team" o ON o."id" = t."parentId" WHERE t."slug" = ${lookup.teamSlug} AND o."slug" = ${lookup.organizationSlug}) AS found`
      : Prisma.sql`SELECT EXISTS (SELECT 1 FROM "Team" WHERE "slug" = ${lookup.teamSlug} AND NOT "isOrganization") AS found`,
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
 * The condition on a booking (`b`) of being one of these teams' event types, or null when they have none (the
 * list is then empty without a query): always null while team event types do not exist.
 */
export const teamBookingsCondition = (_teamIds: readonly number[]): Prisma.Sql | null => null;
