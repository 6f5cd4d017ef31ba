// Connected calendars in availability: the busy time of each host's selected calendars joins their bookings in
// GET /v2/slots (every version, personal and team event types) and in the booking check at create/reschedule.
//
// - Which hosts have calendars comes from the statement that loads the hosts (src/event-types/slots-loader.ts:
//   `calendars`, `calendarsVersion`), so a host without one costs nothing and nothing is fetched for it.
// - Slot lookups read through the cache of src/calendars/busy-cache.ts (freshness rule there: ≤ 60 s, ~10 s
//   under traffic, stale entries refreshed after the response).
// - Bookings read every host's calendars LIVE from the provider, before taking the hosts' locks (a provider call
//   must not hold a lock), so an external event created a minute ago is caught: the slot is then unavailable
//   and the booking answers Cal.com's 409.
// - Fail closed: a host whose calendar cannot be read offers no slot; a booking that needs that host is refused
//   with a 409 saying so. Failures are logged with the host, credential id, type and error kind, never a key,
//   URL or message from the provider.
import { conflict } from "../errors";
import type { EventTypeForSlots, EventTypeHost } from "../event-types/slots-loader";
import type { Deps } from "../services";
import type { StoredCredential } from "../credentials/store";
import { slotAnswers } from "../availability/answer-cache";
import {
  CALENDAR_BUSY_FRESH_MS,
  CALENDAR_BUSY_MAX_AGE_MS,
  CALENDAR_FAILURE_MS,
  type CalendarBusyEntry,
  calendarBusyKey,
  calendarBusyMemory,
  readCalendarBusy,
  storeCalendarBusy,
} from "./busy-cache";
import { CalendarProviderError } from "./provider";
import { calendarProviderFor, hasCalendarProvider } from "./providers";

const DAY_MS = 86_400_000;
/** How long a slot answer computed from a stale (refreshing) calendar entry may be served from memory. */
const STALE_ANSWER_MS = 1_000;

interface Connection {
  host: EventTypeHost;
  credentialId: number;
  externalIds: string[];
  key: string;
}

interface Interval {
  start: number;
  end: number;
}

/** Whether any host has a selected calendar a provider here can read. */
export const hostsHaveCalendars = (hosts: readonly EventTypeHost[]): boolean =>
  hosts.some((host) => host.calendars?.some((calendar) => hasCalendarProvider(calendar.type)));

// Whole UTC days around the window, a day more on each side (buffers, a slot running past the window's end):
// lookups of the same days share entries.
const fetchWindow = (start: number, end: number) => ({ from: Math.floor(start / DAY_MS) * DAY_MS - DAY_MS, to: Math.ceil(end / DAY_MS) * DAY_MS + DAY_MS });

async function connectionsOf(hosts: readonly EventTypeHost[], from: number, to: number): Promise<Connection[]> {
  const connections: Connection[] = [];
  for (const host of hosts) {
    const byCredential = new Map<number, Set<string>>();
    for (const calendar of host.calendars ?? []) {
      if (!hasCalendarProvider(calendar.type)) continue;
      const ids = byCredential.get(calendar.credentialId) ?? new Set<string>();
      ids.add(calendar.externalId);
      byCredential.set(calendar.credentialId, ids);
    }
    for (const [credentialId, ids] of byCredential) {
      const externalIds = [...ids].sort();
      const key = await calendarBusyKey({ userId: host.userId, calendarsVersion: host.calendarsVersion ?? "0", credentialId, externalIds, from, to });
      connections.push({ host, credentialId, externalIds, key });
    }
  }
  return connections;
}

// A provider call (a CalDAV account makes several requests, each bounded at 15 s) may not hold a lookup or a
// booking longer than this: past it, the host counts as unavailable.
const PROVIDER_CALL_LIMIT_MS = 10_000;

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CalendarProviderError("calendar provider timed out", "unavailable")), PROVIDER_CALL_LIMIT_MS);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function logFailure(deps: Deps, connection: Connection, error: unknown) {
  deps.logger.warn("calendar busy time unavailable: the host is treated as busy", {
    hostUserId: connection.host.userId,
    credentialId: connection.credentialId,
    kind: error instanceof CalendarProviderError ? error.kind : "unavailable",
    error: error instanceof Error ? error.name : typeof error,
  });
}

/**
 * Asks the providers for these connections' busy time over [from, to) (one call per connection, in parallel).
 * Credentials are read over Neon's HTTP function, which needs no connection: this also runs after the response.
 */
async function fetchConnections(deps: Deps, connections: readonly Connection[], from: number, to: number): Promise<Map<string, CalendarBusyEntry | null>> {
  const results = new Map<string, CalendarBusyEntry | null>();
  if (connections.length === 0) return results;
  const ids = [...new Set(connections.map((connection) => connection.credentialId))];
  let credentials: StoredCredential[];
  try {
    credentials = (await deps.sql.query(`SELECT * FROM "Credential" WHERE "id" = ANY($1::int[]) AND "invalid" IS NOT TRUE`, [ids])) as StoredCredential[];
  } catch (error) {
    for (const connection of connections) {
      logFailure(deps, connection, error);
      results.set(connection.key, null);
    }
    return results;
  }
  const byId = new Map(credentials.map((credential) => [credential.id, credential]));
  await Promise.all(
    connections.map(async (connection) => {
      const credential = byId.get(connection.credentialId);
      const fetchedAt = deps.now();
      // Removed or marked invalid since the hosts were read: it blocks nothing (Cal.com skips invalid credentials).
      if (!credential) {
        results.set(connection.key, { fetchedAt, busy: [] });
        return;
      }
      try {
        const busy = await withinTimeout(calendarProviderFor(deps, credential).getBusy(connection.externalIds, new Date(from), new Date(to)));
        const entry: CalendarBusyEntry = { fetchedAt, busy: busy.map((interval) => [interval.start.getTime(), interval.end.getTime()]) };
        storeCalendarBusy(deps, connection.key, entry);
        results.set(connection.key, entry);
      } catch (error) {
        logFailure(deps, connection, error);
        calendarBusyMemory.noteFailure(connection.key, deps.now());
        results.set(connection.key, null);
      }
    }),
  );
  return results;
}

/** Intervals equal to one of `ignore` (the booking being moved: its own calendar event) are dropped. */
const withoutIgnored = (busy: readonly Interval[], ignore: readonly Interval[]) =>
  ignore.length === 0 ? busy : busy.filter((interval) => !ignore.some((skip) => skip.start === interval.start && skip.end === interval.end));

/**
 * Sets `calendarBusy` (or `calendarUnavailable`) on every host with selected calendars, for the engine
 * (src/availability/service.ts slotsFromBusyContext). `live` asks every provider now (bookings); otherwise the
 * cache answers under its freshness rule. Returns until when a slot answer computed from this may be served
 * (null: no calendar involved).
 */
export async function attachCalendarBusy(
  deps: Deps,
  hosts: readonly EventTypeHost[],
  range: { start: number; end: number },
  options: { live: boolean; ignore?: readonly Interval[] },
): Promise<{ validUntil: number | null }> {
  if (!hostsHaveCalendars(hosts)) return { validUntil: null };
  const { from, to } = fetchWindow(range.start, range.end);
  const connections = await connectionsOf(hosts, from, to);
  const now = deps.now();
  const cached = options.live
    ? connections.map(() => undefined)
    : await readCalendarBusy(
        deps,
        connections.map((connection) => connection.key),
        now,
      );

  const entries = new Map<string, CalendarBusyEntry | null>();
  const toFetch: Connection[] = [];
  const toRefresh: Connection[] = [];
  connections.forEach((connection, i) => {
    const entry = cached[i];
    const age = entry ? now - entry.fetchedAt : Infinity;
    if (entry && age < CALENDAR_BUSY_MAX_AGE_MS) {
      entries.set(connection.key, entry);
      if (age >= CALENDAR_BUSY_FRESH_MS) toRefresh.push(connection);
    } else if (!options.live && calendarBusyMemory.failed(connection.key, now)) {
      entries.set(connection.key, null);
    } else {
      toFetch.push(connection);
    }
  });
  for (const [key, entry] of await fetchConnections(deps, toFetch, from, to)) entries.set(key, entry);

  // Stale but usable: refreshed after the response, once per isolate and entry.
  const refresh = toRefresh.filter((connection) => calendarBusyMemory.claimRefresh(connection.key));
  if (refresh.length > 0) {
    deps.afterResponse(
      fetchConnections(deps, refresh, from, to)
        .catch(() => undefined)
        .finally(() => {
          for (const connection of refresh) calendarBusyMemory.releaseRefresh(connection.key);
        }),
    );
  }

  let validUntil = Infinity;
  const ignore = options.ignore ?? [];
  for (const host of hosts) {
    const own = connections.filter((connection) => connection.host === host);
    if (own.length === 0) continue;
    const busy: Interval[] = [];
    let unavailable = false;
    for (const connection of own) {
      const entry = entries.get(connection.key);
      if (!entry) {
        unavailable = true;
        validUntil = Math.min(validUntil, now + CALENDAR_FAILURE_MS);
        continue;
      }
      // A fresh entry's answers live until it goes stale; a stale one's (its refresh under way) for a second more, so
      // repeats are still answered from memory and pick up the refreshed entry right after it lands.
      const age = now - entry.fetchedAt;
      validUntil = Math.min(
        validUntil,
        age < CALENDAR_BUSY_FRESH_MS ? entry.fetchedAt + CALENDAR_BUSY_FRESH_MS : Math.min(entry.fetchedAt + CALENDAR_BUSY_MAX_AGE_MS, now + STALE_ANSWER_MS),
      );
      for (const [start, end] of entry.busy) busy.push({ start, end });
    }
    host.calendarBusy = withoutIgnored(busy, ignore);
    host.calendarUnavailable = unavailable;
  }
  return { validUntil: Number.isFinite(validUntil) ? validUntil : null };
}

/** The start and end of the booking a lookup or a booking moves (its own calendar event must not block it). */
async function movingBookingInterval(deps: Deps, uid: string | undefined): Promise<Interval[]> {
  if (!uid) return [];
  const rows = (await deps.sql.query(
    `SELECT extract(epoch FROM "startTime") * 1000 AS start, extract(epoch FROM "endTime") * 1000 AS "end" FROM "Booking" WHERE "uid" = $1`,
    [uid],
  )) as { start: number | string; end: number | string }[];
  return rows.map((row) => ({ start: Number(row.start), end: Number(row.end) }));
}

/**
 * Slot lookups: the hosts' calendar busy time over the window, from the cache. `excludeBookingUid` (a
 * reschedule lookup): that booking's own calendar event does not block.
 */
export async function attachCalendarBusyForSlots(
  deps: Deps,
  eventType: EventTypeForSlots,
  window: { start: number; end: number },
  excludeBookingUid?: string,
): Promise<{ validUntil: number | null }> {
  if (!hostsHaveCalendars(eventType.hosts) || window.end <= window.start) return { validUntil: null };
  return attachCalendarBusy(deps, eventType.hosts, window, { live: false, ignore: await movingBookingInterval(deps, excludeBookingUid) });
}

/** A booking that needs a host whose calendar cannot be read right now (fail closed). */
export const hostCalendarUnavailable = (several: boolean) =>
  conflict(
    several
      ? "One of the hosts' connected calendars could not be checked for conflicts, so this time cannot be booked right now. Please try again later."
      : "The host's connected calendar could not be checked for conflicts, so this time cannot be booked right now. Please try again later.",
  );

/**
 * Bookings (create, reschedule): reads every host's selected calendars LIVE over the booked times and sets it on
 * the hosts, so the check under the hosts' locks (GET /v2/slots' engine) sees it. A host whose calendar cannot
 * be read is unavailable; when the booking needs that host (a personal or collective event type, a fixed
 * round-robin host, or no round-robin host left) the booking is refused with a 409 saying so.
 * `moving`: the booking being rescheduled, whose own calendar event does not block its new time.
 */
export async function requireLiveCalendarBusy(
  deps: Deps,
  eventType: EventTypeForSlots,
  request: { starts: readonly number[]; durationMinutes: number; moving?: { startTime: Date; endTime: Date } },
): Promise<void> {
  if (!hostsHaveCalendars(eventType.hosts) || request.starts.length === 0) return;
  const start = Math.min(...request.starts);
  const end = Math.max(...request.starts) + request.durationMinutes * 60_000;
  const ignore = request.moving ? [{ start: request.moving.startTime.getTime(), end: request.moving.endTime.getTime() }] : [];
  await attachCalendarBusy(deps, eventType.hosts, { start, end }, { live: true, ignore });
  const failed = eventType.hosts.filter((host) => host.calendarUnavailable);
  if (failed.length === 0) return;
  const several = eventType.hosts.length > 1;
  if (eventType.schedulingType !== "ROUND_ROBIN") throw hostCalendarUnavailable(several);
  const rotating = eventType.hosts.filter((host) => !host.isFixed);
  if (failed.some((host) => host.isFixed) || (rotating.length > 0 && rotating.every((host) => host.calendarUnavailable))) {
    throw hostCalendarUnavailable(several);
  }
}

/**
 * After the API writes to (or deletes from) a host's calendar: moves the hosts' calendarsVersion (and slots
 * version), so no isolate serves calendar busy time or a slot answer read before the write.
 */
export async function invalidateCalendarBusy(deps: Deps, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  await deps.sql.query(`SELECT "bump_calendars_version"(u) FROM unnest($1::int[]) AS u`, [[...new Set(userIds)]]);
  slotAnswers.forgetVersions();
}
