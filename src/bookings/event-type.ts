import { loadEventTypeForSlots, type EventTypeForSlots } from "../event-types/slots-loader";
import { userWithUsernameNotFound } from "../availability/errors";
import { teamBookingEventTypeNotFound } from "../event-types/scheduling";
import type { StoredBookingField } from "../event-types/booking-fields";
import type { LocationInput } from "../event-types/locations";
import { type ApiError, notFound } from "../errors";
import type { Db } from "../services/db";
import type { EventTypeRow } from "../event-types/output";
import type { BookingHostRecord } from "./store";

/** How a booking names its event type: by id, or by slug with the owner's username (or a team's slug). */
export type EventTypeIdentity =
  | { eventTypeId: number }
  | { eventTypeSlug: string; username: string; organizationSlug?: string }
  | { eventTypeSlug: string; teamSlug: string; organizationSlug?: string };

/** The event type as booking needs it: the slot engine's view plus the booking form, naming and policies. */
export interface BookableEventType extends EventTypeForSlots {
  title: string;
  description: string | null;
  price: number;
  currency: string;
  locations: LocationInput[];
  bookingFields: StoredBookingField[];
  eventName: string | null;
  recurrence: { frequency: "weekly" | "monthly" | "yearly"; interval: number; occurrences: number } | null;
  seatsShowAttendees: boolean;
  maxActiveBookingsPerBooker: number | null;
  /** "time" confirmation policy: confirmation is needed only for bookings made closer than this to their start. */
  requiresConfirmationThresholdMs: number | null;
  bookingRequiresAuthentication: boolean;
  hideOrganizerEmail: boolean;
  disableRescheduling: boolean;
  /** Cal.com's `metadata.apps.stripe` when enabled with a price: the booking must be paid (amount in minor units). */
  stripePrice: { amount: number; currency: string } | null;
  /**
   * The hosts' user records, in the order of `hosts` (EventTypeForSlots): the first is the organizer, who the
   * booking is written for. A personal event type has one host: its owner.
   */
  hostUsers: BookingHostRecord[];
}

/** The organizer of an event type's bookings: its first host. */
export const organizerOf = (eventType: BookableEventType): BookingHostRecord => eventType.hostUsers[0]!;

const THRESHOLD_UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

type Extras = Pick<
  EventTypeRow,
  | "title"
  | "description"
  | "price"
  | "currency"
  | "locations"
  | "bookingFields"
  | "eventName"
  | "recurrenceFrequency"
  | "recurrenceInterval"
  | "recurrenceOccurrences"
  | "seatsShowAttendees"
  | "maxActiveBookingsPerBooker"
  | "requiresConfirmationThresholdTime"
  | "requiresConfirmationThresholdUnit"
  | "bookingRequiresAuthentication"
  | "hideOrganizerEmail"
  | "disableRescheduling"
> & { hostUsers: unknown; metadata: unknown };

// Raw SQL on purpose: it runs on every booking, and raw queries skip building a Prisma client for the request.
async function loadExtras(db: Db, eventTypeId: number): Promise<Extras | null> {
  const rows = await db.$queryRaw<Extras[]>`
    SELECT et."title", et."description", et."price", et."currency", et."locations", et."bookingFields", et."eventName",
           et."recurrenceFrequency", et."recurrenceInterval", et."recurrenceOccurrences", et."seatsShowAttendees",
           et."maxActiveBookingsPerBooker", et."requiresConfirmationThresholdTime", et."requiresConfirmationThresholdUnit",
           et."bookingRequiresAuthentication", et."hideOrganizerEmail", et."disableRescheduling", et."metadata",
           -- A personal event type's one host is its owner; a team event type's are its Host rows (combine() puts
           -- them in the order of the slots loader's hosts).
           CASE WHEN et."teamId" IS NULL THEN
             jsonb_build_array(jsonb_build_object('id', u."id", 'name', u."name", 'email', u."email", 'username', u."username",
               'timeZone', u."timeZone", 'locale', u."locale", 'timeFormat', u."timeFormat", 'organizationId', u."organizationId"))
           ELSE COALESCE((
             SELECT jsonb_agg(jsonb_build_object('id', hu."id", 'name', hu."name", 'email', hu."email", 'username', hu."username",
               'timeZone', hu."timeZone", 'locale', hu."locale", 'timeFormat', hu."timeFormat", 'organizationId', hu."organizationId"))
             FROM "Host" h JOIN "users" hu ON hu."id" = h."userId" WHERE h."eventTypeId" = et."id"), '[]'::jsonb) END AS "hostUsers"
    FROM "EventType" et LEFT JOIN "users" u ON u."id" = et."userId"
    WHERE et."id" = ${eventTypeId}`;
  return rows[0] ?? null;
}

const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/** The hosts' user records in the order of the engine's `hosts` (the organizer first). */
function inHostOrder(eventType: EventTypeForSlots, users: BookingHostRecord[]): BookingHostRecord[] {
  const byId = new Map(users.map((user) => [user.id, user]));
  return eventType.hosts.map((host) => byId.get(host.userId)).filter((user): user is BookingHostRecord => user !== undefined);
}

function combine(eventType: EventTypeForSlots, extras: Extras): BookableEventType {
  const recurrence =
    extras.recurrenceFrequency && extras.recurrenceInterval && extras.recurrenceOccurrences
      ? {
          frequency: extras.recurrenceFrequency as "weekly" | "monthly" | "yearly",
          interval: extras.recurrenceInterval,
          occurrences: extras.recurrenceOccurrences,
        }
      : null;
  const unitMs = THRESHOLD_UNIT_MS[extras.requiresConfirmationThresholdUnit ?? ""];
  return {
    ...eventType,
    title: extras.title,
    description: extras.description,
    price: extras.price,
    currency: extras.currency,
    locations: json<LocationInput[] | null>(extras.locations) ?? [],
    bookingFields: json<StoredBookingField[] | null>(extras.bookingFields) ?? [],
    eventName: extras.eventName,
    recurrence,
    seatsShowAttendees: extras.seatsShowAttendees,
    maxActiveBookingsPerBooker: extras.maxActiveBookingsPerBooker,
    requiresConfirmationThresholdMs: unitMs && extras.requiresConfirmationThresholdTime !== null ? extras.requiresConfirmationThresholdTime * unitMs : null,
    bookingRequiresAuthentication: extras.bookingRequiresAuthentication,
    hideOrganizerEmail: extras.hideOrganizerEmail,
    disableRescheduling: extras.disableRescheduling,
    stripePrice: stripePriceOf(json(extras.metadata)),
    hostUsers: inHostOrder(eventType, json<BookingHostRecord[]>(extras.hostUsers)),
  };
}

/** Cal.com's paid event types: `metadata.apps.stripe = {enabled, price (minor units), currency}`, a positive price. */
function stripePriceOf(metadata: unknown): { amount: number; currency: string } | null {
  const stripe = (metadata as { apps?: { stripe?: { enabled?: unknown; price?: unknown; currency?: unknown } } } | null)?.apps?.stripe;
  if (!stripe || stripe.enabled === false) return null;
  const amount = Number(stripe.price);
  if (!Number.isInteger(amount) || amount <= 0) return null;
  return { amount, currency: typeof stripe.currency === "string" && stripe.currency ? stripe.currency.toLowerCase() : "usd" };
}

/** Loads an event type by id: the engine's view and the rest in parallel (two round trips at once). */
export async function loadBookableEventTypeById(db: Db, eventTypeId: number): Promise<BookableEventType | null> {
  const [eventType, extras] = await Promise.all([loadEventTypeForSlots(db, { eventTypeId }), loadExtras(db, eventTypeId)]);
  return eventType && extras ? combine(eventType, extras) : null;
}

/** Cal.com's messages for an event type named by slug that cannot be found (errors.service.ts). */
function notFoundBySlug(identity: Exclude<EventTypeIdentity, { eventTypeId: number }>): ApiError {
  const owner = "username" in identity ? `user ${identity.username}` : `team ${identity.teamSlug}`;
  const org = identity.organizationSlug ? ` within organization ${identity.organizationSlug}` : "";
  return notFound(`Event type with slug ${identity.eventTypeSlug} belonging to ${owner}${org} not found.`);
}

/** Resolves the event type a booking names, with Cal.com's 404s for each way of naming it. */
export async function resolveBookableEventType(db: Db, identity: EventTypeIdentity): Promise<BookableEventType> {
  if ("eventTypeId" in identity) {
    const eventType = await loadBookableEventTypeById(db, identity.eventTypeId);
    if (!eventType) throw notFound(`Event type with id ${identity.eventTypeId} not found.`);
    return eventType;
  }
  if ("teamSlug" in identity) {
    const found = await db.eventType.findFirst({
      where: {
        slug: identity.eventTypeSlug,
        team: identity.organizationSlug
          ? { slug: identity.teamSlug, parent: { slug: identity.organizationSlug, isOrganization: true } }
          : { slug: identity.teamSlug, parentId: null, isOrganization: false },
      },
      select: { id: true },
    });
    const eventType = found ? await loadBookableEventTypeById(db, found.id) : null;
    if (!eventType) throw await teamBookingEventTypeNotFound(db, identity.teamSlug, () => notFoundBySlug(identity));
    return eventType;
  }
  let organizationId: number | null = null;
  if (identity.organizationSlug) {
    const organization = await db.team.findFirst({ where: { slug: identity.organizationSlug, isOrganization: true }, select: { id: true } });
    if (!organization) throw userWithUsernameNotFound(identity.username);
    organizationId = organization.id;
  }
  const user = await db.user.findFirst({
    where: { username: identity.username, ...(organizationId === null ? {} : { organizationId }) },
    orderBy: [{ organizationId: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    select: { id: true },
  });
  if (!user) throw userWithUsernameNotFound(identity.username);
  const found = await db.eventType.findFirst({ where: { userId: user.id, slug: identity.eventTypeSlug }, select: { id: true } });
  const eventType = found ? await loadBookableEventTypeById(db, found.id) : null;
  if (!eventType) throw notFoundBySlug(identity);
  return eventType;
}
