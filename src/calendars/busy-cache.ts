// Busy time of connected calendars, kept for availability (src/calendars/availability.ts).
//
// One entry per connection of a host (a credential and the host's selected calendars on it: one provider call
// reads them together, so a CalDAV account is discovered once) and per window of whole UTC days, keyed by the
// host's `calendarsVersion` (moved by database triggers on every change to the host's selected calendars and
// calendar credentials, and by invalidateCalendarBusy after the API writes to a host's calendar), so an added
// or removed calendar is never answered from an old entry, in any isolate.
//
// Freshness rule, on the age of the provider's answer (not of the copy):
// - younger than CALENDAR_BUSY_FRESH_MS (10 s): used as it is;
// - between 10 s and CALENDAR_BUSY_MAX_AGE_MS (60 s): used, and ONE refresh per isolate and entry is started
//   after the response (deps.afterResponse, the request's waitUntil), so a widget's next lookup sees new data;
// - older than 60 s: never used; the lookup waits for the provider.
// So a slot lookup never shows a calendar older than 60 s, and under steady traffic about 10 s + one provider
// call. Copies live in the isolate's memory (no Redis round trip for a repeat) and in Redis for 60 s (shared by
// every isolate: one provider call per entry, not one per isolate). A failed read is remembered in memory for
// CALENDAR_FAILURE_MS (5 s), so a provider that is down is not asked again by every lookup. Bookings never use
// this cache: they read the provider live (src/calendars/availability.ts).
import type { Deps } from "../services";

export const CALENDAR_BUSY_FRESH_MS = 10_000;
export const CALENDAR_BUSY_MAX_AGE_MS = 60_000;
export const CALENDAR_FAILURE_MS = 5_000;
const MAX_MEMORY_ENTRIES = 5_000;

/** A provider's answer for one connection and window: busy intervals as [start, end] epoch ms. */
export interface CalendarBusyEntry {
  fetchedAt: number;
  busy: [number, number][];
}

class CalendarBusyMemory {
  private readonly entries = new Map<string, CalendarBusyEntry>();
  private readonly failedUntil = new Map<string, number>();
  private readonly refreshing = new Set<string>();

  get(key: string): CalendarBusyEntry | undefined {
    return this.entries.get(key);
  }

  /** Keeps the newer of the two answers (a slow refresh must not replace a later live read). */
  set(key: string, entry: CalendarBusyEntry) {
    const known = this.entries.get(key);
    if (known && known.fetchedAt >= entry.fetchedAt) return;
    this.entries.delete(key);
    while (this.entries.size >= MAX_MEMORY_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    this.failedUntil.delete(key);
  }

  failed(key: string, now: number): boolean {
    const until = this.failedUntil.get(key);
    if (until === undefined) return false;
    if (until > now) return true;
    this.failedUntil.delete(key);
    return false;
  }

  noteFailure(key: string, now: number) {
    if (this.failedUntil.size >= MAX_MEMORY_ENTRIES) this.failedUntil.clear();
    this.failedUntil.set(key, now + CALENDAR_FAILURE_MS);
  }

  /** Claims the refresh of `key` for this isolate; false when one is already running. */
  claimRefresh(key: string): boolean {
    if (this.refreshing.has(key)) return false;
    this.refreshing.add(key);
    return true;
  }

  releaseRefresh(key: string) {
    this.refreshing.delete(key);
  }

  clear() {
    this.entries.clear();
    this.failedUntil.clear();
  }
}

/** The isolate's copies. */
export const calendarBusyMemory = new CalendarBusyMemory();

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let hex = "";
  for (const byte of digest.subarray(0, 12)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/**
 * The key of one connection's entry. The externalIds (ICS feed URLs are secrets) appear only hashed, in memory
 * and in Redis.
 */
export async function calendarBusyKey(params: {
  userId: number;
  calendarsVersion: string;
  credentialId: number;
  externalIds: readonly string[];
  from: number;
  to: number;
}): Promise<string> {
  const calendars = await sha256Hex(params.externalIds.join("\n"));
  return `calbusy:${params.userId}:${params.calendarsVersion}:${params.credentialId}:${calendars}:${params.from}:${params.to}`;
}

/**
 * Entries of these keys: a fresh copy from memory, else the newer of the memory's and Redis' (one MGET for all
 * of those: another isolate may have refreshed it); missing ones are undefined.
 */
export async function readCalendarBusy(deps: Deps, keys: readonly string[], now: number): Promise<(CalendarBusyEntry | undefined)[]> {
  const local = keys.map((key) => calendarBusyMemory.get(key));
  const fresh = (entry: CalendarBusyEntry | undefined) => entry !== undefined && now - entry.fetchedAt < CALENDAR_BUSY_FRESH_MS;
  const ask = keys.filter((_, i) => !fresh(local[i]));
  if (ask.length === 0 || !deps.redis) return local;
  let shared: (CalendarBusyEntry | null)[] = [];
  try {
    shared = await deps.redis.mget<(CalendarBusyEntry | null)[]>(...ask);
  } catch {
    return local; // Redis down: the memory's copies, else the provider
  }
  let next = 0;
  return local.map((entry, i) => {
    if (fresh(entry)) return entry;
    const fromRedis = shared[next++] ?? undefined;
    if (!fromRedis || !Array.isArray(fromRedis.busy) || typeof fromRedis.fetchedAt !== "number") return entry;
    if (entry && entry.fetchedAt >= fromRedis.fetchedAt) return entry;
    calendarBusyMemory.set(keys[i]!, fromRedis);
    return fromRedis;
  });
}

/** Keeps a provider's answer in memory and (after the response) in Redis for the longest it may be used. */
export function storeCalendarBusy(deps: Deps, key: string, entry: CalendarBusyEntry) {
  calendarBusyMemory.set(key, entry);
  const redis = deps.redis;
  if (!redis) return;
  const ttlSeconds = Math.ceil((entry.fetchedAt + CALENDAR_BUSY_MAX_AGE_MS - deps.now()) / 1000);
  if (ttlSeconds <= 0) return;
  deps.afterResponse(redis.set(key, entry, { ex: ttlSeconds }).catch(() => undefined));
}
