import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import type { Db } from "../services/db";
import { scheduleNotOwned } from "../schedules/errors";
import { defaultBookingFields } from "./booking-fields";
import { eventTypeDoesNotExist, eventTypeNotFound, eventTypeNotOwned, eventTypeSlugTaken } from "./errors";
import { createData, updateData } from "./input";
import { DEFAULT_LOCATIONS } from "./locations";
import { connectedIntegrationsFor } from "../conferencing/store";
import { eventTypeOwnerSelect, toEventTypeOutput, withoutHiddenBookingFields, type EventTypeOutput, type EventTypeRecord, type EventTypeOwner } from "./output";
import type { CreateEventTypeInput, EventTypeIdInput, GetEventTypesQuery, UpdateEventTypeInput } from "./schemas";

// Event types 2024-06-14: Cal.com's EventTypesService_2024_06_14, with its status codes and messages. Booking
// URLs are built on the deployment's WEBSITE_URL.

const withOwner = { include: { owner: { select: eventTypeOwnerSelect } } } as const;

async function assertOwnsSchedule(db: Db, userId: number, scheduleId: number | null | undefined) {
  if (!scheduleId) return;
  const schedule = await db.schedule.findFirst({ where: { id: scheduleId, userId }, select: { id: true } });
  // Cal.com's checkUserOwnsSchedule answers the schedules' "does not own" message with a 404 here.
  if (!schedule) throw scheduleNotOwned(userId, scheduleId, "NotFoundException");
}

export async function createEventType(deps: Deps, actor: Actor, input: CreateEventTypeInput): Promise<EventTypeOutput> {
  const { db } = deps;
  const { userId } = actor;
  const data = createData(input, { connectedIntegrations: await connectedIntegrationsFor(deps, { kind: "user", userId }, input.locations) });
  const clash = await db.eventType.findUnique({ where: { userId_slug: { userId, slug: data.slug } }, select: { id: true } });
  if (clash) throw eventTypeSlugTaken();
  await assertOwnsSchedule(db, userId, data.scheduleId);
  // A concurrent create with the same slug loses on the unique index: Prisma's P2002, answered 409.
  const created = await db.eventType.create({ data: { ...data, userId }, ...withOwner });
  return toEventTypeOutput(created as EventTypeRecord, deps.env.WEBSITE_URL);
}

/** Owner only; anyone else gets the same 404 as an unknown id (Cal.com never reveals the event type). */
export async function getOwnedEventType(deps: Deps, actor: Actor, { eventTypeId }: EventTypeIdInput): Promise<EventTypeOutput> {
  const eventType = await deps.db.eventType.findFirst({ where: { id: eventTypeId, userId: actor.userId }, ...withOwner });
  if (!eventType) throw eventTypeNotFound(eventTypeId);
  return toEventTypeOutput(eventType as EventTypeRecord, deps.env.WEBSITE_URL);
}

/** Cal.com looks the event type up among the caller's own, so someone else's is a 404. A slug clash is a 409. */
export async function updateEventType(
  deps: Deps,
  actor: Actor,
  { eventTypeId, body: input }: EventTypeIdInput & { body: UpdateEventTypeInput },
): Promise<EventTypeOutput> {
  const { db } = deps;
  const { userId } = actor;
  const existing = await db.eventType.findFirst({ where: { id: eventTypeId, userId }, ...withOwner });
  if (!existing) throw eventTypeNotFound(eventTypeId);
  const connectedIntegrations = await connectedIntegrationsFor(deps, { kind: "user", userId }, input.locations);
  const data = updateData(input, existing as EventTypeRecord, { connectedIntegrations });
  await assertOwnsSchedule(db, userId, data.scheduleId);
  const updated = await db.eventType.update({ where: { id: eventTypeId }, data, ...withOwner });
  return toEventTypeOutput(updated as EventTypeRecord, deps.env.WEBSITE_URL);
}

/** Unknown id: 404; someone else's: 403 "does not own" (Cal.com's checkUserOwnsEventType). */
export async function deleteEventType(deps: Deps, actor: Actor, { eventTypeId }: EventTypeIdInput) {
  const { db } = deps;
  const existing = await db.eventType.findUnique({ where: { id: eventTypeId }, select: { userId: true } });
  if (!existing) throw eventTypeDoesNotExist(eventTypeId);
  if (existing.userId !== actor.userId) throw eventTypeNotOwned(actor.userId, eventTypeId);
  const deleted = await db.eventType.delete({ where: { id: eventTypeId } });
  return { id: deleted.id, lengthInMinutes: deleted.length, title: deleted.title, slug: deleted.slug };
}

type OrgFilter = Pick<GetEventTypesQuery, "orgSlug" | "orgId">;

/**
 * Users by username, optionally within an organisation; without one, a user outside any organisation is
 * preferred over same-named organisation members. Organisations are known here only by id, so an `orgSlug`
 * without `orgId` matches no one.
 */
async function findUsersByUsername(db: Db, usernames: string[], org: OrgFilter): Promise<EventTypeOwner[]> {
  if (org.orgSlug && !org.orgId) return [];
  const rows = await db.user.findMany({
    where: { username: { in: usernames }, ...(org.orgId ? { organizationId: org.orgId } : {}) },
    orderBy: [{ organizationId: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    select: eventTypeOwnerSelect,
  });
  const byUsername = new Map<string, EventTypeOwner>();
  for (const row of rows) if (row.username && !byUsername.has(row.username)) byUsername.set(row.username, row);
  return usernames.flatMap((username) => byUsername.get(username) ?? []);
}

const findUserByUsername = async (db: Db, username: string, org: OrgFilter) => (await findUsersByUsername(db, [username], org))[0] ?? null;

const listOrder = (sort: GetEventTypesQuery["sortCreatedAt"]) => ({ id: sort ?? ("asc" as const) });

/**
 * Cal.com's getEventTypes, in its order of precedence: username + eventSlug (one event type), username (that
 * user's event types), usernames (a dynamic group event), else the caller's own, else nothing. Hidden event
 * types are listed only for their owner; hidden booking fields are left out of every list.
 */
export async function listEventTypes(deps: Deps, actor: Actor | undefined, query: GetEventTypesQuery): Promise<EventTypeOutput[]> {
  const { db } = deps;
  const callerId = actor?.userId;
  const websiteUrl = deps.env.WEBSITE_URL;
  const present = (rows: unknown[]) => rows.map((row) => withoutHiddenBookingFields(toEventTypeOutput(row as EventTypeRecord, websiteUrl)));

  if (query.username && query.eventSlug) {
    const user = await findUserByUsername(db, query.username, query);
    if (!user) return [];
    const eventType = await db.eventType.findUnique({ where: { userId_slug: { userId: user.id, slug: query.eventSlug } }, ...withOwner });
    if (!eventType || (eventType.hidden && callerId !== user.id)) return [];
    return present([eventType]);
  }
  if (query.username) {
    const user = await findUserByUsername(db, query.username, query);
    if (!user) return [];
    const rows = await db.eventType.findMany({
      where: { userId: user.id, ...(callerId === user.id ? {} : { hidden: false }) },
      orderBy: listOrder(query.sortCreatedAt),
      ...withOwner,
    });
    return present(rows);
  }
  if (query.usernames) {
    const usernames = [
      ...new Set(
        query.usernames
          .split(",")
          .map((u) => u.trim())
          .filter(Boolean),
      ),
    ];
    const users = await findUsersByUsername(db, usernames, query);
    return [withoutHiddenBookingFields(dynamicEventType(users, websiteUrl))];
  }
  if (callerId !== undefined) {
    const rows = await db.eventType.findMany({ where: { userId: callerId }, orderBy: listOrder(query.sortCreatedAt), ...withOwner });
    return present(rows);
  }
  return [];
}

/** Cal.com's dynamic group event (platform-libraries `dynamicEvent`): id 0, 30 minutes, owned by no one. */
function dynamicEventType(users: EventTypeOwner[], websiteUrl: string): EventTypeOutput {
  const first: EventTypeOwner = users[0] ?? { id: 0, name: null, username: null, avatarUrl: null, weekStart: "Sunday" };
  const record: EventTypeRecord = {
    ...DYNAMIC_EVENT_DEFAULTS,
    bookingFields: defaultBookingFields(),
    locations: DEFAULT_LOCATIONS,
    owner: first,
  };
  const output = toEventTypeOutput(record, websiteUrl);
  return {
    ...output,
    ownerId: 0,
    users: users.map((u) => ({ ...output.users[0]!, id: u.id, name: u.name, username: u.username, avatarUrl: u.avatarUrl, weekStart: u.weekStart })),
  };
}

const DYNAMIC_EVENT_DEFAULTS: Omit<EventTypeRecord, "owner" | "bookingFields" | "locations"> = {
  id: 0,
  userId: 0,
  title: "Group Meeting",
  slug: "dynamic",
  description: "Join us for a meeting with multiple people",
  hidden: false,
  length: 30,
  multipleDuration: [15, 30, 45, 60, 90],
  slotInterval: null,
  offsetStart: 0,
  minimumBookingNotice: 120,
  beforeEventBuffer: 0,
  afterEventBuffer: 0,
  scheduleId: null,
  periodType: "UNLIMITED",
  periodDays: null,
  periodCountCalendarDays: null,
  periodStartDate: null,
  periodEndDate: null,
  bookingLimitPerDay: null,
  bookingLimitPerWeek: null,
  bookingLimitPerMonth: null,
  bookingLimitPerYear: null,
  durationLimitPerDay: null,
  durationLimitPerWeek: null,
  durationLimitPerMonth: null,
  durationLimitPerYear: null,
  seatsPerTimeSlot: null,
  seatsShowAttendees: false,
  seatsShowAvailabilityCount: true,
  requiresConfirmation: false,
  requiresConfirmationWillBlockSlot: false,
  requiresConfirmationThresholdTime: null,
  requiresConfirmationThresholdUnit: null,
  recurrenceFrequency: null,
  recurrenceInterval: null,
  recurrenceOccurrences: null,
  maxActiveBookingsPerBooker: null,
  maxActiveBookingPerBookerOfferReschedule: false,
  onlyShowFirstAvailableSlot: false,
  lockTimeZoneToggleOnBookingPage: false,
  disableGuests: false,
  requiresBookerEmailVerification: false,
  hideCalendarNotes: false,
  hideCalendarEventDetails: false,
  hideOrganizerEmail: false,
  bookingRequiresAuthentication: false,
  useEventTypeDestinationCalendarEmail: false,
  canSendCalVideoTranscriptionEmails: true,
  disableCancelling: false,
  disableRescheduling: false,
  minimumRescheduleNotice: null,
  allowReschedulingPastBookings: false,
  allowReschedulingCancelledBookings: false,
  showOptimizedSlots: false,
  isInstantEvent: false,
  interfaceLanguage: null,
  eventName: "Group Meeting",
  successRedirectUrl: null,
  forwardParamsSuccessRedirect: true,
  price: 0,
  currency: "usd",
  bookerLayouts: null,
  eventTypeColor: null,
  calVideoSettings: null,
  metadata: null,
};
