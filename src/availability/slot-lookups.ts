import type { z } from "@hono/zod-openapi";
import { attachCalendarBusyForSlots } from "../calendars/availability";
import { narrowToRoutedHosts } from "../event-types/scheduling";
import type { EventTypeLookup } from "../event-types/slots-loader";
import { success } from "../http/common";
import type { Deps } from "../services";
import { isValidTimeZone } from "../slots/format";
import { eventTypeNotFound, invalidQueryField } from "./errors";
import { checkDuration, eventTypeLookupOf, loadPublicSlotsData, publicSlots, publicSlotsAnswer } from "./public-slots";
import { resolveSlotsWindow } from "./query-window";
import type { GetAvailableSlotsQuerySchema } from "./schemas";
import { queryInteger, type GetSlotsQuery } from "./slots-input";
import { legacySlotsOutput, slotsOutput_2024_09_04 } from "./slots-output";

// The two public slot operations as domain functions: the route passes the validated query and the key its
// answer is cached under (middleware/slot-answers.ts), and answers with the body.

/** What an answer's cache key depends on is the route's to say (null: not cached). */
interface CachedLookup {
  cacheKey: string | null;
}

/** GET /v2/slots (2024-09-04). */
export function getSlots(deps: Deps, input: CachedLookup & { query: GetSlotsQuery }) {
  const { query } = input;
  const now = deps.now();
  // Input errors answer before any database work.
  const window = resolveSlotsWindow(query.start, query.end, { now, names: { start: "start", end: "end" }, endOfDayForMidnightEnd: true });
  return publicSlotsAnswer(deps, {
    lookup: eventTypeLookupOf(query.eventType),
    window,
    now,
    excludeBookingUid: query.bookingUidToReschedule,
    duration: query.duration,
    cacheKey: input.cacheKey,
    render: (slots, eventType) =>
      success(
        slotsOutput_2024_09_04(slots, query.format, {
          timeZone: query.timeZone,
          onlyFirstPerDate: eventType.onlyShowFirstAvailableSlot,
          seatsTotal: eventType.rules.seatsPerTimeSlot,
        }),
      ),
  });
}

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

type LegacyQuery = z.infer<typeof GetAvailableSlotsQuerySchema>;

/** The legacy query's event type: by id, or by slug with one username (a team's slug with `isTeamEvent`). */
function legacyLookup(query: LegacyQuery, eventTypeId: number | undefined): EventTypeLookup {
  if (eventTypeId !== undefined) return { eventTypeId };
  const usernames = [...asList(query["usernameList[]"]), ...asList(query.usernameList)];
  if (usernames.length > 1) throw invalidQueryField("usernameList", "slots of dynamic group events (several usernames) are not available in this API");
  if (!query.eventTypeSlug || !usernames[0]) throw eventTypeNotFound();
  const organizationSlug = query.orgSlug ? { organizationSlug: query.orgSlug } : {};
  return query.isTeamEvent?.toLowerCase() === "true"
    ? { teamSlug: usernames[0], slug: query.eventTypeSlug, ...organizationSlug }
    : { username: usernames[0], slug: query.eventTypeSlug, ...organizationSlug };
}

/** GET /v2/slots/available (every version but 2024-09-04); `ownHoldUid` is the booker's hold (its `uid` cookie). */
export function getLegacyAvailableSlots(deps: Deps, input: CachedLookup & { query: LegacyQuery; ownHoldUid: string | undefined }) {
  const { query } = input;
  const now = deps.now();
  if (query.timeZone !== undefined && !isValidTimeZone(query.timeZone)) throw invalidQueryField("timeZone", "must be a valid IANA time zone, e.g. Europe/Rome");
  const slotFormat = query.slotFormat ? query.slotFormat.toLowerCase() : undefined;
  if (slotFormat !== undefined && slotFormat !== "time" && slotFormat !== "range") {
    throw invalidQueryField("slotFormat", "slotFormat must be either 'range' or 'time'");
  }
  const duration = query.duration === undefined ? undefined : queryInteger(query.duration);
  if (duration === null) throw invalidQueryField("duration", "Duration must be a positive number");
  const eventTypeId = query.eventTypeId === undefined ? undefined : queryInteger(query.eventTypeId);
  if (eventTypeId === null) throw invalidQueryField("eventTypeId", "eventTypeId must be a number conforming to the specified constraints");
  const window = resolveSlotsWindow(query.startTime, query.endTime, { now, names: { start: "startTime", end: "endTime" }, endOfDayForMidnightEnd: false });
  return publicSlotsAnswer(deps, {
    lookup: legacyLookup(query, eventTypeId),
    window,
    now,
    excludeBookingUid: query.rescheduleUid || undefined,
    // The booker's own hold (Cal.com's bookerClientUid) stays visible to it.
    excludeReservationUid: input.ownHoldUid || undefined,
    duration,
    cacheKey: input.cacheKey,
    // Cal.com's legacy answer carries `away` slots of an out-of-office host (the Booker's redirect).
    includeAway: true,
    render: (slots, eventType) =>
      success({
        slots: legacySlotsOutput(slots, slotFormat, {
          timeZone: query.timeZone,
          onlyFirstPerDate: eventType.onlyShowFirstAvailableSlot,
          seatsTotal: eventType.rules.seatsPerTimeSlot,
        }),
      }),
  });
}

/**
 * The 2024-09-04 slots of one event type, as a value (not cached): what routing forms answer with the event
 * type a response was routed to (src/routing-forms/service.ts), for the routed team members only when given.
 */
export async function slotsOfEventType(
  deps: Deps,
  query: {
    eventTypeId: number;
    start: string;
    end: string;
    timeZone?: string;
    duration?: number;
    format?: "time" | "range";
    bookingUidToReschedule?: string;
    routedUserIds?: readonly number[];
  },
) {
  const now = deps.now();
  const window = resolveSlotsWindow(query.start, query.end, { now, names: { start: "start", end: "end" }, endOfDayForMidnightEnd: true });
  const request = { window, now, excludeBookingUid: query.bookingUidToReschedule };
  const loaded = await loadPublicSlotsData(deps.db, deps.sql, { eventTypeId: query.eventTypeId }, request);
  const { busy } = loaded;
  const eventType = narrowToRoutedHosts(loaded.eventType, query.routedUserIds);
  const durationMinutes = checkDuration(eventType, query.duration, "duration");
  await attachCalendarBusyForSlots(deps, eventType, window, query.bookingUidToReschedule);
  const slots = publicSlots(eventType, busy, { window, now, durationMinutes });
  return slotsOutput_2024_09_04(slots, query.format ?? "time", {
    timeZone: query.timeZone,
    onlyFirstPerDate: eventType.onlyShowFirstAvailableSlot,
    seatsTotal: eventType.rules.seatsPerTimeSlot,
  });
}
