import { expect } from "vitest";
import { api, type ApiCall, type ApiResult } from "./api";
import { createTenant, testDb, type Tenant } from "./tenants";

export const V = "2024-08-13";

let counter = 0;
export const uniqueSlug = (prefix = "meet") => `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Midnight UTC of a Monday `weeksAhead` weeks from now (far enough that minimum notice never interferes). */
export function futureMonday(weeksAhead = 3): number {
  const d = new Date(Date.now() + weeksAhead * 7 * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d.getTime();
}

/** An instant `dayOffset` days after `base`, at hh:mm UTC. */
export const at = (base: number, dayOffset: number, hours: number, minutes = 0) =>
  new Date(base + dayOffset * 86_400_000 + (hours * 60 + minutes) * 60_000).toISOString();

export interface Host extends Tenant {
  scheduleId: number;
}

/** A user with an API key and a default UTC schedule, Monday to Friday 09:00-17:00 unless told otherwise. */
export async function createHost(
  availability = [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime: "09:00", endTime: "17:00" }],
): Promise<Host> {
  const tenant = await createTenant({ timeZone: "UTC" });
  const schedule = await api("/v2/schedules", {
    method: "POST",
    key: tenant.apiKey,
    version: "2024-06-11",
    body: { name: "Work", timeZone: "UTC", isDefault: true, availability },
  });
  expect(schedule.status, schedule.text).toBe(201);
  return { ...tenant, scheduleId: schedule.body.data.id };
}

/** Creates an event type through the API (2024-06-14) and returns its id. */
export async function createEventType(host: Tenant, body: Record<string, unknown> = {}): Promise<{ id: number; slug: string }> {
  const slug = uniqueSlug();
  const res = await api("/v2/event-types", {
    method: "POST",
    key: host.apiKey,
    version: "2024-06-14",
    body: { lengthInMinutes: 30, title: "Intro call", slug, minimumBookingNotice: 0, ...body },
  });
  expect(res.status, res.text).toBe(201);
  return { id: res.body.data.id, slug: res.body.data.slug };
}

export const attendee = (name = "Ann Booker", extra: Record<string, unknown> = {}) => ({
  name,
  email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${uniqueSlug("a")}@example.com`,
  timeZone: "Europe/Paris",
  ...extra,
});

/** POST /v2/bookings with the 2024-08-13 header. */
export const book = (body: Record<string, unknown>, call: Omit<ApiCall, "body" | "version" | "method"> = {}): Promise<ApiResult> =>
  api("/v2/bookings", { ...call, method: "POST", version: V, body });

/** A call on /v2/bookings/{uid}/… with the 2024-08-13 header. */
export const onBooking = (uid: string, suffix: string, call: ApiCall = {}): Promise<ApiResult> => api(`/v2/bookings/${uid}${suffix}`, { version: V, ...call });

/** Rows straight from the database, for checks the API does not expose. */
export async function sql<T = Record<string, unknown>>(query: TemplateStringsArray, ...values: unknown[]): Promise<T[]> {
  const db = testDb();
  try {
    return (await db.$queryRaw(query, ...values)) as T[];
  } finally {
    await db.$disconnect();
  }
}
