import { z } from "zod";
import { api, type ApiResult, type LooseBody } from "../../helpers/api";
import { uniqueSlug } from "../../helpers/bookings";

/** The web app's booking form body, as the atoms Booker sends it. */
export function legacyBody(eventTypeId: number, start: string, extra: Record<string, unknown> = {}) {
  return {
    start,
    eventTypeId,
    timeZone: "Europe/London",
    language: "en",
    metadata: {},
    responses: { name: "Bea Booker", email: `bea-${uniqueSlug("b")}@example.com`, guests: [], location: { value: "integrations:daily", optionValue: "" } },
    hasHashedBookingLink: false,
    ...extra,
  };
}

/** POST /v2/bookings as the atoms send it: anonymous, no version header unless given. */
export const legacyBook = <T = LooseBody>(body: unknown, version?: string): Promise<ApiResult<T>> => api<T>("/v2/bookings", { method: "POST", body, version });

const iso = z.string().datetime({ offset: true });

// Cal.com's core booking (handleNewBooking's answer: a Prisma Booking row with user, attendees, references, payment extras).
export const CoreBookingSchema = z.object({
  id: z.number().int(),
  uid: z.string().min(1),
  idempotencyKey: z.string().nullable(),
  userId: z.number().int().nullable(),
  userPrimaryEmail: z.string().nullable(),
  eventTypeId: z.number().int().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  customInputs: z.unknown(),
  responses: z.record(z.string(), z.unknown()),
  startTime: iso,
  endTime: iso,
  location: z.string().nullable(),
  createdAt: iso,
  updatedAt: iso.nullable(),
  status: z.enum(["ACCEPTED", "PENDING", "CANCELLED", "REJECTED", "AWAITING_HOST"]),
  paid: z.boolean(),
  destinationCalendarId: z.number().nullable(),
  cancellationReason: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  dynamicEventSlugRef: z.string().nullable(),
  dynamicGroupSlugRef: z.string().nullable(),
  rescheduled: z.boolean().nullable(),
  fromReschedule: z.string().nullable(),
  recurringEventId: z.string().nullable(),
  smsReminderNumber: z.string().nullable(),
  scheduledJobs: z.array(z.string()),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  isRecorded: z.boolean(),
  iCalUID: z.string().nullable(),
  iCalSequence: z.number().int(),
  noShowHost: z.boolean().nullable(),
  cancelledBy: z.string().nullable(),
  rescheduledBy: z.string().nullable(),
  user: z.object({ id: z.number().int(), name: z.string().nullable(), username: z.string().nullable(), email: z.null(), timeZone: z.string() }).nullable(),
  attendees: z.array(
    z.object({ id: z.number().int(), email: z.string(), name: z.string(), timeZone: z.string(), locale: z.string().nullable(), bookingId: z.number().int() }),
  ),
  references: z.array(z.unknown()),
});

export const NewBookingResponseSchema = CoreBookingSchema.extend({
  paymentRequired: z.boolean(),
  luckyUsers: z.array(z.number()),
  isDryRun: z.boolean(),
});
