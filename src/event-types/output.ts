import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";
import type { StoredBookingField } from "./booking-fields";
import type { LocationInput } from "./locations";

// Event type 2024-06-14 output (pt/event-types/event-types_2024_06_14/outputs/event-type.output.ts), built the
// way Cal.com's OutputEventTypesService_2024_06_14 builds it: switched-off settings read `{disabled: true}`.

const Disabled = z.object({ disabled: z.literal(true) });
const IntervalLimits = z.object({
  day: z.number().optional(),
  week: z.number().optional(),
  month: z.number().optional(),
  year: z.number().optional(),
});

export const EventTypeUserSchema = z.object({
  id: z.number(),
  name: z.string().nullable(),
  username: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  brandColor: z.string().nullable(),
  darkBrandColor: z.string().nullable(),
  weekStart: z.string(),
  metadata: z.record(z.string(), z.unknown()),
});

export const EventTypeOutputSchema = z
  .object({
    id: z.number(),
    ownerId: z.number(),
    lengthInMinutes: z.number(),
    lengthInMinutesOptions: z.array(z.number()).optional(),
    title: z.string(),
    slug: z.string(),
    description: z.string(),
    locations: z.array(z.record(z.string(), z.unknown())),
    bookingFields: z.array(z.record(z.string(), z.unknown())),
    recurrence: z.object({ interval: z.number(), occurrences: z.number(), frequency: z.enum(["yearly", "monthly", "weekly"]) }).nullable(),
    disableGuests: z.boolean(),
    slotInterval: z.number().nullable(),
    minimumBookingNotice: z.number(),
    beforeEventBuffer: z.number(),
    afterEventBuffer: z.number(),
    metadata: z.record(z.string(), z.unknown()),
    price: z.number(),
    currency: z.string(),
    lockTimeZoneToggleOnBookingPage: z.boolean(),
    seatsPerTimeSlot: z.number().nullable(),
    forwardParamsSuccessRedirect: z.boolean().nullable(),
    successRedirectUrl: z.string().nullable(),
    isInstantEvent: z.boolean(),
    users: z.array(EventTypeUserSchema),
    scheduleId: z.number().nullable(),
    bookingLimitsCount: IntervalLimits.optional(),
    bookingLimitsDuration: IntervalLimits.optional(),
    onlyShowFirstAvailableSlot: z.boolean(),
    offsetStart: z.number(),
    bookingWindow: z.union([
      z.object({ type: z.enum(["businessDays", "calendarDays"]), value: z.number(), rolling: z.boolean() }),
      z.object({ type: z.literal("range"), value: z.array(z.string()) }),
      Disabled,
    ]),
    bookerLayouts: z.object({ defaultLayout: z.string(), enabledLayouts: z.array(z.string()) }).optional(),
    confirmationPolicy: z.union([
      z.object({
        type: z.enum(["always", "time"]),
        noticeThreshold: z.object({ unit: z.string(), count: z.number() }).optional(),
        blockUnconfirmedBookingsInBooker: z.boolean(),
      }),
      Disabled,
    ]),
    requiresBookerEmailVerification: z.boolean(),
    hideCalendarNotes: z.boolean(),
    color: z.object({ lightThemeHex: z.string(), darkThemeHex: z.string() }).optional(),
    seats: z.union([z.object({ seatsPerTimeSlot: z.number(), showAttendeeInfo: z.boolean(), showAvailabilityCount: z.boolean() }), Disabled]),
    customName: z.string().optional(),
    useDestinationCalendarEmail: z.boolean(),
    hideCalendarEventDetails: z.boolean(),
    hideOrganizerEmail: z.boolean(),
    calVideoSettings: z.record(z.string(), z.unknown()).optional(),
    hidden: z.boolean(),
    bookingRequiresAuthentication: z.boolean(),
    bookerActiveBookingsLimit: z.union([z.object({ maximumActiveBookings: z.number().optional(), offerReschedule: z.boolean().optional() }), Disabled]),
    bookingUrl: z.string(),
    disableCancelling: z.object({ disabled: z.boolean() }),
    disableRescheduling: z.object({ disabled: z.boolean(), minutesBefore: z.number().optional() }),
    interfaceLanguage: z.string().nullable(),
    allowReschedulingPastBookings: z.boolean(),
    allowReschedulingCancelledBookings: z.boolean().nullable(),
    showOptimizedSlots: z.boolean().nullable(),
  })
  .openapi("EventTypeOutput_2024_06_14");

export type EventTypeOutput = z.infer<typeof EventTypeOutputSchema>;

export const CreateEventTypeOutputSchema = successOf(EventTypeOutputSchema).openapi("CreateEventTypeOutput_2024_06_14");
export const GetEventTypeOutputSchema = successOf(EventTypeOutputSchema).openapi("GetEventTypeOutput_2024_06_14");
export const GetEventTypesOutputSchema = successOf(z.array(EventTypeOutputSchema)).openapi("GetEventTypesOutput_2024_06_14");
export const UpdateEventTypeOutputSchema = successOf(EventTypeOutputSchema).openapi("UpdateEventTypeOutput_2024_06_14");
export const DeleteEventTypeOutputSchema = successOf(z.object({ id: z.number(), lengthInMinutes: z.number(), title: z.string(), slug: z.string() })).openapi(
  "DeleteEventTypeOutput_2024_06_14",
);

/** The EventType table's columns as Prisma reads them: declared once; raw-SQL readers pick from it. */
export interface EventTypeRow {
  id: number;
  userId: number;
  title: string;
  slug: string;
  description: string | null;
  hidden: boolean;
  length: number;
  multipleDuration: number[];
  slotInterval: number | null;
  offsetStart: number;
  minimumBookingNotice: number;
  beforeEventBuffer: number;
  afterEventBuffer: number;
  scheduleId: number | null;
  periodType: "UNLIMITED" | "ROLLING" | "ROLLING_WINDOW" | "RANGE";
  periodDays: number | null;
  periodCountCalendarDays: boolean | null;
  periodStartDate: Date | null;
  periodEndDate: Date | null;
  bookingLimitPerDay: number | null;
  bookingLimitPerWeek: number | null;
  bookingLimitPerMonth: number | null;
  bookingLimitPerYear: number | null;
  durationLimitPerDay: number | null;
  durationLimitPerWeek: number | null;
  durationLimitPerMonth: number | null;
  durationLimitPerYear: number | null;
  seatsPerTimeSlot: number | null;
  seatsShowAttendees: boolean;
  seatsShowAvailabilityCount: boolean;
  requiresConfirmation: boolean;
  requiresConfirmationWillBlockSlot: boolean;
  requiresConfirmationThresholdTime: number | null;
  requiresConfirmationThresholdUnit: string | null;
  recurrenceFrequency: string | null;
  recurrenceInterval: number | null;
  recurrenceOccurrences: number | null;
  maxActiveBookingsPerBooker: number | null;
  maxActiveBookingPerBookerOfferReschedule: boolean;
  onlyShowFirstAvailableSlot: boolean;
  lockTimeZoneToggleOnBookingPage: boolean;
  disableGuests: boolean;
  requiresBookerEmailVerification: boolean;
  hideCalendarNotes: boolean;
  hideCalendarEventDetails: boolean;
  hideOrganizerEmail: boolean;
  bookingRequiresAuthentication: boolean;
  useEventTypeDestinationCalendarEmail: boolean;
  canSendCalVideoTranscriptionEmails: boolean;
  disableCancelling: boolean;
  disableRescheduling: boolean;
  minimumRescheduleNotice: number | null;
  allowReschedulingPastBookings: boolean;
  allowReschedulingCancelledBookings: boolean;
  showOptimizedSlots: boolean;
  isInstantEvent: boolean;
  interfaceLanguage: string | null;
  eventName: string | null;
  successRedirectUrl: string | null;
  forwardParamsSuccessRedirect: boolean;
  price: number;
  currency: string;
  locations: unknown;
  bookingFields: unknown;
  bookerLayouts: unknown;
  eventTypeColor: unknown;
  calVideoSettings: unknown;
  metadata: unknown;
}

/** The event type row and owner fields the output needs. */
export interface EventTypeRecord extends EventTypeRow {
  owner: EventTypeOwner;
}

export interface EventTypeOwner {
  id: number;
  name: string | null;
  username: string | null;
  avatarUrl: string | null;
  weekStart: string;
}

export const eventTypeOwnerSelect = { id: true, name: true, username: true, avatarUrl: true, weekStart: true } as const;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function intervalLimits(values: [number | null, number | null, number | null, number | null]) {
  const [day, week, month, year] = values;
  if (values.every((v) => v === null)) return undefined;
  return Object.fromEntries(Object.entries({ day, week, month, year }).filter(([, v]) => v !== null)) as z.infer<typeof IntervalLimits>;
}

function bookingWindow(row: EventTypeRow): EventTypeOutput["bookingWindow"] {
  switch (row.periodType) {
    case "RANGE":
      return { type: "range", value: [row.periodStartDate ? isoDate(row.periodStartDate) : "", row.periodEndDate ? isoDate(row.periodEndDate) : ""] };
    case "ROLLING":
    case "ROLLING_WINDOW":
      return {
        type: row.periodCountCalendarDays ? "calendarDays" : "businessDays",
        value: row.periodDays ?? 0,
        rolling: row.periodType === "ROLLING_WINDOW",
      };
    default:
      return { disabled: true };
  }
}

function confirmationPolicy(row: EventTypeRow): EventTypeOutput["confirmationPolicy"] {
  if (row.requiresConfirmationThresholdUnit && row.requiresConfirmationThresholdTime !== null) {
    return {
      type: "time",
      noticeThreshold: { unit: row.requiresConfirmationThresholdUnit, count: row.requiresConfirmationThresholdTime },
      blockUnconfirmedBookingsInBooker: row.requiresConfirmationWillBlockSlot,
    };
  }
  if (row.requiresConfirmation) return { type: "always", blockUnconfirmedBookingsInBooker: row.requiresConfirmationWillBlockSlot };
  return { disabled: true };
}

function calVideoSettings(row: EventTypeRow): Record<string, unknown> | undefined {
  const stored = row.calVideoSettings as Record<string, unknown> | null;
  if (!stored && row.canSendCalVideoTranscriptionEmails) return undefined;
  return { ...stored, sendTranscriptionEmails: row.canSendCalVideoTranscriptionEmails };
}

const asObject = (value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);

export function bookingUrl(websiteUrl: string, username: string | null, slug: string): string {
  return username ? `${websiteUrl.replace(/\/$/, "")}/${username}/${slug}` : "";
}

/** What an event type's output is made of besides its owner: shared by personal and team event types. */
export type EventTypeSettingsOutput = Omit<EventTypeOutput, "ownerId" | "users" | "bookingUrl">;

export function toEventTypeOutput(row: EventTypeRecord, websiteUrl: string): EventTypeOutput {
  const owner = row.owner;
  return {
    ...eventTypeSettingsOutput(row),
    ownerId: row.userId,
    // User metadata is private (Cal.com exposes only a few system keys), so it is never echoed here.
    users: [
      {
        id: owner.id,
        name: owner.name,
        username: owner.username,
        avatarUrl: owner.avatarUrl,
        brandColor: null,
        darkBrandColor: null,
        weekStart: owner.weekStart,
        metadata: {},
      },
    ],
    bookingUrl: bookingUrl(websiteUrl, owner.username, row.slug),
  };
}

/** The output fields every event type has, read from its row alone. */
export function eventTypeSettingsOutput(row: EventTypeRow): EventTypeSettingsOutput {
  const multipleDuration = row.multipleDuration.length ? row.multipleDuration : undefined;
  const recurrence =
    row.recurrenceFrequency && row.recurrenceInterval !== null && row.recurrenceOccurrences !== null
      ? { frequency: row.recurrenceFrequency as "weekly", interval: row.recurrenceInterval, occurrences: row.recurrenceOccurrences }
      : null;
  const countLimits = intervalLimits([row.bookingLimitPerDay, row.bookingLimitPerWeek, row.bookingLimitPerMonth, row.bookingLimitPerYear]);
  const durationLimits = intervalLimits([row.durationLimitPerDay, row.durationLimitPerWeek, row.durationLimitPerMonth, row.durationLimitPerYear]);
  const videoSettings = calVideoSettings(row);
  return {
    id: row.id,
    lengthInMinutes: row.length,
    ...(multipleDuration ? { lengthInMinutesOptions: multipleDuration } : {}),
    title: row.title,
    slug: row.slug,
    description: row.description ?? "",
    locations: (row.locations as LocationInput[] | null) ?? [],
    bookingFields: ((row.bookingFields as StoredBookingField[] | null) ?? []) as unknown as Record<string, unknown>[],
    recurrence,
    disableGuests: row.disableGuests,
    slotInterval: row.slotInterval,
    minimumBookingNotice: row.minimumBookingNotice,
    beforeEventBuffer: row.beforeEventBuffer,
    afterEventBuffer: row.afterEventBuffer,
    // Cal.com's metadata output carries multipleDuration next to the caller's keys.
    metadata: { ...asObject(row.metadata), ...(multipleDuration ? { multipleDuration } : {}) },
    price: row.price,
    currency: row.currency,
    lockTimeZoneToggleOnBookingPage: row.lockTimeZoneToggleOnBookingPage,
    seatsPerTimeSlot: row.seatsPerTimeSlot,
    forwardParamsSuccessRedirect: row.forwardParamsSuccessRedirect,
    successRedirectUrl: row.successRedirectUrl,
    isInstantEvent: row.isInstantEvent,
    scheduleId: row.scheduleId,
    ...(countLimits ? { bookingLimitsCount: countLimits } : {}),
    ...(durationLimits ? { bookingLimitsDuration: durationLimits } : {}),
    onlyShowFirstAvailableSlot: row.onlyShowFirstAvailableSlot,
    offsetStart: row.offsetStart,
    bookingWindow: bookingWindow(row),
    ...(asObject(row.bookerLayouts) ? { bookerLayouts: row.bookerLayouts as EventTypeOutput["bookerLayouts"] } : {}),
    confirmationPolicy: confirmationPolicy(row),
    requiresBookerEmailVerification: row.requiresBookerEmailVerification,
    hideCalendarNotes: row.hideCalendarNotes,
    ...(asObject(row.eventTypeColor) ? { color: row.eventTypeColor as EventTypeOutput["color"] } : {}),
    seats:
      row.seatsPerTimeSlot === null
        ? { disabled: true }
        : { seatsPerTimeSlot: row.seatsPerTimeSlot, showAttendeeInfo: row.seatsShowAttendees, showAvailabilityCount: row.seatsShowAvailabilityCount },
    ...(row.eventName !== null ? { customName: row.eventName } : {}),
    useDestinationCalendarEmail: row.useEventTypeDestinationCalendarEmail,
    hideCalendarEventDetails: row.hideCalendarEventDetails,
    hideOrganizerEmail: row.hideOrganizerEmail,
    ...(videoSettings ? { calVideoSettings: videoSettings } : {}),
    hidden: row.hidden,
    bookingRequiresAuthentication: row.bookingRequiresAuthentication,
    bookerActiveBookingsLimit:
      row.maxActiveBookingsPerBooker === null && !row.maxActiveBookingPerBookerOfferReschedule
        ? { disabled: true }
        : {
            ...(row.maxActiveBookingsPerBooker !== null ? { maximumActiveBookings: row.maxActiveBookingsPerBooker } : {}),
            offerReschedule: row.maxActiveBookingPerBookerOfferReschedule,
          },
    disableCancelling: { disabled: row.disableCancelling },
    disableRescheduling: row.disableRescheduling
      ? { disabled: true }
      : { disabled: false, ...(row.minimumRescheduleNotice !== null ? { minutesBefore: row.minimumRescheduleNotice } : {}) },
    interfaceLanguage: row.interfaceLanguage,
    allowReschedulingPastBookings: row.allowReschedulingPastBookings,
    allowReschedulingCancelledBookings: row.allowReschedulingCancelledBookings,
    showOptimizedSlots: row.showOptimizedSlots,
  };
}

/** The public list hides booking fields marked hidden, as Cal.com's GET /v2/event-types does. */
export function withoutHiddenBookingFields(eventType: EventTypeOutput): EventTypeOutput {
  return { ...eventType, bookingFields: eventType.bookingFields.filter((field) => field.hidden !== true) };
}

// ---------------------------------------------------------------------------------------------------------
// Private links (Cal.com's EventTypesPrivateLinksController outputs)

const linkBase = { linkId: z.string(), eventTypeId: z.number(), isExpired: z.boolean(), bookingUrl: z.string() };
export const PrivateLinkOutputSchema = z.union([
  z.object({ ...linkBase, expiresAt: z.string() }).openapi("TimeBasedPrivateLinkOutput"),
  z.object({ ...linkBase, maxUsageCount: z.number(), usageCount: z.number() }).openapi("UsageBasedPrivateLinkOutput"),
]);
export type PrivateLinkOutput = z.infer<typeof PrivateLinkOutputSchema>;

export const CreatePrivateLinkOutputSchema = successOf(PrivateLinkOutputSchema).openapi("CreatePrivateLinkOutput");
export const GetPrivateLinksOutputSchema = successOf(z.array(PrivateLinkOutputSchema)).openapi("GetPrivateLinksOutput");
export const UpdatePrivateLinkOutputSchema = successOf(PrivateLinkOutputSchema).openapi("UpdatePrivateLinkOutput");
export const DeletePrivateLinkOutputSchema = successOf(z.object({ linkId: z.string(), message: z.string() })).openapi("DeletePrivateLinkOutput");
