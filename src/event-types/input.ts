import { badRequest } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import {
  attendeePhoneFieldIsRequiredAndVisible,
  customFieldSlugs,
  defaultBookingFields,
  emailFieldIsRequiredAndVisible,
  normaliseBookingFields,
  withGuestsHidden,
  type StoredBookingField,
} from "./booking-fields";
import { noContactBookingField } from "./errors";
import { DEFAULT_LOCATIONS, unconnectedIntegration, type LocationInput } from "./locations";
import type { EventTypeRecord } from "./output";
import type { CreateEventTypeInput, UpdateEventTypeInput } from "./schemas";

// Validated 2024-06-14 input → EventType columns, with Cal.com's cross-field rules. Create starts from Cal.com's
// defaults; update changes only what the body names (Cal.com's PATCH semantics), checked against the stored row.

type EventTypeColumns = Omit<Prisma.EventTypeUncheckedCreateInput, "id" | "userId" | "hashedLink">;

/** Cal.com's slugifyLenient, ASCII-folded: lower case, runs of anything but letters and digits become "-". */
export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// Cal.com's validateCustomEventName: {Variables} must be known ones or a booking field's slug.
const EVENT_NAME_VARIABLES = new Set(
  [
    "event type title",
    "organiser",
    "scheduler",
    "location",
    "organiser first name",
    "scheduler first name",
    "scheduler last name",
    "event duration",
    "host/attendee",
    "host",
    "attendee",
    "user",
    "event time",
    "event date",
  ].map((v) => v.toLowerCase()),
);
function checkCustomName(customName: string, bookingFields: readonly StoredBookingField[]) {
  const fieldSlugs = new Set(customFieldSlugs(bookingFields).map((s) => s.toLowerCase()));
  for (const [, variable] of customName.matchAll(/\{([^}]*)\}/g)) {
    const name = variable!.toLowerCase();
    if (!EVENT_NAME_VARIABLES.has(name) && !fieldSlugs.has(name)) throw badRequest(`customName - Invalid event name variables: {${variable}}`);
  }
}

type Input = CreateEventTypeInput | UpdateEventTypeInput;

function windowColumns(window: NonNullable<Input["bookingWindow"]>): Partial<EventTypeColumns> {
  const cleared = { periodDays: null, periodCountCalendarDays: null, periodStartDate: null, periodEndDate: null };
  if (window.disabled) return { ...cleared, periodType: "UNLIMITED" };
  if (window.type === "range") {
    const [start, end] = window.value as string[];
    return { ...cleared, periodType: "RANGE", periodStartDate: new Date(`${start}T00:00:00Z`), periodEndDate: new Date(`${end}T00:00:00Z`) };
  }
  return {
    ...cleared,
    periodType: window.rolling ? "ROLLING_WINDOW" : "ROLLING",
    periodDays: window.value as number,
    periodCountCalendarDays: window.type === "calendarDays",
  };
}

function limitColumns(prefix: "bookingLimit" | "durationLimit", limits: NonNullable<Input["bookingLimitsCount"]>): Partial<EventTypeColumns> {
  const on = !limits.disabled;
  return {
    [`${prefix}PerDay`]: on ? (limits.day ?? null) : null,
    [`${prefix}PerWeek`]: on ? (limits.week ?? null) : null,
    [`${prefix}PerMonth`]: on ? (limits.month ?? null) : null,
    [`${prefix}PerYear`]: on ? (limits.year ?? null) : null,
  };
}

function confirmationColumns(policy: NonNullable<Input["confirmationPolicy"]>): Partial<EventTypeColumns> {
  if (policy.disabled) {
    return {
      requiresConfirmation: false,
      requiresConfirmationWillBlockSlot: false,
      requiresConfirmationThresholdTime: null,
      requiresConfirmationThresholdUnit: null,
    };
  }
  const threshold = policy.type === "time" ? policy.noticeThreshold : undefined;
  return {
    requiresConfirmation: true,
    requiresConfirmationWillBlockSlot: !!policy.blockUnconfirmedBookingsInBooker,
    requiresConfirmationThresholdTime: threshold?.count ?? null,
    requiresConfirmationThresholdUnit: threshold?.unit ?? null,
  };
}

/** The columns a create or update body sets (update: only the fields present). */
function columnsFrom(input: Input): Partial<EventTypeColumns> {
  const c: Partial<EventTypeColumns> = {};
  if (input.lengthInMinutes !== undefined) c.length = input.lengthInMinutes;
  if (input.lengthInMinutesOptions !== undefined) c.multipleDuration = input.lengthInMinutesOptions;
  if (input.title !== undefined) c.title = input.title;
  if (input.slug !== undefined) {
    const slug = slugify(input.slug);
    if (!slug) throw badRequest("slug - must contain at least one letter or digit");
    c.slug = slug;
  }
  if (input.description !== undefined) c.description = input.description;
  if (input.disableGuests !== undefined) c.disableGuests = input.disableGuests;
  if (input.slotInterval !== undefined) c.slotInterval = input.slotInterval;
  if (input.minimumBookingNotice !== undefined) c.minimumBookingNotice = input.minimumBookingNotice;
  if (input.beforeEventBuffer !== undefined) c.beforeEventBuffer = input.beforeEventBuffer;
  if (input.afterEventBuffer !== undefined) c.afterEventBuffer = input.afterEventBuffer;
  if (input.scheduleId !== undefined) c.scheduleId = input.scheduleId;
  if (input.offsetStart !== undefined) c.offsetStart = input.offsetStart;
  if (input.bookingLimitsCount) Object.assign(c, limitColumns("bookingLimit", input.bookingLimitsCount));
  if (input.bookingLimitsDuration) Object.assign(c, limitColumns("durationLimit", input.bookingLimitsDuration));
  if (input.bookingWindow) Object.assign(c, windowColumns(input.bookingWindow));
  if (input.confirmationPolicy) Object.assign(c, confirmationColumns(input.confirmationPolicy));
  if (input.bookerActiveBookingsLimit) {
    const limit = input.bookerActiveBookingsLimit;
    c.maxActiveBookingsPerBooker = limit.disabled ? null : (limit.maximumActiveBookings ?? null);
    c.maxActiveBookingPerBookerOfferReschedule = limit.disabled ? false : !!limit.offerReschedule;
  }
  if (input.recurrence) {
    const r = input.recurrence;
    c.recurrenceFrequency = r.disabled ? null : r.frequency!;
    c.recurrenceInterval = r.disabled ? null : r.interval!;
    c.recurrenceOccurrences = r.disabled ? null : r.occurrences!;
  }
  if (input.seats) {
    const seats = input.seats;
    c.seatsPerTimeSlot = seats.disabled ? null : seats.seatsPerTimeSlot!;
    if (!seats.disabled) {
      c.seatsShowAttendees = seats.showAttendeeInfo!;
      c.seatsShowAvailabilityCount = seats.showAvailabilityCount!;
    }
  }
  if (input.bookerLayouts) c.bookerLayouts = input.bookerLayouts;
  if (input.color) c.eventTypeColor = input.color;
  if (input.customName !== undefined) c.eventName = input.customName;
  if (input.successRedirectUrl !== undefined) c.successRedirectUrl = input.successRedirectUrl;
  if (input.calVideoSettings) {
    const { sendTranscriptionEmails, ...settings } = input.calVideoSettings;
    if (Object.keys(settings).length) c.calVideoSettings = settings;
    if (sendTranscriptionEmails !== undefined) c.canSendCalVideoTranscriptionEmails = sendTranscriptionEmails;
  }
  if (input.disableCancelling) c.disableCancelling = input.disableCancelling.disabled === true;
  if (input.disableRescheduling) {
    const { disabled, minutesBefore } = input.disableRescheduling;
    c.disableRescheduling = disabled === true;
    c.minimumRescheduleNotice = disabled !== true && minutesBefore ? minutesBefore : null;
  }
  const flags = [
    "onlyShowFirstAvailableSlot",
    "requiresBookerEmailVerification",
    "hideCalendarNotes",
    "lockTimeZoneToggleOnBookingPage",
    "hideCalendarEventDetails",
    "hideOrganizerEmail",
    "hidden",
    "bookingRequiresAuthentication",
    "allowReschedulingPastBookings",
    "allowReschedulingCancelledBookings",
    "showOptimizedSlots",
  ] as const;
  for (const flag of flags) if (input[flag] !== undefined) c[flag] = input[flag];
  if (input.useDestinationCalendarEmail !== undefined) c.useEventTypeDestinationCalendarEmail = input.useDestinationCalendarEmail;
  if (input.interfaceLanguage !== undefined) c.interfaceLanguage = input.interfaceLanguage;
  if (input.locations) c.locations = input.locations;
  if (input.metadata !== undefined) c.metadata = input.metadata;
  return c;
}

/**
 * Booking fields after this write: the body's fields (normalised, system fields kept) or the stored ones, with
 * `disableGuests` hiding or showing the guests field. Undefined when the write leaves them unchanged.
 */
function bookingFieldsAfter(input: Input, stored: StoredBookingField[] | undefined): StoredBookingField[] | undefined {
  const fields = input.bookingFields ? normaliseBookingFields(input.bookingFields) : stored ? undefined : defaultBookingFields();
  if (input.disableGuests === undefined) return fields;
  return withGuestsHidden(fields ?? stored ?? defaultBookingFields(), input.disableGuests);
}

// A body that sets the guests field's visibility without `disableGuests` keeps the flag in step with it.
function syncDisableGuests(input: Input, columns: Partial<EventTypeColumns>, fields: readonly StoredBookingField[] | undefined) {
  if (input.disableGuests !== undefined || !input.bookingFields || !fields) return;
  columns.disableGuests = !!fields.find((f) => f.isDefault && f.slug === "guests")?.hidden;
}

/** The state an event type would have after the write, for Cal.com's cross-field rules. */
interface Resulting {
  length: number;
  multipleDuration: number[];
  seatsPerTimeSlot: number | null;
  requiresConfirmation: boolean;
  locations: LocationInput[];
  hasRecurrence: boolean;
  hasActiveBookingsLimit: boolean;
}

/** Differences between the routes that write event types. */
export interface InputRules {
  /** Org team event types: the booking form may ask for a phone number instead of an email (Cal.com's org routes). */
  allowPhoneOnly?: boolean;
  /** Integration names of the owner's connected video apps (src/conferencing/store.ts connectedIntegrations). */
  connectedIntegrations?: ReadonlySet<string>;
}

function checkContactField(bookingFields: readonly StoredBookingField[], rules: InputRules) {
  if (emailFieldIsRequiredAndVisible(bookingFields)) return;
  if (!rules.allowPhoneOnly) throw badRequest("bookingFields - checkIsEmailUserAccessible - Email booking field must be required and visible");
  if (!attendeePhoneFieldIsRequiredAndVisible(bookingFields)) throw noContactBookingField();
}

function checkRules(after: Resulting, input: Input, bookingFields: readonly StoredBookingField[] | undefined, rules: InputRules) {
  if (after.multipleDuration.length && !after.multipleDuration.includes(after.length)) {
    throw badRequest("lengthInMinutesOptions - must include lengthInMinutes");
  }
  if (input.destinationCalendar) throw badRequest("Invalid destinationCalendarId: Calendar does not exist");
  if (input.useDestinationCalendarEmail) {
    throw badRequest("Validation failed: A primary connected calendar is required to set useDestinationCalendarEmail");
  }
  const app = input.locations ? unconnectedIntegration(input.locations, rules.connectedIntegrations) : undefined;
  if (app) throw badRequest(`locations - ${app} not connected.`);
  const seated = after.seatsPerTimeSlot !== null && after.seatsPerTimeSlot > 0;
  if (seated && after.locations.length > 1) throw badRequest("Seats Validation failed: Seats are enabled but more than one location provided.");
  if (seated && after.requiresConfirmation) throw badRequest("Seats Validation failed: Seats are enabled but requiresConfirmation is true.");
  if (after.hasRecurrence && after.hasActiveBookingsLimit) {
    throw badRequest("recurrence - Recurring event types can't have bookerActiveBookingsLimit. Disable one of them.");
  }
  if (bookingFields) checkContactField(bookingFields, rules);
}

export function createData(input: CreateEventTypeInput, rules: InputRules = {}): Omit<EventTypeColumns, "userId"> {
  const columns = columnsFrom(input) as EventTypeColumns;
  const bookingFields = bookingFieldsAfter(input, undefined)!;
  syncDisableGuests(input, columns, bookingFields);
  const locations = (input.locations ?? DEFAULT_LOCATIONS) as LocationInput[];
  checkRules(
    {
      length: input.lengthInMinutes,
      multipleDuration: input.lengthInMinutesOptions ?? [],
      seatsPerTimeSlot: columns.seatsPerTimeSlot ?? null,
      requiresConfirmation: columns.requiresConfirmation ?? false,
      locations,
      hasRecurrence: !!columns.recurrenceFrequency,
      hasActiveBookingsLimit: columns.maxActiveBookingsPerBooker != null || !!columns.maxActiveBookingPerBookerOfferReschedule,
    },
    input,
    bookingFields,
    rules,
  );
  if (input.customName) checkCustomName(input.customName, bookingFields);
  return { ...columns, locations, bookingFields: bookingFields as unknown as Prisma.InputJsonValue };
}

export function updateData(input: UpdateEventTypeInput, existing: EventTypeRecord, rules: InputRules = {}): Partial<EventTypeColumns> {
  const columns = columnsFrom(input);
  const storedFields = (existing.bookingFields as StoredBookingField[] | null) ?? undefined;
  const bookingFields = bookingFieldsAfter(input, storedFields);
  syncDisableGuests(input, columns, bookingFields);
  const pick = <K extends keyof EventTypeColumns & keyof EventTypeRecord>(key: K) => (key in columns ? columns[key] : existing[key]) as EventTypeRecord[K];
  checkRules(
    {
      length: pick("length"),
      multipleDuration: pick("multipleDuration"),
      seatsPerTimeSlot: pick("seatsPerTimeSlot"),
      requiresConfirmation: pick("requiresConfirmation"),
      locations: (pick("locations") as LocationInput[] | null) ?? [],
      hasRecurrence: !!pick("recurrenceFrequency"),
      hasActiveBookingsLimit: pick("maxActiveBookingsPerBooker") !== null || pick("maxActiveBookingPerBookerOfferReschedule"),
    },
    input,
    bookingFields,
    rules,
  );
  const customName = "eventName" in columns ? columns.eventName : existing.eventName;
  if (customName && (input.customName !== undefined || bookingFields)) {
    checkCustomName(customName, bookingFields ?? storedFields ?? []);
  }
  return bookingFields ? { ...columns, bookingFields: bookingFields as unknown as Prisma.InputJsonValue } : columns;
}
