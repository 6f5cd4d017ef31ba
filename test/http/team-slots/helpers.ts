import { type Availability, createSchedule, createTenant, type Tenant, WEEKDAYS_NINE_TO_FIVE, withDb } from "../../helpers/fixtures";

// Team members for slot tests: a user with a default schedule (through the API), in its own zone.

export interface TeamMember extends Tenant {
  scheduleId: number;
}

export async function createMember(options: { timeZone?: string; availability?: Availability; overrides?: unknown[] } = {}): Promise<TeamMember> {
  const timeZone = options.timeZone ?? "UTC";
  const tenant = await createTenant({ timeZone });
  const schedule = await createSchedule(tenant, {
    timeZone,
    availability: options.availability ?? WEEKDAYS_NINE_TO_FIVE,
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  return { ...tenant, scheduleId: schedule.id };
}

/** `hours` UTC (e.g. "13:00"-"17:00") on weekdays, as an Availability. */
export const weekdays = (startTime: string, endTime: string): Availability => [
  { days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime, endTime },
];

/** An accepted booking held by `userId` (its organizer; the BookingHost trigger makes it the host's busy time). */
export function insertHostBooking(userId: number, start: number, minutes: number, eventTypeId: number | null = null) {
  return withDb((db) =>
    db.booking.create({
      data: {
        uid: `booking-${crypto.randomUUID()}`,
        userId,
        eventTypeId,
        title: "Booked",
        status: "ACCEPTED",
        startTime: new Date(start),
        endTime: new Date(start + minutes * 60_000),
      },
      select: { id: true, uid: true },
    }),
  );
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** Every start of a 2024-09-04 answer's slots, as "HH:MM" UTC, in order. */
export const utcTimes = (data: Record<string, Array<{ start: string }>>): string[] =>
  Object.values(data)
    .flat()
    .map((slot) => new Date(slot.start).toISOString().slice(11, 16));

/** The half-hour starts from `from` (inclusive) to `to` (exclusive), "HH:MM". */
export function halfHours(from: string, to: string): string[] {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const out: string[] = [];
  for (let m = minutes(from); m < minutes(to); m += 30) out.push(`${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
  return out;
}
