// The Calendars routes' domain (apps/api/v2/src/ee/calendars/services/*): busy times, Apple credentials, ICS
// feeds, connection checks and disconnect. Every function takes (deps, actor, input); nothing returns or logs
// a credential key.
import type { Actor } from "../auth/principal";
import {
  createCredential,
  deleteCredential,
  findUserCredential,
  findUserCredentialsOfType,
  publicCredential,
  readCredentialKey,
  type StoredCredential,
  updateCredentialKey,
} from "../credentials/store";
import type { Deps } from "../services";
import { getConnectedCalendars, invalidateConnectedCalendars } from "./connected";
import {
  appleAccountRefused,
  busyTimesUnavailable,
  CHECK_MESSAGES,
  calendarCredentialsNotFound,
  credentialsNotYours,
  eitherTimeZone,
  emptyUsernameOrPassword,
  icsFeedsRefused,
  invalidCalendarType,
  invalidIcsUrl,
} from "./errors";
import { badRequest, unauthorized } from "../errors";
import { channelsToStop } from "./notifications/channels";
import { CalendarProviderError } from "./provider";
import { calendarProviderFor } from "./providers";
import { type CalDavAccountKey, createCalDavClient } from "./providers/caldav";
import { type IcsFeedKey, isFetchableFeedUrl, listIcsFeedCalendars } from "./providers/ics-feed";
import type { BusyTimesInput } from "./schemas";

const HOUR_MS = 3_600_000;

// ---------------------------------------------------------------------------------------------------------
// GET /v2/calendars/busy-times

export interface BusyTime {
  start: string;
  end: string;
  source: string | null;
}

export async function getBusyTimes(deps: Deps, actor: Actor, input: BusyTimesInput): Promise<BusyTime[]> {
  if (!input.timeZone) throw eitherTimeZone();
  const byCredential = new Map<number, string[]>();
  for (const { credentialId, externalId } of input.calendarsToLoad) byCredential.set(credentialId, [...(byCredential.get(credentialId) ?? []), externalId]);
  const credentials: StoredCredential[] = [];
  for (const credentialId of byCredential.keys()) {
    const credential = await findUserCredential(deps, actor.userId, credentialId);
    if (!credential) throw credentialsNotYours();
    credentials.push(credential);
  }
  // Cal.com widens the window by 11 h before and 14 h after (every UTC offset), and answers in UTC.
  const from = new Date(Date.parse(input.dateFrom) - 11 * HOUR_MS);
  const to = new Date(Date.parse(input.dateTo) + 14 * HOUR_MS);
  if (!(from < to)) return [];
  try {
    const results = await Promise.all(
      credentials
        // Invalid credentials are skipped, as in Cal.com's getBusyCalendarTimes.
        .filter((credential) => !credential.invalid)
        .map(async (credential) => {
          const busy = await calendarProviderFor(deps, credential).getBusy(byCredential.get(credential.id) ?? [], from, to);
          return busy.map((interval) => ({ start: interval.start.toISOString(), end: interval.end.toISOString(), source: credential.appId }));
        }),
    );
    return results.flat();
  } catch (error) {
    deps.logger.warn("busy times failed", { error: error instanceof Error ? error.message : String(error) });
    throw busyTimesUnavailable();
  }
}

// ---------------------------------------------------------------------------------------------------------
// POST /v2/calendars/{calendar}/credentials (Apple only; apple-calendar.service.ts)

async function verifyAppleAccount(deps: Deps, key: CalDavAccountKey): Promise<void> {
  try {
    await createCalDavClient(deps.env.APPLE_CALDAV_URL, key).listCalendars();
  } catch (error) {
    // Cal.com interpolates the thrown error ("Error: Invalid credentials: PROPFIND … returned 401 Unauthorized").
    throw appleAccountRefused(error instanceof Error ? `Error: ${error.message}` : String(error));
  }
}

export async function saveCalendarCredentials(deps: Deps, actor: Actor, calendar: string, input: { username: string; password: string }) {
  if (calendar !== "apple") throw invalidCalendarType();
  const { username, password } = input;
  if (username.length <= 1 || password.length <= 1) throw emptyUsernameOrPassword();
  const existing = await findUserCredentialsOfType(deps, actor.userId, "apple_calendar");
  for (const credential of existing) {
    const key = await readCredentialKey<CalDavAccountKey>(deps, credential).catch(() => null);
    if (key?.username !== username) continue;
    if (key.password === password && !credential.invalid) return;
    // Cal.com stores a changed password without asking the server; here it is verified first, so a typo
    // cannot silently break a working connection.
    await verifyAppleAccount(deps, { username, password });
    await updateCredentialKey(deps, credential, { username, password });
    await invalidateConnectedCalendars(deps, actor.userId);
    return;
  }
  await verifyAppleAccount(deps, { username, password });
  await createCredential(deps, { type: "apple_calendar", userId: actor.userId, key: { username, password } });
  await invalidateConnectedCalendars(deps, actor.userId);
}

// ---------------------------------------------------------------------------------------------------------
// GET /v2/calendars/{calendar}/check and /v2/calendars/ics-feed/check

async function checkConnection(deps: Deps, actor: Actor, messages: (typeof CHECK_MESSAGES)[keyof typeof CHECK_MESSAGES]): Promise<void> {
  const [credential] = await findUserCredentialsOfType(deps, actor.userId, messages.type);
  if (!credential) throw badRequest(messages.missing);
  if (credential.invalid) throw badRequest(messages.invalid);
  const { connectedCalendars } = await getConnectedCalendars(deps, actor.userId);
  const connection = connectedCalendars.find((candidate) => candidate.integration.type === messages.type);
  if (!connection) throw unauthorized(messages.notConnected);
  if ("error" in connection) throw unauthorized(connection.error.message);
}

export async function checkCalendar(deps: Deps, actor: Actor, calendar: string): Promise<void> {
  if (calendar !== "google" && calendar !== "office365" && calendar !== "apple") throw invalidCalendarType();
  await checkConnection(deps, actor, CHECK_MESSAGES[calendar]);
}

export const checkIcsFeed = (deps: Deps, actor: Actor) => checkConnection(deps, actor, CHECK_MESSAGES["ics-feed"]);

// ---------------------------------------------------------------------------------------------------------
// POST /v2/calendars/{calendar}/disconnect

export async function disconnectCalendar(deps: Deps, actor: Actor, _calendar: string, credentialId: number) {
  // Cal.com does not compare `:calendar` with the credential's type; neither does this (same answers).
  const credential = await findUserCredential(deps, actor.userId, credentialId);
  if (!credential) throw calendarCredentialsNotFound();
  const stopChannels = await channelsToStop(deps, { credentialId: credential.id });
  await deleteCredential(deps, credential.id);
  await invalidateConnectedCalendars(deps, actor.userId);
  deps.afterResponse(stopChannels());
  return publicCredential(credential);
}

// ---------------------------------------------------------------------------------------------------------
// POST /v2/calendars/ics-feed/save (ics-feed.service.ts)

// create-ics.input.ts: http URLs, or https ones whose path ends in .ics.
function isIcsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || (url.protocol === "https:" && url.pathname.endsWith(".ics"));
  } catch {
    return false;
  }
}

export async function saveIcsFeed(deps: Deps, actor: Actor, input: { urls: string[]; readOnly?: boolean; read_only?: boolean }) {
  if (!input.urls.every(isIcsUrl)) throw invalidIcsUrl();
  const key: IcsFeedKey = { urls: input.urls, skipWriting: input.readOnly ?? input.read_only ?? true };
  // Internal addresses are refused like an unreachable feed (Cal.com fetches any URL from its server).
  if (!key.urls.every((url) => isFetchableFeedUrl(deps, url))) throw icsFeedsRefused();
  try {
    const calendars = await listIcsFeedCalendars(deps, key.urls);
    if (calendars.length !== key.urls.length)
      throw new CalendarProviderError(`Listed cals and URLs mismatch: ${calendars.length} vs. ${key.urls.length}`, "unavailable");
  } catch {
    throw icsFeedsRefused();
  }
  // One ICS credential per user (Cal.com's upsertAppCredential).
  const [existing] = await findUserCredentialsOfType(deps, actor.userId, "ics-feed_calendar");
  const credential = existing
    ? await updateCredentialKey(deps, existing, key)
    : await createCredential(deps, { type: "ics-feed_calendar", userId: actor.userId, key });
  await invalidateConnectedCalendars(deps, actor.userId);
  return publicCredential(credential);
}
