import { z } from "@hono/zod-openapi";
import type { ListBookingsFilters } from "../list";
import { SUPPORTED_INTEGRATIONS } from "../../event-types/locations";
import { MetadataSchema } from "../../metadata";
import { TimeZoneSchema } from "../../time-zone";
import { LOCALES } from "../../users/locales";

// Request bodies and parameters of the 2024-08-13 bookings API (pt/bookings/2024-08-13/inputs/*). Like Cal.com's
// custom pipes for create, cancel and reschedule (forbidNonWhitelisted), unknown keys are refused.

// The attendee languages of the contract (CreateBookingAttendee.language): Cal.com's locales.
export const LANGUAGES = LOCALES;

// Cal.com validates phone numbers with class-validator's IsPhoneNumber: international form.
const PhoneNumber = z.string().regex(/^\+[1-9]\d{6,14}$/, "must be a phone number in international format, e.g. +19876543210");

const IsoInstant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-08-13T09:00:00Z" });

export const BookingUidParamSchema = z.object({
  bookingUid: z
    .string()
    .min(1)
    .max(255)
    .openapi({ param: { name: "bookingUid", in: "path" }, example: "2NtaeaVcKfpmSZ4CthFdfk" }),
});

const AttendeeSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(255),
    email: z.email().max(254).optional(),
    timeZone: TimeZoneSchema,
    phoneNumber: PhoneNumber.optional(),
    language: z.enum(LANGUAGES).optional(),
  })
  .refine((attendee) => attendee.email !== undefined || attendee.phoneNumber !== undefined, {
    message: "attendee.email or attendee.phoneNumber must be provided",
    path: ["email"],
  });

const BookingLocationSchema = z.union([
  z.strictObject({ type: z.literal("address") }),
  z.strictObject({ type: z.literal("attendeeAddress"), address: z.string().trim().min(1).max(1000) }),
  z.strictObject({ type: z.literal("attendeeDefined"), location: z.string().trim().min(1).max(1000) }),
  z.strictObject({ type: z.literal("attendeePhone"), phone: PhoneNumber }),
  z.strictObject({ type: z.literal("integration"), integration: z.enum(SUPPORTED_INTEGRATIONS) }),
  z.strictObject({ type: z.literal("link") }),
  z.strictObject({ type: z.literal("phone") }),
  z.strictObject({ type: z.literal("organizersDefaultApp") }),
  z.string().trim().min(1).max(1000),
]);

export const CreateBookingBodySchema = z
  .strictObject({
    start: IsoInstant.openapi({ description: "Start in ISO 8601, UTC", example: "2026-08-13T09:00:00Z" }),
    attendee: AttendeeSchema,
    bookingFieldsResponses: z.record(z.string(), z.unknown()).optional(),
    eventTypeId: z.number().int().positive().optional(),
    eventTypeSlug: z.string().min(1).max(255).optional(),
    username: z.string().min(1).max(255).optional(),
    teamSlug: z.string().min(1).max(255).optional(),
    organizationSlug: z.string().min(1).max(255).optional(),
    guests: z.array(z.email().max(254)).max(100).optional(),
    meetingUrl: z.string().trim().min(1).max(2048).optional().openapi({ deprecated: true }),
    location: BookingLocationSchema.optional(),
    metadata: MetadataSchema.optional(),
    lengthInMinutes: z.number().int().positive().optional(),
    routing: z
      .object({
        teamMemberIds: z.array(z.number().int()),
        responseId: z.number().int().nullable().optional(),
        queuedResponseId: z.string().nullable().optional(),
        teamMemberEmail: z.string().optional(),
        skipContactOwner: z.boolean().optional(),
        crmAppSlug: z.string().optional(),
        crmOwnerRecordType: z.string().optional(),
      })
      .optional(),
    emailVerificationCode: z.string().max(64).optional(),
    instant: z.boolean().optional(),
    recurrenceCount: z.number().int().min(1).max(730).optional(),
    reservedSlotUid: z.string().min(1).max(255).optional().openapi({
      description: "The uid of the booker's own slot reservation (POST /v2/slots/reservations); it then does not block this booking and is released.",
    }),
  })
  .superRefine((body, ctx) => {
    const named = body.eventTypeId !== undefined || (body.eventTypeSlug !== undefined && (body.username !== undefined || body.teamSlug !== undefined));
    if (!named) {
      ctx.addIssue({
        code: "custom",
        path: ["eventTypeId"],
        message: "provide eventTypeId, or eventTypeSlug with username or teamSlug (and optionally organizationSlug)",
      });
    }
  })
  .openapi("CreateBookingInput_2024_08_13");

export type CreateBookingBody = z.infer<typeof CreateBookingBodySchema>;

export const CancelBookingBodySchema = z
  .strictObject({
    cancellationReason: z.string().max(1000).optional(),
    cancelSubsequentBookings: z.boolean().optional(),
    seatUid: z.string().min(1).max(255).optional(),
  })
  .refine((body) => !(body.seatUid && body.cancelSubsequentBookings), {
    message: "cancelSubsequentBookings can't be combined with seatUid",
    path: ["cancelSubsequentBookings"],
  })
  .openapi("CancelBookingInput_2024_08_13");

export const RescheduleBookingBodySchema = z
  .strictObject({
    start: IsoInstant.openapi({ description: "New start in ISO 8601, UTC", example: "2026-08-13T10:00:00Z" }),
    rescheduledBy: z.email().max(254).optional(),
    reschedulingReason: z.string().max(1000).optional(),
    seatUid: z.string().min(1).max(255).optional(),
    emailVerificationCode: z.string().max(64).optional(),
  })
  .openapi("RescheduleBookingInput_2024_08_13");

export const DeclineBookingBodySchema = z.object({ reason: z.string().max(1000).optional() }).openapi("DeclineBookingInput_2024_08_13");

export const MarkAbsentBodySchema = z
  .object({
    host: z.boolean().optional(),
    attendees: z
      .array(z.object({ email: z.email(), absent: z.boolean() }))
      .max(100)
      .optional(),
  })
  .openapi("MarkAbsentBookingInput_2024_08_13");

export const ReassignToUserBodySchema = z.object({ reason: z.string().max(1000).optional() }).openapi("ReassignToUserBookingInput_2024_08_13");

export const AddGuestsBodySchema = z
  .object({
    guests: z
      .array(
        z.object({
          email: z.email().max(254),
          name: z.string().max(255).optional(),
          timeZone: TimeZoneSchema.optional(),
          phoneNumber: PhoneNumber.optional(),
          language: z.enum(LANGUAGES).optional(),
        }),
      )
      .min(1)
      .max(100),
  })
  .openapi("AddGuestsInput_2024_08_13");

export const UpdateLocationBodySchema = z
  .object({
    location: z
      .union([
        z.strictObject({ type: z.literal("address"), address: z.string().trim().min(1).max(1000) }),
        z.strictObject({ type: z.literal("attendeeAddress"), address: z.string().trim().min(1).max(1000) }),
        z.strictObject({ type: z.literal("attendeeDefined"), location: z.string().trim().min(1).max(1000) }),
        z.strictObject({ type: z.literal("attendeePhone"), phone: PhoneNumber }),
        z.strictObject({ type: z.literal("link"), link: z.url({ protocol: /^https?$/ }).max(2048) }),
        z.strictObject({ type: z.literal("phone"), phone: PhoneNumber }),
      ])
      .optional(),
  })
  .openapi("UpdateBookingLocationInput_2024_08_13");

const LIST_STATUSES = ["upcoming", "recurring", "past", "cancelled", "unconfirmed"] as const;

const splitComma = (value: string) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
const commaStatuses = z
  .string()
  .transform(splitComma)
  .pipe(z.array(z.enum(LIST_STATUSES)));
export const commaIds = z
  .string()
  .transform(splitComma)
  .pipe(
    z.array(
      z
        .string()
        .regex(/^[1-9]\d{0,9}$/, "must be comma-separated positive integers")
        .transform(Number),
    ),
  );

const IsoDateTime = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).or(z.iso.date());
const Sort = z.enum(["asc", "desc"]).optional();
const PositiveInt = z.coerce.number().int().positive();

export const ListBookingsQuerySchema = z.object({
  status: commaStatuses.optional().openapi({ example: "upcoming,past", description: "Comma-separated: upcoming, recurring, past, cancelled, unconfirmed" }),
  // Cal.com turns spaces back into '+' (a '+' in a query string decodes to a space).
  attendeeEmail: z
    .string()
    .max(254)
    .transform((value) => value.replace(/ /g, "+"))
    .optional(),
  attendeeName: z.string().max(255).optional(),
  bookingUid: z.string().max(255).optional(),
  eventTypeIds: commaIds.optional().openapi({ example: "100,200" }),
  eventTypeId: PositiveInt.optional(),
  teamsIds: commaIds.optional(),
  teamId: PositiveInt.optional(),
  afterStart: IsoDateTime.optional(),
  beforeEnd: IsoDateTime.optional(),
  afterCreatedAt: IsoDateTime.optional(),
  beforeCreatedAt: IsoDateTime.optional(),
  afterUpdatedAt: IsoDateTime.optional(),
  beforeUpdatedAt: IsoDateTime.optional(),
  sortStart: Sort,
  sortEnd: Sort,
  sortCreated: Sort,
  sortUpdatedAt: Sort,
  take: z.coerce.number().int().min(1).max(250).default(100),
  skip: z.coerce.number().int().min(0).default(0),
});

export type ListBookingsQuery = z.infer<typeof ListBookingsQuerySchema>;

export const ReferencesQuerySchema = z.object({
  type: z.enum(["google_calendar", "office365_calendar", "daily_video", "google_video", "office365_video", "zoom_video"]).optional(),
});

const dateOf = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

/** The list filters a validated GET /v2/bookings query asks for (single ids are lists of one). */
export function listFiltersOf(q: ListBookingsQuery): ListBookingsFilters {
  return {
    status: q.status,
    attendeeEmail: q.attendeeEmail,
    attendeeName: q.attendeeName,
    bookingUid: q.bookingUid,
    eventTypeIds: q.eventTypeIds ?? (q.eventTypeId !== undefined ? [q.eventTypeId] : undefined),
    teamIds: q.teamsIds ?? (q.teamId !== undefined ? [q.teamId] : undefined),
    afterStart: dateOf(q.afterStart),
    beforeEnd: dateOf(q.beforeEnd),
    afterCreatedAt: dateOf(q.afterCreatedAt),
    beforeCreatedAt: dateOf(q.beforeCreatedAt),
    afterUpdatedAt: dateOf(q.afterUpdatedAt),
    beforeUpdatedAt: dateOf(q.beforeUpdatedAt),
    sort: { start: q.sortStart, end: q.sortEnd, created: q.sortCreated, updated: q.sortUpdatedAt },
    take: q.take,
    skip: q.skip,
  };
}

export const REASSIGN_NOTE =
  "Reassignment applies to round-robin team bookings: the booking's round-robin host is replaced by another free " +
  "round-robin host of its event type (auto-selected as at booking time, or the given user: 400 when not a " +
  "round-robin host, 409 when busy). The caller is the booking's organizer or an admin of its team.";

// The organization views of the list (v2/modules/organizations/*/bookings/inputs).

/** GET /v2/organizations/{orgId}/teams/{teamId}/bookings: the team is the path's; the contract's filters only. */
export const OrganizationTeamBookingsQuerySchema = ListBookingsQuerySchema.pick({
  status: true,
  attendeeEmail: true,
  attendeeName: true,
  bookingUid: true,
  eventTypeIds: true,
  eventTypeId: true,
  afterStart: true,
  beforeEnd: true,
  sortStart: true,
  sortEnd: true,
  sortCreated: true,
  take: true,
  skip: true,
});

const MAX_USER_ID = 2147483647;

/** GET /v2/organizations/{orgId}/bookings: every filter of GET /v2/bookings plus `userIds` (members of the org). */
export const OrganizationBookingsQuerySchema = ListBookingsQuerySchema.extend({
  userIds: commaIds
    .refine((ids) => ids.every((id) => id <= MAX_USER_ID), "must be comma-separated user ids")
    .optional()
    .openapi({ example: "100,200", description: "Only the bookings of these users of the organization (comma-separated ids)." }),
});
