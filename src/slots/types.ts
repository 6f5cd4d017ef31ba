/** Recurring availability. days: 0 = Sunday .. 6 = Saturday; minutes are local wall-clock minutes (endMinute may be 1440). */
export interface WeeklyAvailability {
  days: number[];
  startMinute: number;
  endMinute: number;
}

/**
 * Availability for one local date ('YYYY-MM-DD' in the schedule's zone). Several per date are allowed;
 * any override on a date replaces the weekly availability for that date, and 0..0 means "unavailable all day".
 */
export interface DateOverride {
  date: string;
  startMinute: number;
  endMinute: number;
}

export interface ScheduleInput {
  timeZone: string;
  weekly: WeeklyAvailability[];
  overrides: DateOverride[];
}

export type LimitPeriod = "day" | "week" | "month" | "year";

export type PeriodLimits = Partial<Record<LimitPeriod, number>>;

export type BookingWindow =
  | { type: "calendarDays" | "businessDays"; value: number; rolling: boolean }
  /** Inclusive 'YYYY-MM-DD' dates in the schedule's zone. */
  | { type: "range"; start: string; end: string };

export interface EventRules {
  lengthMinutes: number;
  /** Step between slot starts; null/undefined = the slot length. */
  slotIntervalMinutes?: number | null;
  beforeBufferMinutes: number;
  afterBufferMinutes: number;
  minimumBookingNoticeMinutes: number;
  /** Shifts every slot start later by this much. */
  offsetStartMinutes: number;
  bookingWindow?: BookingWindow | null;
  /** Max bookings of this event type per period. */
  bookingLimitsCount?: PeriodLimits | null;
  /** Max booked minutes of this event type per period. */
  bookingLimitsDuration?: PeriodLimits | null;
  seatsPerTimeSlot?: number | null;
  /** 0..6, first day of a 'week' period for limits. */
  weekStart: number;
}

/** Epoch milliseconds, half-open [start, end). */
export interface Interval {
  start: number;
  end: number;
}

/** An existing accepted/pending booking of this event type (counted for booking limits). */
export interface CountedBooking extends Interval {}

/** An existing booking of this seated event type. */
export interface SeatedBooking extends Interval {
  uid: string;
  attendees: number;
}

export interface SlotQuery {
  rules: EventRules;
  schedule: ScheduleInput;
  /** Already expanded by the existing bookings' own buffers; includes active reservations; may be unsorted/overlapping. */
  busy: Interval[];
  countedBookings: CountedBooking[];
  seatedBookings?: SeatedBooking[];
  now: number;
  /** A slot is returned when rangeStart <= slot.start < rangeEnd (epoch ms). */
  rangeStart: number;
  rangeEnd: number;
  /** Overrides rules.lengthMinutes (multi-duration event types). */
  durationMinutes?: number;
  /** The host's out-of-office days: no slot touches one of them. */
  outOfOffice?: OutOfOfficeDays | null;
}

/**
 * Whole days a host is away, as day numbers (days since 1970-01-01) of their dates. `utc`: the UTC day of each
 * date (individual events); `schedule`: the local day of each date in the schedule's zone (team hosts).
 */
export interface OutOfOfficeDays {
  days: ReadonlySet<number>;
  zone: "utc" | "schedule";
}

export interface SlotSeats {
  booked: number;
  remaining: number;
  total: number;
  bookingUid: string;
}

export interface Slot {
  start: number;
  end: number;
  seats?: SlotSeats;
  /** Not bookable: the host is out of office that day (Cal.com's `away` slots, which lead the Booker to `toUser`). */
  away?: SlotAway;
}

/** Who is away and who covers (Cal.com's IOutOfOfficeData of a date). */
export interface SlotAway {
  fromUser: { id: number; displayName: string | null };
  toUser?: { id: number; username: string | null; displayName: string | null };
  reason?: string;
  emoji?: string;
  /** Only when the entry shows its notes publicly. */
  notes?: string;
}

export interface SlotSeatFields {
  seatsBooked: number;
  seatsRemaining: number;
  seatsTotal: number;
  bookingUid: string;
}

export type FormattedTimeSlot = { start: string } & Partial<SlotSeatFields>;

export type FormattedRangeSlot = { start: string; end: string } & Partial<SlotSeatFields>;

export type SlotFormat = "time" | "range";
