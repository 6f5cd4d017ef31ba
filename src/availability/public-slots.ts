import { Prisma } from "../generated/prisma/client";
import { eventTypeNotFound, organizationWithSlugNotFound, userWithUsernameNotFound } from "./errors";
import { teamSlotsLookupNotFound } from "../event-types/scheduling";
import type { EventTypeForSlots, EventTypeLookup } from "../event-types/slots-loader";
import { type ApiError, badRequest } from "../errors";
import { toJsonText, type JsonText } from "../json-text";
import type { Deps } from "../services";
import type { Db, HttpSql } from "../services/db";
import type { Slot } from "../slots/types";
import { attachCalendarBusyForSlots } from "../calendars/availability";
import { answerValidUntil, slotAnswers } from "./answer-cache";
import type { SlotsWindow } from "./query-window";
import type { BusyContext } from "./busy";
import { loadEventTypeWithBusyTime } from "./one-round-trip";
import { awaySlots, slotsFromBusyContext } from "./service";
import type { SlotsEventTypeRef } from "./slots-input";

// The public slot lookups (GET /v2/slots and the legacy GET /v2/slots/available): ONE database round trip on
// the way to an answer (event type, schedule and busy time in one statement); error paths may ask more to say
// precisely what was not found.

/** Which database lookup finds the event type; throws for ways this API does not serve. */
export function eventTypeLookupOf(ref: SlotsEventTypeRef): EventTypeLookup {
  switch (ref.type) {
    case "byEventTypeId":
      return { eventTypeId: ref.eventTypeId };
    case "byUsernameAndEventTypeSlug":
      return { username: ref.username, slug: ref.eventTypeSlug, ...(ref.organizationSlug ? { organizationSlug: ref.organizationSlug } : {}) };
    case "byTeamSlugAndEventTypeSlug":
      return { teamSlug: ref.teamSlug, slug: ref.eventTypeSlug, ...(ref.organizationSlug ? { organizationSlug: ref.organizationSlug } : {}) };
    case "byUsernames":
      throw badRequest(
        "usernames - slots of dynamic group events (several usernames) are not available in this API; pass eventTypeId, or eventTypeSlug with username",
      );
  }
}

interface NameRow {
  found: boolean;
}

const exists = async (db: Db, query: Prisma.Sql) => ((await db.$queryRaw<NameRow[]>(query))[0]?.found ?? false) === true;

const organizationExists = (db: Db, slug: string) =>
  exists(db, Prisma.sql`SELECT EXISTS (SELECT 1 FROM "Team" WHERE "slug" = ${slug} AND "isOrganization" AND "parentId" IS NULL) AS found`);

/** The 404 Cal.com gives for a lookup that found nothing, naming the first missing piece. */
async function notFoundError(db: Db, lookup: EventTypeLookup): Promise<ApiError> {
  if ("eventTypeId" in lookup) return eventTypeNotFound();
  if (lookup.organizationSlug && !(await organizationExists(db, lookup.organizationSlug))) {
    return organizationWithSlugNotFound(lookup.organizationSlug);
  }
  if ("teamSlug" in lookup) return teamSlotsLookupNotFound(db, lookup);
  const userExists = await exists(
    db,
    lookup.organizationSlug
      ? Prisma.sql`SELECT EXISTS (SELECT 1 FROM "users" u JOIN "Team" o ON o."id" = u."organizationId" WHERE u."username" = ${lookup.username} AND o."slug" = ${lookup.organizationSlug}) AS found`
      : Prisma.sql`SELECT EXISTS (SELECT 1 FROM "users" WHERE "username" = ${lookup.username}) AS found`,
  );
  return userExists ? eventTypeNotFound() : userWithUsernameNotFound(lookup.username);
}

export interface PublicSlotsRequest {
  /** From resolveSlotsWindow, checked before any database work. */
  window: SlotsWindow;
  now: number;
  excludeBookingUid?: string;
  excludeReservationUid?: string;
}

/**
 * The ONE round trip of a public slot lookup: the event type with its schedule and its hosts' busy time
 * around the window (loadEventTypeWithBusyTime); a 404 naming what is missing when there is no event type.
 */
export async function loadPublicSlotsData(
  db: Db,
  sql: HttpSql,
  lookup: EventTypeLookup,
  request: PublicSlotsRequest,
): Promise<NonNullable<Awaited<ReturnType<typeof loadEventTypeWithBusyTime>>>> {
  const found = await loadEventTypeWithBusyTime(sql, lookup, {
    rangeStart: request.window.start,
    rangeEnd: request.window.end,
    now: request.now,
    excludeBookingUid: request.excludeBookingUid,
    excludeReservationUid: request.excludeReservationUid,
  });
  if (!found) throw await notFoundError(db, lookup);
  return found;
}

/** The engine over the loaded data (no I/O); with `includeAway`, Cal.com's `away` slots too (legacy lookup). */
export function publicSlots(
  eventType: EventTypeForSlots,
  busy: BusyContext,
  request: { window: SlotsWindow; now: number; durationMinutes?: number; includeAway?: boolean },
): Slot[] {
  const { window } = request;
  if (window.end <= window.start) return [];
  const options = { rangeStart: window.start, rangeEnd: window.end, now: request.now, durationMinutes: request.durationMinutes };
  const slots = slotsFromBusyContext(eventType, busy, options);
  if (!request.includeAway) return slots;
  const away = awaySlots(eventType, busy, options);
  return away.length === 0 ? slots : [...slots, ...away].sort((a, b) => a.start - b.start);
}

/**
 * A requested length must be one the event type offers. Cal.com computes slots of any length asked for; a
 * length the event type does not offer could not be booked, and a tiny one multiplies the work, so it is a 400.
 */
export function checkDuration(eventType: EventTypeForSlots, duration: number | undefined, field: string): number | undefined {
  if (duration === undefined || duration === eventType.rules.lengthMinutes) return undefined;
  if (eventType.lengthOptionsMinutes.includes(duration)) return duration;
  const offered = [...new Set([eventType.rules.lengthMinutes, ...eventType.lengthOptionsMinutes])].sort((a, b) => a - b);
  throw badRequest(`${field} - ${field} must be one of the event type's lengths: ${offered.join(", ")}`);
}

export interface PublicSlotsAnswerRequest<T> extends PublicSlotsRequest {
  lookup: EventTypeLookup;
  /** Everything else the answer depends on (the caller's parameters, normalised); null = do not cache. */
  cacheKey: string | null;
  /** The `duration` asked for, checked against the event type. */
  duration: number | undefined;
  /** Include Cal.com's `away` slots of an out-of-office host (the legacy lookup). */
  includeAway?: boolean;
  /** The response body for these slots. */
  render(slots: Slot[], eventType: EventTypeForSlots): T;
}

/**
 * A public slot lookup's response body, computed in one round trip and kept in the isolate's answer cache
 * under `cacheKey` (src/availability/answer-cache.ts; middleware/slot-answers.ts serves repeats).
 */
export async function publicSlotsAnswer<T>(deps: Deps, request: PublicSlotsAnswerRequest<T>): Promise<JsonText<T>> {
  const { cacheKey, now } = request;
  const readStart = slotAnswers.readStart(deps.now());
  const { eventType, busy, freshness } = await loadPublicSlotsData(deps.db, deps.sql, request.lookup, request);
  const durationMinutes = checkDuration(eventType, request.duration, "duration");
  // Connected calendars of the hosts that have some (src/calendars/availability.ts), under the cache's freshness rule.
  const calendars = await attachCalendarBusyForSlots(deps, eventType, request.window, request.excludeBookingUid);
  const slots = publicSlots(eventType, busy, { window: request.window, now, durationMinutes, includeAway: request.includeAway });
  const body = toJsonText(request.render(slots, eventType));
  if (cacheKey !== null) {
    const validUntil = answerValidUntil({
      now,
      firstSlotStart: slots.reduce<number | undefined>((first, slot) => (first === undefined || slot.start < first ? slot.start : first), undefined),
      minimumNoticeMinutes: eventType.rules.minimumBookingNoticeMinutes,
      firstHoldReleaseAt: freshness.firstHoldReleaseAt,
      calendarsValidUntil: calendars.validUntil,
    });
    slotAnswers.store(cacheKey, { body, hostVersions: freshness.slotsVersions, validUntil }, readStart);
  }
  return body;
}
