import { api, type ApiCall, type ApiResult, type LooseBody } from "./api";
import { type Availability, createEventType, createSchedule, createTenant, type KeyHolder, unique, WEEKDAYS_NINE_TO_FIVE, type Tenant } from "./fixtures";

export const V = "2024-08-13";

export const uniqueSlug = (prefix = "meet") => unique(prefix);

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
export async function createHost(availability: Availability = WEEKDAYS_NINE_TO_FIVE): Promise<Host> {
  const tenant = await createTenant({ timeZone: "UTC" });
  const schedule = await createSchedule(tenant, { availability });
  return { ...tenant, scheduleId: schedule.id };
}

/** An event type bookable right away (no minimum notice), made through the API (2024-06-14). */
export async function createBookableEventType(host: KeyHolder, body: Record<string, unknown> = {}): Promise<{ id: number; slug: string }> {
  const { id, slug } = await createEventType(host, { minimumBookingNotice: 0, ...body });
  return { id, slug };
}

export const attendee = (name = "Ann Booker", extra: Record<string, unknown> = {}) => ({
  name,
  email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${uniqueSlug("a")}@example.com`,
  timeZone: "Europe/Paris",
  ...extra,
});

/** POST /v2/bookings with the 2024-08-13 header. */
export const book = <T = LooseBody>(body: Record<string, unknown>, call: Omit<ApiCall, "body" | "version" | "method"> = {}): Promise<ApiResult<T>> =>
  api<T>("/v2/bookings", { ...call, method: "POST", version: V, body });

/** A call on /v2/bookings/{uid}/… with the 2024-08-13 header. */
export const onBooking = <T = LooseBody>(uid: string, suffix: string, call: ApiCall = {}): Promise<ApiResult<T>> =>
  api<T>(`/v2/bookings/${uid}${suffix}`, { version: V, ...call });
