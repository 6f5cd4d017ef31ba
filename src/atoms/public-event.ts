import type { StoredBookingField } from "../event-types/booking-fields";
import { defaultBookingFields } from "../event-types/booking-fields";
import { DEFAULT_LOCATIONS, type LocationInput } from "../event-types/locations";
import type { Deps } from "../services";
import type { Db } from "../services/db";
import { escapeHtml, toInternalBookingFields } from "./booking-fields";
import { publicEventNotFound, teamIdRequired, teamNotFound, usernameRequired } from "./errors";
import { toPublicLocations } from "./locations";

// GET /v2/atoms/event-types/{eventSlug}/public: the event the atoms' Booker renders. Cal.com answers with its
// core `getPublicEvent` (packages/features/eventtypes/lib/getPublicEvent.ts) through EventTypesAtomService
// .getPublicEventTypeForAtoms: the event type in Cal.com's internal shape (length, internal locations and booking
// fields, metadata.multipleDuration, recurringEvent…) plus `profile`, `subsetOfUsers`, `entity` and the schedule
// whose zone the Booker shows. A team's event type (`isTeamEvent` + `teamId`) has no owner: its users are its
// hosts, its profile and entity the team's, with its scheduling type and team.

export interface PublicEventQuery {
  eventSlug: string;
  username?: string;
  isTeamEvent?: boolean;
  teamId?: number;
  orgId?: number;
}

const userSelect = {
  id: true,
  avatarUrl: true,
  username: true,
  name: true,
  weekStart: true,
  defaultScheduleId: true,
  organizationId: true,
  isPlatformManaged: true,
  organization: { select: { id: true, name: true, slug: true, isPlatform: true } },
} as const;

const eventSelect = {
  id: true,
  title: true,
  description: true,
  interfaceLanguage: true,
  eventName: true,
  slug: true,
  isInstantEvent: true,
  length: true,
  multipleDuration: true,
  locations: true,
  disableGuests: true,
  metadata: true,
  lockTimeZoneToggleOnBookingPage: true,
  requiresConfirmation: true,
  requiresConfirmationThresholdTime: true,
  requiresConfirmationThresholdUnit: true,
  requiresBookerEmailVerification: true,
  recurrenceFrequency: true,
  recurrenceInterval: true,
  recurrenceOccurrences: true,
  price: true,
  currency: true,
  seatsPerTimeSlot: true,
  seatsShowAvailabilityCount: true,
  disableCancelling: true,
  disableRescheduling: true,
  minimumRescheduleNotice: true,
  allowReschedulingCancelledBookings: true,
  bookingFields: true,
  bookerLayouts: true,
  successRedirectUrl: true,
  forwardParamsSuccessRedirect: true,
  periodType: true,
  periodDays: true,
  periodStartDate: true,
  periodEndDate: true,
  periodCountCalendarDays: true,
  hidden: true,
  schedule: { select: { id: true, timeZone: true } },
  owner: { select: userSelect },
} as const;

type UserEventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;
type Owner = UserEventRow["owner"];

const teamSelect = {
  id: true,
  name: true,
  slug: true,
  parentId: true,
  logoUrl: true,
  bannerUrl: true,
  brandColor: true,
  darkBrandColor: true,
  theme: true,
  isPrivate: true,
  hideBookATeamMember: true,
  weekStart: true,
  parent: { select: { id: true, slug: true, name: true, logoUrl: true, bannerUrl: true, isPrivate: true, isPlatform: true } },
} as const;

const teamEventSelect = {
  ...eventSelect,
  schedulingType: true,
  assignAllTeamMembers: true,
  rescheduleWithSameRoundRobinHost: true,
  hosts: {
    select: { isFixed: true, user: { select: userSelect } },
    orderBy: [{ isFixed: "desc" as const }, { userId: "asc" as const }],
  },
};

async function findTeamEvent(db: Db, eventSlug: string, teamId: number) {
  return db.eventType.findFirst({ where: { slug: eventSlug, teamId }, select: teamEventSelect, orderBy: { id: "asc" } });
}

type TeamEventRow = NonNullable<Awaited<ReturnType<typeof findTeamEvent>>>;
type PublicTeam = NonNullable<Awaited<ReturnType<typeof findTeam>>>;
/** The columns both kinds of event share. */
type PublicEventRow = Omit<UserEventRow, "owner">;

const findTeam = (db: Db, teamId: number) => db.team.findUnique({ where: { id: teamId }, select: teamSelect });

async function teamSlug(db: Db, teamId: number): Promise<string> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { slug: true } });
  if (!team?.slug) throw teamNotFound(teamId);
  return team.slug;
}

// Found by its owner, so it has one (team event types have none).
async function findEvent(db: Db, eventSlug: string, owner: Record<string, unknown>) {
  const row = await db.eventType.findFirst({ where: { slug: eventSlug, owner }, select: eventSelect, orderBy: { id: "asc" } });
  return row?.owner ? { ...row, owner: row.owner } : null;
}

/**
 * Cal.com's lookup: within the organisation when `orgId` is given (its members, managed users included); otherwise
 * a user outside any organisation, then a platform organisation's own (not managed) user of that username.
 */
async function findUserEvent(db: Db, eventSlug: string, username: string, orgId: number | undefined) {
  if (orgId) return findEvent(db, eventSlug, { username, organizationId: orgId });
  return (
    (await findEvent(db, eventSlug, { username, organizationId: null })) ??
    (await findEvent(db, eventSlug, { username, isPlatformManaged: false, organization: { isPlatform: true } }))
  );
}

/** Public (Cal.com's route has no guard): no actor. */
export async function getPublicEvent(deps: Deps, query: PublicEventQuery) {
  const { db } = deps;
  const orgSlug = query.orgId ? await teamSlug(db, query.orgId) : null;
  if (query.isTeamEvent) {
    if (!query.teamId) throw teamIdRequired();
    const team = await findTeam(db, query.teamId);
    if (!team?.slug) throw teamNotFound(query.teamId);
    const event = await findTeamEvent(db, query.eventSlug, team.id);
    if (!event) throw publicEventNotFound(query.eventSlug);
    return toPublicTeamEvent(event, team, orgSlug ?? team.parent?.slug ?? null, deps.env.WEBSITE_URL);
  }
  if (!query.username) throw usernameRequired();
  // Cal.com lower-cases the username; a "+"-joined list is a dynamic group event, which this deployment does not offer.
  const username = query.username.toLowerCase();
  const event = username.includes("+") ? null : await findUserEvent(db, query.eventSlug, username, query.orgId);
  if (!event) throw publicEventNotFound(query.eventSlug);

  const schedule =
    event.schedule ??
    (event.owner.defaultScheduleId
      ? await db.schedule.findUnique({ where: { id: event.owner.defaultScheduleId }, select: { id: true, timeZone: true } })
      : null);
  return toPublicEvent(event, schedule, orgSlug, deps.env.WEBSITE_URL);
}

const LAYOUT_NAMES: Record<string, string> = { month: "month_view", week: "week_view", column: "column_view" };
const FREQUENCIES: Record<string, number> = { yearly: 0, monthly: 1, weekly: 2 };

function internalBookerLayouts(stored: unknown) {
  const layouts = stored as { defaultLayout?: string; enabledLayouts?: string[] } | null;
  if (!layouts?.defaultLayout || !layouts.enabledLayouts) return null;
  return {
    enabledLayouts: layouts.enabledLayouts.map((layout) => LAYOUT_NAMES[layout] ?? layout),
    defaultLayout: LAYOUT_NAMES[layouts.defaultLayout] ?? layouts.defaultLayout,
  };
}

// Cal.com's EventTypeMetaDataSchema keeps only its known keys; the ones derived from our columns are these.
function publicMetadata(event: PublicEventRow, bookerLayouts: ReturnType<typeof internalBookerLayouts>) {
  const metadata: Record<string, unknown> = {};
  if (event.multipleDuration.length) metadata.multipleDuration = event.multipleDuration;
  if (bookerLayouts) metadata.bookerLayouts = bookerLayouts;
  if (event.requiresConfirmationThresholdTime !== null && event.requiresConfirmationThresholdUnit) {
    metadata.requiresConfirmationThreshold = { time: event.requiresConfirmationThresholdTime, unit: event.requiresConfirmationThresholdUnit };
  }
  return metadata;
}

/** Cal.com renders descriptions from markdown to sanitised HTML; plain text becomes escaped paragraphs. */
export function descriptionHtml(description: string | null): string {
  if (!description) return "";
  return description
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>\n")}</p>\n`)
    .join("");
}

function avatarUrl(websiteUrl: string, avatar: string | null) {
  return avatar ?? `${websiteUrl.replace(/\/$/, "")}/avatar.svg`;
}

// Cal.com's UserProfile, as enrichUserWithItsProfile gives it.
function profileOf(owner: Owner) {
  const organization = owner.organization
    ? { id: owner.organization.id, name: owner.organization.name, slug: owner.organization.slug, isPlatform: owner.organization.isPlatform }
    : null;
  return { id: null, upId: `usr-${owner.id}`, username: owner.username, organizationId: owner.organizationId, organization };
}

function bookerUrl(websiteUrl: string) {
  return websiteUrl.replace(/\/$/, "");
}

// A user as the Booker lists it (Cal.com's subsetOfUsers entries).
function subsetUser(user: Owner, websiteUrl: string) {
  return {
    username: user.username,
    name: user.name,
    weekStart: user.weekStart,
    organizationId: user.organizationId,
    avatarUrl: user.avatarUrl,
    profile: profileOf(user),
    bookerUrl: bookerUrl(websiteUrl),
  };
}

/** What a personal and a team event share: the event type's own columns in Cal.com's internal shape. */
function publicEventColumns(event: PublicEventRow) {
  const bookerLayouts = internalBookerLayouts(event.bookerLayouts);
  const recurringEvent =
    event.recurrenceFrequency && event.recurrenceInterval !== null && event.recurrenceOccurrences !== null
      ? { freq: FREQUENCIES[event.recurrenceFrequency] ?? 2, count: event.recurrenceOccurrences, interval: event.recurrenceInterval }
      : null;
  const storedFields = (event.bookingFields as StoredBookingField[] | null) ?? defaultBookingFields();
  const storedLocations = (event.locations as LocationInput[] | null) ?? [...DEFAULT_LOCATIONS];
  const {
    multipleDuration: _multipleDuration,
    bookerLayouts: _layouts,
    requiresConfirmationThresholdTime: _t,
    requiresConfirmationThresholdUnit: _u,
    recurrenceFrequency: _f,
    recurrenceInterval: _i,
    recurrenceOccurrences: _o,
    ...columns
  } = event;
  return {
    ...columns,
    description: descriptionHtml(event.description),
    aiPhoneCallConfig: null,
    instantMeetingParameters: [],
    locations: toPublicLocations(storedLocations),
    enablePerHostLocations: false,
    customInputs: [],
    metadata: publicMetadata(event, bookerLayouts),
    lockedTimeZone: null,
    autoTranslateDescriptionEnabled: false,
    fieldTranslations: [],
    recurringEvent,
    bookingFields: toInternalBookingFields(storedFields),
    redirectUrlOnNoRoutingFormResponse: null,
    workflows: [],
    instantMeetingSchedule: null,
    periodStartDate: event.periodStartDate?.toISOString() ?? null,
    periodEndDate: event.periodEndDate?.toISOString() ?? null,
    restrictionScheduleId: null,
    useBookerTimezone: false,
    parent: null,
    bookerLayouts,
    isDynamic: false as const,
    showInstantEventConnectNowModal: event.isInstantEvent,
  };
}

function toPublicEvent(event: UserEventRow, schedule: { id: number; timeZone: string } | null, orgSlug: string | null, websiteUrl: string) {
  const { owner: _owner, ...rest } = event;
  const owner = event.owner;
  const profile = profileOf(owner);
  const common = publicEventColumns(rest);
  const { bookerLayouts } = common;
  const ownerOutput = {
    id: owner.id,
    avatarUrl: owner.avatarUrl,
    username: owner.username,
    name: owner.name,
    weekStart: owner.weekStart,
    brandColor: null,
    darkBrandColor: null,
    theme: null,
    organization: owner.organization ? { id: owner.organization.id, name: owner.organization.name, slug: owner.organization.slug, bannerUrl: null } : null,
    defaultScheduleId: owner.defaultScheduleId,
    profile,
  };
  return {
    ...common,
    schedulingType: null,
    teamId: null,
    team: null,
    subsetOfHosts: [],
    owner: ownerOutput,
    schedule,
    assignAllTeamMembers: false,
    rescheduleWithSameRoundRobinHost: false,
    profile: {
      username: owner.username,
      name: owner.name,
      weekStart: owner.weekStart,
      image: avatarUrl(websiteUrl, owner.avatarUrl),
      brandColor: null,
      darkBrandColor: null,
      theme: null,
      bookerLayouts,
    },
    subsetOfUsers: [subsetUser(owner, websiteUrl)],
    entity: {
      fromRedirectOfNonOrgLink: true,
      considerUnpublished: false,
      orgSlug,
      teamSlug: null,
      name: owner.organization?.name ?? null,
      hideProfileLink: false,
    },
  };
}

/**
 * A team's event type (Cal.com's getPublicEvent for `isTeamEvent`): no owner; the Booker's users are its hosts
 * (fixed first), its profile and entity the team's; the schedule shown is the event type's own, if any.
 */
function toPublicTeamEvent(event: TeamEventRow, team: PublicTeam, orgSlug: string | null, websiteUrl: string) {
  const { owner: _owner, hosts, schedulingType, assignAllTeamMembers, rescheduleWithSameRoundRobinHost, ...rest } = event;
  const common = publicEventColumns(rest);
  const users = hosts.map((host) => subsetUser(host.user, websiteUrl));
  return {
    ...common,
    schedulingType,
    teamId: team.id,
    team: {
      id: team.id,
      parentId: team.parentId,
      slug: team.slug,
      name: team.name,
      logoUrl: team.logoUrl,
      bannerUrl: team.bannerUrl,
      brandColor: team.brandColor,
      darkBrandColor: team.darkBrandColor,
      theme: team.theme,
      isPrivate: team.isPrivate,
      hideBookATeamMember: team.hideBookATeamMember,
      metadata: null,
      parent: team.parent
        ? {
            slug: team.parent.slug,
            name: team.parent.name,
            logoUrl: team.parent.logoUrl,
            bannerUrl: team.parent.bannerUrl,
            isPrivate: team.parent.isPrivate,
            isPlatform: team.parent.isPlatform,
          }
        : null,
    },
    subsetOfHosts: hosts.map((host, i) => ({ isFixed: host.isFixed, user: users[i]! })),
    owner: null,
    schedule: event.schedule,
    assignAllTeamMembers,
    rescheduleWithSameRoundRobinHost,
    profile: {
      username: team.slug,
      name: team.name,
      weekStart: team.weekStart,
      image: avatarUrl(websiteUrl, team.logoUrl),
      brandColor: team.brandColor,
      darkBrandColor: team.darkBrandColor,
      theme: team.theme,
      bookerLayouts: common.bookerLayouts,
    },
    subsetOfUsers: users,
    entity: {
      fromRedirectOfNonOrgLink: true,
      considerUnpublished: false,
      orgSlug,
      teamSlug: team.slug,
      name: team.name,
      hideProfileLink: false,
    },
  };
}

export type PublicEvent = Awaited<ReturnType<typeof getPublicEvent>>;
