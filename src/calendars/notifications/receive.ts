// The receivers of change notifications (routes/internal/calendar-notifications/*). Not part of Cal.com's API
// contract: public, rate-limited per client IP like every unauthenticated call, and verified before anything is
// read or moved. A verified notification moves the hosts' calendarsVersion (invalidateCalendarBusy, the path our
// own calendar writes take), so the next slot lookup reads the provider instead of a cached answer.
import { digestsEqual } from "../../crypto";
import type { Deps } from "../../services";
import { invalidateCalendarBusy } from "../availability";
import { calendarNotificationRefused, calendarNotificationsOff } from "../errors";
import { googleChannelToken, notificationSettings, office365ClientState } from "./channels";
import { rowsOfSubscriptions, usersOfGoogleChannel } from "./store";

export interface GoogleNotification {
  channelId: string;
  resourceState: string;
  token: string | undefined;
}

/**
 * Google's push (headers only): the channel token must be ours for that channel id (403 otherwise, nothing read).
 * `sync` (sent once when a channel starts) changes nothing; every other state invalidates the watching users.
 */
export async function receiveGoogleNotification(deps: Deps, notification: GoogleNotification): Promise<void> {
  const settings = notificationSettings(deps, "google_calendar");
  if (!settings) throw calendarNotificationsOff();
  const expected = await googleChannelToken(settings.secret, notification.channelId);
  if (!notification.token || !digestsEqual(notification.token, expected)) throw calendarNotificationRefused();
  if (notification.resourceState === "sync") return;
  const userIds = await usersOfGoogleChannel(deps, notification.channelId);
  if (userIds.length === 0) {
    // A channel we replaced or stopped that Google still uses until it expires.
    deps.logger.info("calendar notification for an unknown channel", { provider: "google" });
    return;
  }
  await invalidateCalendarBusy(deps, userIds);
}

/** Graph's subscription handshake: the token to echo as text/plain (only while Graph notifications are configured). */
export function office365ValidationAnswer(deps: Deps, validationToken: string): string {
  if (!notificationSettings(deps, "office365_calendar")) throw calendarNotificationsOff();
  return validationToken;
}

export interface Office365Notification {
  subscriptionId: string;
  clientState?: string | undefined;
}

/**
 * Graph's change notifications (a batch): every item of a subscription we hold must carry that subscription's
 * clientState, or the whole batch is refused (403) and nothing is invalidated. Items of subscriptions we no
 * longer hold are ignored.
 */
export async function receiveOffice365Notifications(deps: Deps, items: readonly Office365Notification[]): Promise<void> {
  const settings = notificationSettings(deps, "office365_calendar");
  if (!settings) throw calendarNotificationsOff();
  const rows = await rowsOfSubscriptions(deps, [...new Set(items.map((item) => item.subscriptionId))]);
  const userIds: number[] = [];
  for (const item of items) {
    const row = rows.find((candidate) => candidate.office365SubscriptionId === item.subscriptionId);
    if (!row) continue;
    const expected = await office365ClientState(settings.secret, row.id);
    if (!item.clientState || !digestsEqual(item.clientState, expected)) throw calendarNotificationRefused();
    userIds.push(row.userId);
  }
  if (userIds.length === 0) {
    if (items.length > 0) deps.logger.info("calendar notification for an unknown channel", { provider: "office365" });
    return;
  }
  await invalidateCalendarBusy(deps, userIds);
}
