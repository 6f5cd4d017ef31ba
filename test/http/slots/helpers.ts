import { VERSION_RECHECK_MS } from "../../../src/availability/answer-cache";
import { api, type LooseBody } from "../../helpers/api";
import { type Availability, createEventType, createSchedule, createTenant, type Tenant, WEEKDAYS_NINE_TO_FIVE, withDb } from "../../helpers/fixtures";

export const DAY = 86_400_000;
export const V = "2024-09-04";

/** A host with a default schedule and one event type, made through the API as a client would. */
export interface Host extends Tenant {
  scheduleId: number;
  eventTypeId: number;
  slug: string;
}

export async function createHost(options: { timeZone?: string; availability?: Availability; eventType?: Record<string, unknown> } = {}): Promise<Host> {
  const timeZone = options.timeZone ?? "America/New_York";
  const tenant = await createTenant({ timeZone });
  const schedule = await createSchedule(tenant, { timeZone, availability: options.availability ?? WEEKDAYS_NINE_TO_FIVE });
  const slug = `chat-${Math.random().toString(36).slice(2, 8)}`;
  const eventType = await createEventType(tenant, { lengthInMinutes: 60, title: "Chat", slug, minimumBookingNotice: 0, ...options.eventType });
  return { ...tenant, scheduleId: schedule.id, eventTypeId: eventType.id, slug };
}

/** UTC offset (minutes) of a zone at an instant, from Intl. */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(epochMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"));
  return Math.round((wall - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}

/** Local wall clock of an instant: { date: 'YYYY-MM-DD', minutes: minutes since local midnight, weekday: 0 = Sunday }. */
export function wallClock(epochMs: number, timeZone: string) {
  const local = new Date(epochMs + offsetMinutes(epochMs, timeZone) * 60_000);
  return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes(), weekday: local.getUTCDay() };
}

/** Midnight UTC of the first day, at least `afterDays` from now, on which the zone's offset changes. */
export function nextOffsetChange(timeZone: string, afterDays = 14): number {
  const today = Math.floor(Date.now() / DAY) * DAY;
  for (let day = today + afterDays * DAY; day < today + 330 * DAY; day += DAY) {
    if (offsetMinutes(day + DAY + 12 * 3_600_000, timeZone) !== offsetMinutes(day + 12 * 3_600_000, timeZone)) return day + DAY;
  }
  throw new Error(`no offset change in ${timeZone} within the next year`);
}

/** The first Monday (midnight UTC) at least `afterDays` ahead. */
export function mondayAhead(afterDays = 21): number {
  const day = new Date(Math.floor((Date.now() + afterDays * DAY) / DAY) * DAY);
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
  return day.getTime();
}

export const isoDate = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/** Every slot start of a 2024-09-04 response, as epoch ms, in order. */
export function slotStarts(data: Record<string, Array<{ start: string }>>): number[] {
  return Object.values(data)
    .flat()
    .map((slot) => Date.parse(slot.start));
}

export function insertBooking(host: Host, start: number, minutes = 60, status: "ACCEPTED" | "PENDING" | "CANCELLED" = "ACCEPTED") {
  return withDb((db) =>
    db.booking.create({
      data: {
        uid: `booking-${crypto.randomUUID()}`,
        userId: host.userId,
        eventTypeId: host.eventTypeId,
        title: "Booked",
        status,
        startTime: new Date(start),
        endTime: new Date(start + minutes * 60_000),
      },
    }),
  );
}

export const getSlots = <T = LooseBody>(query: Record<string, string | number>, options: { version?: string; headers?: Record<string, string> } = {}) =>
  api<T>(`/v2/slots?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, {
    version: options.version ?? V,
    headers: options.headers,
  });

/**
 * Writes made straight to the database (another writer than this isolate) reach cached slot answers within
 * VERSION_RECHECK_MS (src/availability/answer-cache.ts): polls until `read` gives what `check` accepts, and
 * fails when that takes longer than the bound allows.
 */
export async function seenWithinRecheck<T>(read: () => Promise<T>, check: (value: T) => void): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (error) {
      if (Date.now() - started > VERSION_RECHECK_MS + 1_500) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
