// Storage of change-notification channels: Google's in Cal.com's SelectedCalendar.googleChannel* columns, Graph's
// in our office365Subscription* columns (migration 20261208020000_calendar_notifications). Writes are conditional
// on the channel the caller read, so a cron run and a request watching the same calendar at once keep one channel.
import type { Deps } from "../../services";
import type { CalendarWatch } from "../provider";

export const WATCHED_TYPES = ["google_calendar", "office365_calendar"] as const;
export type WatchedType = (typeof WATCHED_TYPES)[number];

const rowSelect = {
  id: true,
  userId: true,
  integration: true,
  externalId: true,
  googleChannelId: true,
  googleChannelResourceId: true,
  googleChannelResourceUri: true,
  googleChannelExpiration: true,
  office365SubscriptionId: true,
  office365SubscriptionExpiration: true,
  credential: true,
} as const;

export type ChannelRow = NonNullable<Awaited<ReturnType<typeof findChannelRow>>>;

function findChannelRow(deps: Deps, id: string) {
  return deps.db.selectedCalendar.findUnique({ where: { id }, select: rowSelect });
}

/** The channel a row holds, or null. */
export function channelOf(row: ChannelRow): CalendarWatch | null {
  if (row.integration === "google_calendar" && row.googleChannelId) {
    return {
      id: row.googleChannelId,
      resourceId: row.googleChannelResourceId,
      resourceUri: row.googleChannelResourceUri,
      expiresAt: Number(row.googleChannelExpiration) || 0,
    };
  }
  if (row.integration === "office365_calendar" && row.office365SubscriptionId) {
    return { id: row.office365SubscriptionId, resourceId: null, resourceUri: null, expiresAt: Number(row.office365SubscriptionExpiration) || 0 };
  }
  return null;
}

/**
 * Selected calendars of these types on valid credentials whose channel is missing or expires before `renewBefore`,
 * leaving out those whose last attempt failed after `failedBefore`; oldest expiry first.
 */
export function rowsNeedingChannels(
  deps: Deps,
  params: { types: readonly WatchedType[]; renewBefore: number; failedBefore: Date; userId?: number; limit: number },
): Promise<ChannelRow[]> {
  const before = String(params.renewBefore);
  return deps.db.selectedCalendar.findMany({
    where: {
      ...(params.userId === undefined ? {} : { userId: params.userId }),
      integration: { in: [...params.types] },
      credential: { is: { OR: [{ invalid: false }, { invalid: null }] } },
      AND: [
        { OR: [{ notificationsFailedAt: null }, { notificationsFailedAt: { lt: params.failedBefore } }] },
        {
          OR: [
            { integration: "google_calendar", OR: [{ googleChannelId: null }, { googleChannelExpiration: null }, { googleChannelExpiration: { lt: before } }] },
            {
              integration: "office365_calendar",
              OR: [{ office365SubscriptionId: null }, { office365SubscriptionExpiration: null }, { office365SubscriptionExpiration: { lt: before } }],
            },
          ],
        },
      ],
    },
    select: rowSelect,
    orderBy: [{ googleChannelExpiration: { sort: "asc", nulls: "first" } }, { office365SubscriptionExpiration: { sort: "asc", nulls: "first" } }],
    take: params.limit,
  });
}

/** The rows of these selected calendars (before they are deleted), with their credentials. */
export function channelRowsWhere(deps: Deps, where: { ids?: string[]; credentialId?: number }): Promise<ChannelRow[]> {
  return deps.db.selectedCalendar.findMany({
    where: {
      ...(where.ids ? { id: { in: where.ids } } : {}),
      ...(where.credentialId === undefined ? {} : { credentialId: where.credentialId }),
      OR: [{ googleChannelId: { not: null } }, { office365SubscriptionId: { not: null } }],
    },
    select: rowSelect,
  });
}

/**
 * Records `next` on the row if it still holds `previous` (the channel the caller read); false when another caller
 * changed it meanwhile (then `next` is the caller's to stop).
 */
export async function saveChannel(deps: Deps, row: ChannelRow, previous: CalendarWatch | null, next: CalendarWatch): Promise<boolean> {
  const google = row.integration === "google_calendar";
  const expectation = google ? { googleChannelId: previous?.id ?? null } : { office365SubscriptionId: previous?.id ?? null };
  const data = google
    ? {
        googleChannelId: next.id,
        googleChannelKind: "api#channel",
        googleChannelResourceId: next.resourceId,
        googleChannelResourceUri: next.resourceUri,
        googleChannelExpiration: String(next.expiresAt),
        notificationsFailedAt: null,
      }
    : { office365SubscriptionId: next.id, office365SubscriptionExpiration: String(next.expiresAt), notificationsFailedAt: null };
  const { count } = await deps.db.selectedCalendar.updateMany({ where: { id: row.id, ...expectation }, data });
  return count === 1;
}

export async function markChannelFailed(deps: Deps, rowId: string): Promise<void> {
  await deps.db.selectedCalendar.updateMany({ where: { id: rowId }, data: { notificationsFailedAt: new Date(deps.now()) } });
}

/** Users whose selected calendars hold this Google channel. */
export async function usersOfGoogleChannel(deps: Deps, channelId: string): Promise<number[]> {
  const rows = await deps.db.selectedCalendar.findMany({ where: { googleChannelId: channelId }, select: { userId: true } });
  return rows.map((row) => row.userId);
}

/** Rows holding these Graph subscriptions. */
export function rowsOfSubscriptions(deps: Deps, subscriptionIds: string[]): Promise<{ id: string; userId: number; office365SubscriptionId: string | null }[]> {
  return deps.db.selectedCalendar.findMany({
    where: { office365SubscriptionId: { in: subscriptionIds } },
    select: { id: true, userId: true, office365SubscriptionId: true },
  });
}
