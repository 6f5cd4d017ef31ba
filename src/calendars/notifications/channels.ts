// Change notifications of connected calendars: a Google push channel (events.watch) or a Microsoft Graph
// subscription (me/calendars/{id}/events) per selected Google / Office 365 calendar, so a change made outside Cal.com
// moves the host's calendarsVersion at once (./receive.ts) instead of waiting out the busy-time freshness bound.
//
// - Made right after a calendar is selected (best effort, after the response) and by the 10-minute cron for every
//   selected calendar without a live channel (connect, a failed first attempt, rows selected by Cal.com itself).
// - Renewed by the cron when less than RENEW_BEFORE_MS is left: Graph's subscription is extended in place (PATCH);
//   Google's cannot be, so a new channel is made and the old one stopped.
// - Stopped when the calendar is unselected or its credential disconnected (best effort; a channel we forget about
//   expires on its own, and its notifications are answered and ignored).
// - Each channel's token (Google) / clientState (Graph) is an HMAC of the channel under GOOGLE_WEBHOOK_TOKEN /
//   MICROSOFT_WEBHOOK_TOKEN, so one leaked token names one channel. Without the URL and token settings, nothing is
//   made. A failed attempt is recorded and retried by the cron after RETRY_FAILED_AFTER_MS.
import type { Deps } from "../../services";
import { hmacSha256Hex } from "../../webhooks/signature";
import { type CalendarWatch, CalendarProviderError } from "../provider";
import { calendarProviderFor } from "../providers";
import { type ChannelRow, channelOf, channelRowsWhere, markChannelFailed, rowsNeedingChannels, saveChannel, type WatchedType } from "./store";

const DAY_MS = 86_400_000;
/** Asked lifetimes: Google allows about a week for events channels; Graph at most 10 080 minutes for events. */
const GOOGLE_CHANNEL_TTL_MS = 7 * DAY_MS;
const OFFICE365_SUBSCRIPTION_TTL_MS = 3 * DAY_MS;
export const RENEW_BEFORE_MS = DAY_MS;
const RETRY_FAILED_AFTER_MS = 3_600_000;
const CRON_BATCH = 50;

export const GOOGLE_NOTIFICATIONS_PATH = "/internal/calendar-notifications/google";
export const OFFICE365_NOTIFICATIONS_PATH = "/internal/calendar-notifications/office365";

interface NotificationSettings {
  address: string;
  secret: string;
}

/** The receiver URL and secret of a type, or null when change notifications of that type are off. */
export function notificationSettings(deps: Deps, type: WatchedType): NotificationSettings | null {
  const [url, secret, path] =
    type === "google_calendar"
      ? [deps.env.GOOGLE_WEBHOOK_URL, deps.env.GOOGLE_WEBHOOK_TOKEN, GOOGLE_NOTIFICATIONS_PATH]
      : [deps.env.MICROSOFT_WEBHOOK_URL, deps.env.MICROSOFT_WEBHOOK_TOKEN, OFFICE365_NOTIFICATIONS_PATH];
  return url && secret ? { address: `${url.replace(/\/$/, "")}${path}`, secret } : null;
}

const enabledTypes = (deps: Deps): WatchedType[] =>
  (["google_calendar", "office365_calendar"] as const).filter((type) => notificationSettings(deps, type) !== null);

/** Google's channel token: an HMAC of the channel id. */
export const googleChannelToken = (secret: string, channelId: string) => hmacSha256Hex(secret, `google-channel:${channelId}`);
/** Graph's clientState: an HMAC of the selected calendar's row id (Graph chooses the subscription id). */
export const office365ClientState = (secret: string, rowId: string) => hmacSha256Hex(secret, `office365-subscription:${rowId}`);

async function stopQuietly(deps: Deps, row: ChannelRow, watch: CalendarWatch): Promise<void> {
  if (!row.credential) return;
  try {
    await calendarProviderFor(deps, row.credential).unwatch?.(watch);
  } catch (error) {
    deps.logger.warn("calendar channel not stopped", { selectedCalendarId: row.id, kind: error instanceof CalendarProviderError ? error.kind : "error" });
  }
}

/** Makes or renews the channel of one row; answers what happened. */
async function ensureChannel(deps: Deps, row: ChannelRow, settings: NotificationSettings): Promise<"watched" | "renewed" | "failed"> {
  if (!row.credential) return "failed";
  const provider = calendarProviderFor(deps, row.credential);
  const previous = channelOf(row);
  try {
    if (row.integration === "office365_calendar") {
      const expiresAt = deps.now() + OFFICE365_SUBSCRIPTION_TTL_MS;
      if (previous && previous.expiresAt > deps.now() && provider.renewWatch) {
        try {
          const renewed = await provider.renewWatch(previous, expiresAt);
          await saveChannel(deps, row, previous, renewed);
          return "renewed";
        } catch (error) {
          if (!(error instanceof CalendarProviderError && error.kind === "not_found")) throw error;
        }
      }
      const secret = await office365ClientState(settings.secret, row.id);
      const next = await provider.watch!(row.externalId, { id: row.id, address: settings.address, secret, expiresAt });
      if (!(await saveChannel(deps, row, previous, next))) await stopQuietly(deps, row, next);
      else if (previous) await stopQuietly(deps, row, previous);
      return previous ? "renewed" : "watched";
    }
    const id = crypto.randomUUID();
    const next = await provider.watch!(row.externalId, {
      id,
      address: settings.address,
      secret: await googleChannelToken(settings.secret, id),
      expiresAt: deps.now() + GOOGLE_CHANNEL_TTL_MS,
    });
    if (!(await saveChannel(deps, row, previous, next))) await stopQuietly(deps, row, next);
    else if (previous) await stopQuietly(deps, row, previous);
    return previous ? "renewed" : "watched";
  } catch (error) {
    await markChannelFailed(deps, row.id).catch(() => undefined);
    deps.logger.warn("calendar channel not made", {
      selectedCalendarId: row.id,
      type: row.integration,
      credentialId: row.credential.id,
      kind: error instanceof CalendarProviderError ? error.kind : "error",
    });
    return "failed";
  }
}

/**
 * Makes or renews the channels that need it: one user's (after a selection) or, from the cron, up to a batch of
 * everyone's. Never throws.
 */
export async function ensureCalendarChannels(deps: Deps, options: { userId?: number } = {}): Promise<{ watched: number; renewed: number; failed: number }> {
  const result = { watched: 0, renewed: 0, failed: 0 };
  const types = enabledTypes(deps);
  if (types.length === 0) return result;
  try {
    const rows = await rowsNeedingChannels(deps, {
      types,
      renewBefore: deps.now() + RENEW_BEFORE_MS,
      failedBefore: new Date(deps.now() - (options.userId === undefined ? RETRY_FAILED_AFTER_MS : 0)),
      userId: options.userId,
      limit: CRON_BATCH,
    });
    for (const row of rows) {
      const settings = notificationSettings(deps, row.integration as WatchedType);
      if (settings) result[await ensureChannel(deps, row, settings)] += 1;
    }
  } catch (error) {
    deps.logger.error("calendar channels not checked", { message: error instanceof Error ? error.message : String(error) });
  }
  return result;
}

/**
 * Before selected calendars are deleted (unselected, or their credential disconnected): reads their channels, and
 * answers the work that stops them at the provider, to run after the rows are gone (it holds the credential).
 */
export async function channelsToStop(deps: Deps, where: { ids?: string[]; credentialId?: number }): Promise<() => Promise<void>> {
  const rows = await channelRowsWhere(deps, where).catch(() => [] as ChannelRow[]);
  return async () => {
    for (const row of rows) {
      const watch = channelOf(row);
      if (watch) await stopQuietly(deps, row, watch);
    }
  };
}
