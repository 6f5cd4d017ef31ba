import { z } from "@hono/zod-openapi";
import { EventTypeIdParams, stringPathParam } from "../http/common";
import { MetadataSchema } from "../metadata";
import { isCalendarDate } from "../schedules/availability";
import { BookingFieldsInputSchema } from "./booking-fields";
import { MAX_SEATS_PER_TIME_SLOT, MINUTES_IN_A_YEAR, nonNegativeInt, positiveInt } from "./limits";
import { LocationsInputSchema } from "./locations";

// Event types 2024-06-14 request schemas (pt/event-types/event-types_2024_06_14/inputs). Unknown keys are
// dropped, as Cal.com's whitelisting ValidationPipe does. Settings that can be switched off take either their
// settings object or `{disabled: true}`; they are one object schema with a refinement, so a bad setting is
// reported at its own path (e.g. `bookingLimitsCount.day`).

type Ctx = z.RefinementCtx;
const required = (ctx: Ctx, path: string, message = "is required") => ctx.addIssue({ code: "custom", message: `${path} ${message}`, path: [path] });
const isDisabled = (value: { disabled?: boolean }) => value.disabled === true;

const INTERVAL_KEYS = ["day", "week", "month", "year"] as const;
function checkIntervalOrder(limits: Partial<Record<(typeof INTERVAL_KEYS)[number], number>>, what: string, ctx: Ctx) {
  for (let i = 0; i < INTERVAL_KEYS.length; i++) {
    for (let j = i + 1; j < INTERVAL_KEYS.length; j++) {
      const [shorter, longer] = [INTERVAL_KEYS[i]!, INTERVAL_KEYS[j]!];
      const [a, b] = [limits[shorter], limits[longer]];
      if (a !== undefined && b !== undefined && a > b) {
        ctx.addIssue({ code: "custom", message: `The ${what} for ${shorter} cannot exceed the ${what} for ${longer}.`, path: [shorter] });
        return;
      }
    }
  }
}

export const BookingLimitsCountSchema = z
  .object({
    day: positiveInt().optional(),
    week: positiveInt().optional(),
    month: positiveInt().optional(),
    year: positiveInt().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine((limits, ctx) => {
    if (!isDisabled(limits)) checkIntervalOrder(limits, "number of bookings", ctx);
  })
  .openapi("BookingLimitsCount_2024_06_14", { example: { day: 1, week: 2 } });

const durationLimit = positiveInt(MINUTES_IN_A_YEAR).multipleOf(15, "must be a multiple of 15");
export const BookingLimitsDurationSchema = z
  .object({
    day: durationLimit.optional(),
    week: durationLimit.optional(),
    month: durationLimit.optional(),
    year: durationLimit.optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine((limits, ctx) => {
    if (!isDisabled(limits)) checkIntervalOrder(limits, "booked minutes", ctx);
  })
  .openapi("BookingLimitsDuration_2024_06_14", { example: { day: 60, week: 120 } });

export const BookerActiveBookingsLimitSchema = z
  .object({
    maximumActiveBookings: positiveInt(1000).optional(),
    offerReschedule: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (!isDisabled(value) && value.maximumActiveBookings === undefined && value.offerReschedule === undefined) {
      required(ctx, "maximumActiveBookings", "is required unless the limit is disabled");
    }
  })
  .openapi("BookerActiveBookingsLimit_2024_06_14", { example: { maximumActiveBookings: 3, offerReschedule: true } });

export const BookingWindowSchema = z
  .object({
    type: z.enum(["businessDays", "calendarDays", "range"]).optional(),
    value: z.union([nonNegativeInt(36_500), z.array(z.string()).length(2)]).optional(),
    rolling: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine((window, ctx) => {
    if (isDisabled(window)) return;
    if (!window.type) return required(ctx, "type", "must be businessDays, calendarDays or range unless the window is disabled");
    if (window.type === "range") {
      const range = window.value;
      if (!Array.isArray(range) || !range.every(isCalendarDate)) {
        return ctx.addIssue({ code: "custom", message: "value must be two dates [YYYY-MM-DD, YYYY-MM-DD] for a range window", path: ["value"] });
      }
      if (range[0]! > range[1]!) ctx.addIssue({ code: "custom", message: "the range must not end before it starts", path: ["value"] });
    } else if (typeof window.value !== "number") {
      ctx.addIssue({ code: "custom", message: `value must be a number of days for a ${window.type} window`, path: ["value"] });
    }
  })
  .openapi("BookingWindow_2024_06_14", { example: { type: "businessDays", value: 5, rolling: true } });

const LAYOUTS = ["month", "week", "column"] as const;
export const BookerLayoutsSchema = z
  .object({ defaultLayout: z.enum(LAYOUTS), enabledLayouts: z.array(z.enum(LAYOUTS)).min(1).max(3) })
  .refine((layouts) => layouts.enabledLayouts.includes(layouts.defaultLayout), {
    message: "defaultLayout must be one of enabledLayouts",
    path: ["defaultLayout"],
  })
  .openapi("BookerLayouts_2024_06_14");

export const ConfirmationPolicySchema = z
  .object({
    type: z.enum(["always", "time"]).optional(),
    noticeThreshold: z.object({ unit: z.enum(["minutes", "hours"]), count: positiveInt(MINUTES_IN_A_YEAR) }).optional(),
    blockUnconfirmedBookingsInBooker: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine((policy, ctx) => {
    if (isDisabled(policy)) return;
    if (!policy.type) required(ctx, "type", "must be always or time unless the policy is disabled");
    if (policy.type === "time" && !policy.noticeThreshold) required(ctx, "noticeThreshold", "is required when type is time");
    if (policy.blockUnconfirmedBookingsInBooker === undefined) required(ctx, "blockUnconfirmedBookingsInBooker");
  })
  .openapi("ConfirmationPolicy_2024_06_14", { example: { type: "always", blockUnconfirmedBookingsInBooker: true } });

export const RecurrenceSchema = z
  .object({
    interval: positiveInt(1000).optional(),
    occurrences: positiveInt(730).optional(),
    frequency: z.enum(["yearly", "monthly", "weekly"]).optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine((recurrence, ctx) => {
    if (isDisabled(recurrence)) return;
    for (const key of ["interval", "occurrences", "frequency"] as const) if (recurrence[key] === undefined) required(ctx, key);
  })
  .openapi("Recurrence_2024_06_14", { example: { frequency: "weekly", interval: 1, occurrences: 10 } });

export const SeatsSchema = z
  .object({
    seatsPerTimeSlot: positiveInt(MAX_SEATS_PER_TIME_SLOT).optional(),
    showAttendeeInfo: z.boolean().optional(),
    showAvailabilityCount: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine((seats, ctx) => {
    if (isDisabled(seats)) return;
    for (const key of ["seatsPerTimeSlot", "showAttendeeInfo", "showAvailabilityCount"] as const) if (seats[key] === undefined) required(ctx, key);
  })
  .openapi("Seats_2024_06_14", { example: { seatsPerTimeSlot: 4, showAttendeeInfo: true, showAvailabilityCount: true } });

const HEX = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
export const EventTypeColorSchema = z
  .object({
    lightThemeHex: z.string().regex(HEX, "must be a hex colour like #292929"),
    darkThemeHex: z.string().regex(HEX, "must be a hex colour like #fafafa"),
  })
  .openapi("EventTypeColor_2024_06_14");

export const DestinationCalendarSchema = z
  .object({ integration: z.string().max(255), externalId: z.string().max(1024) })
  .openapi("DestinationCalendar_2024_06_14");

export const CalVideoSettingsSchema = z
  .object({
    disableRecordingForOrganizer: z.boolean().optional(),
    disableRecordingForGuests: z.boolean().optional(),
    redirectUrlOnExit: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullable()
      .optional(),
    enableAutomaticRecordingForOrganizer: z.boolean().optional(),
    enableAutomaticTranscription: z.boolean().optional(),
    disableTranscriptionForGuests: z.boolean().optional(),
    disableTranscriptionForOrganizer: z.boolean().optional(),
    sendTranscriptionEmails: z.boolean().optional(),
  })
  .openapi("CalVideoSettings");

export const DisableCancellingSchema = z.object({ disabled: z.boolean().optional() }).openapi("DisableCancelling_2024_06_14");
export const DisableReschedulingSchema = z
  .object({ disabled: z.boolean().optional(), minutesBefore: positiveInt(MINUTES_IN_A_YEAR).optional() })
  .openapi("DisableRescheduling_2024_06_14");

export const INTERFACE_LANGUAGES = [
  "",
  "en",
  "ar",
  "az",
  "bg",
  "bn",
  "ca",
  "cs",
  "da",
  "de",
  "el",
  "es",
  "es-419",
  "eu",
  "et",
  "fi",
  "fr",
  "he",
  "hu",
  "it",
  "ja",
  "km",
  "ko",
  "nl",
  "no",
  "pl",
  "pt-BR",
  "pt",
  "ro",
  "ru",
  "sk-SK",
  "sr",
  "sv",
  "tr",
  "uk",
  "vi",
  "zh-CN",
  "zh-TW",
] as const;

const minutes = (max = MINUTES_IN_A_YEAR) => nonNegativeInt(max);
const SlugInputSchema = z.string().trim().min(1).max(255).openapi({ example: "learn-the-secrets-of-masterchief" });
const TitleSchema = z.string().trim().min(1).max(255).openapi({ example: "Learn the secrets of masterchief!" });

// Fields shared by create and update; create adds the required three.
const eventTypeFields = {
  lengthInMinutesOptions: z
    .array(positiveInt(MINUTES_IN_A_YEAR))
    .min(1)
    .max(50)
    .refine((options) => new Set(options).size === options.length, "must not repeat a length")
    .openapi({ example: [15, 30, 60] }),
  description: z.string().max(10_000).nullable(),
  bookingFields: BookingFieldsInputSchema,
  disableGuests: z.boolean(),
  slotInterval: positiveInt(MINUTES_IN_A_YEAR).nullable(),
  minimumBookingNotice: minutes(),
  beforeEventBuffer: minutes(),
  afterEventBuffer: minutes(),
  scheduleId: positiveInt().nullable(),
  bookingLimitsCount: BookingLimitsCountSchema,
  bookerActiveBookingsLimit: BookerActiveBookingsLimitSchema,
  onlyShowFirstAvailableSlot: z.boolean(),
  bookingLimitsDuration: BookingLimitsDurationSchema,
  bookingWindow: BookingWindowSchema,
  offsetStart: minutes(),
  bookerLayouts: BookerLayoutsSchema,
  confirmationPolicy: ConfirmationPolicySchema,
  recurrence: RecurrenceSchema,
  requiresBookerEmailVerification: z.boolean(),
  hideCalendarNotes: z.boolean(),
  lockTimeZoneToggleOnBookingPage: z.boolean(),
  color: EventTypeColorSchema,
  seats: SeatsSchema,
  customName: z.string().max(255).nullable(),
  destinationCalendar: DestinationCalendarSchema,
  useDestinationCalendarEmail: z.boolean(),
  hideCalendarEventDetails: z.boolean(),
  successRedirectUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable(),
  hideOrganizerEmail: z.boolean(),
  calVideoSettings: CalVideoSettingsSchema,
  hidden: z.boolean(),
  bookingRequiresAuthentication: z.boolean(),
  disableCancelling: DisableCancellingSchema,
  disableRescheduling: DisableReschedulingSchema,
  interfaceLanguage: z.enum(INTERFACE_LANGUAGES),
  allowReschedulingPastBookings: z.boolean(),
  allowReschedulingCancelledBookings: z.boolean(),
  showOptimizedSlots: z.boolean(),
  locations: LocationsInputSchema,
  // Not in Cal.com's 2024-06-14 input; stored and echoed back in `metadata` (Cal.com's metadata rules).
  metadata: MetadataSchema,
};

type Optionalised<T extends Record<string, z.ZodType>> = { [K in keyof T]: z.ZodOptional<T[K]> };
const optionalised = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as Optionalised<T>;

export const CreateEventTypeInputSchema = z
  .object({
    lengthInMinutes: positiveInt(MINUTES_IN_A_YEAR).openapi({ example: 60 }),
    title: TitleSchema,
    slug: SlugInputSchema,
    ...optionalised(eventTypeFields),
  })
  .openapi("CreateEventTypeInput_2024_06_14");

export const UpdateEventTypeInputSchema = z
  .object({
    lengthInMinutes: positiveInt(MINUTES_IN_A_YEAR).optional(),
    title: TitleSchema.optional(),
    slug: SlugInputSchema.optional(),
    ...optionalised(eventTypeFields),
  })
  .openapi("UpdateEventTypeInput_2024_06_14");

export type CreateEventTypeInput = z.infer<typeof CreateEventTypeInputSchema>;
export type UpdateEventTypeInput = z.infer<typeof UpdateEventTypeInputSchema>;

export const GetEventTypesQuerySchema = z.object({
  username: z.string().max(255).optional().openapi({ description: "The username of the user to get event types for." }),
  eventSlug: z.string().max(255).optional().openapi({ description: "Slug of the event type to return; needs `username` too." }),
  usernames: z.string().max(4096).optional().openapi({ description: "Comma-separated usernames for a dynamic group event, e.g. `alice,bob`." }),
  orgSlug: z.string().max(255).optional(),
  orgId: z.coerce.number({ error: "orgId must be a number" }).int().positive().max(2147483647).optional(),
  sortCreatedAt: z.enum(["asc", "desc"]).optional(),
});
export type GetEventTypesQuery = z.infer<typeof GetEventTypesQuerySchema>;

// ---------------------------------------------------------------------------------------------------------
// Private links (Cal.com's EventTypesPrivateLinksController inputs)

const DateTimeSchema = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2030-12-31T23:59:59.000Z" });

export const CreatePrivateLinkInputSchema = z
  .object({
    expiresAt: DateTimeSchema.optional().openapi({ example: "2030-12-31T23:59:59.000Z" }),
    maxUsageCount: positiveInt(1_000_000).optional().openapi({ example: 10 }),
  })
  .openapi("CreatePrivateLinkInput");

export const UpdatePrivateLinkInputSchema = z
  .object({
    expiresAt: DateTimeSchema.optional(),
    maxUsageCount: positiveInt(1_000_000).optional(),
  })
  .refine((body) => body.expiresAt !== undefined || body.maxUsageCount !== undefined, {
    message: "expiresAt or maxUsageCount is required",
    path: ["expiresAt"],
  })
  .openapi("UpdatePrivateLinkBody");

export type CreatePrivateLinkInput = z.infer<typeof CreatePrivateLinkInputSchema>;
export type UpdatePrivateLinkInput = z.infer<typeof UpdatePrivateLinkInputSchema>;

/** `/v2/event-types/{eventTypeId}/private-links/{linkId}`. */
export const PrivateLinkParams = EventTypeIdParams.extend({ linkId: stringPathParam("linkId", { max: 128 }) });

export type EventTypeIdInput = z.infer<typeof EventTypeIdParams>;
export type PrivateLinkIdInput = z.infer<typeof PrivateLinkParams>;
