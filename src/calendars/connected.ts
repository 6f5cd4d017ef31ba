// GET /v2/calendars: the caller's connected calendars and destination calendar, as Cal.com's
// getConnectedDestinationCalendarsAndEnsureDefaultsInDb (packages/features/calendars/lib/
// getConnectedDestinationCalendars.ts + CalendarManager.getConnectedCalendars) computes them, including its
// writes on read: the DestinationCalendar is deleted when nothing is connected, created from the first
// connection's primary when missing, and moved to that primary when its calendar is no longer listed.
// Cached in Redis for 10 s per user (apps/api/v2/src/ee/calendars/services/calendars-cache.service.ts); every
// write that changes the answer clears it.
import type { DestinationCalendar } from "../generated/prisma/client";
import { listUserCalendarCredentials, type StoredCredential } from "../credentials/store";
import type { Deps } from "../services";
import { calendarAppMetadata, integrationTitle } from "./apps";
import { type CalendarProvider, CalendarProviderError, type ProviderCalendar } from "./provider";
import { calendarProviderFor } from "./providers";

export interface ConnectedCalendarEntry {
  externalId: string;
  integration: string;
  name: string;
  primary: true | null;
  readOnly: boolean;
  email?: string;
  isSelected: boolean;
  credentialId: number;
  delegationCredentialId: string | null;
}

export type Connection =
  | {
      integration: ReturnType<typeof calendarAppMetadata>;
      credentialId: number;
      delegationCredentialId: string | null;
      primary: ConnectedCalendarEntry;
      calendars: ConnectedCalendarEntry[];
    }
  | { integration: ReturnType<typeof calendarAppMetadata>; credentialId: number; error: { message: string } };

export interface ConnectedCalendars {
  connectedCalendars: Connection[];
  destinationCalendar: Record<string, unknown>;
}

const CACHE_TTL_SECONDS = 10;
const cacheKey = (userId: number) => `apiv2:user:${userId}:calendars`;

/** Drops the cached answer (Cal.com: disconnect, destination update, selected-calendar add, OAuth save). */
export async function invalidateConnectedCalendars(deps: Deps, userId: number): Promise<void> {
  await deps.redis?.del(cacheKey(userId)).catch(() => undefined);
}

function connectionError(error: unknown): string {
  if (error instanceof CalendarProviderError) {
    if (error.kind === "unsupported") return "Could not get calendar instance";
    // Cal.com answers invalid_grant with this message (CalendarManager.ts); a refused password is the same case.
    if (error.kind === "invalid_credentials") return "Access token expired or revoked";
  }
  return "Could not get connected calendars";
}

async function connectionOf(deps: Deps, credential: StoredCredential, selectedExternalIds: ReadonlySet<string>): Promise<Connection> {
  const integration = calendarAppMetadata(credential.type, credential.appId);
  let provider: CalendarProvider;
  let listed: ProviderCalendar[];
  try {
    provider = calendarProviderFor(deps, credential);
    listed = await provider.listCalendars();
  } catch (error) {
    return { integration, credentialId: credential.id, error: { message: connectionError(error) } };
  }
  const calendars: ConnectedCalendarEntry[] = listed.map((calendar) => ({
    externalId: calendar.externalId,
    integration: credential.type,
    name: calendar.name,
    primary: calendar.primary ? true : null,
    readOnly: calendar.readOnly,
    ...(calendar.email ? { email: calendar.email } : {}),
    isSelected: selectedExternalIds.has(calendar.externalId),
    credentialId: credential.id,
    delegationCredentialId: credential.delegationCredentialId,
  }));
  // Cal.com sorts primaries first; the connection's primary is the provider's, else the first calendar.
  calendars.sort((a, b) => Number(Boolean(b.primary)) - Number(Boolean(a.primary)));
  const primary = calendars.find((calendar) => calendar.primary) ?? calendars[0];
  if (!primary) return { integration, credentialId: credential.id, error: { message: "No primary calendar found" } };
  return { integration, credentialId: credential.id, delegationCredentialId: credential.delegationCredentialId, primary, calendars };
}

/** Every connection of the user, listed from the providers (no cache, no destination repair). */
export async function listConnections(deps: Deps, userId: number): Promise<Connection[]> {
  const [credentials, selected] = await Promise.all([
    listUserCalendarCredentials(deps, userId),
    deps.db.selectedCalendar.findMany({ where: { userId, eventTypeId: null }, select: { externalId: true } }),
  ]);
  const selectedExternalIds = new Set(selected.map((row) => row.externalId));
  return Promise.all(credentials.map((credential) => connectionOf(deps, credential, selectedExternalIds)));
}

const listedCalendars = (connections: Connection[]) => connections.flatMap((connection) => ("calendars" in connection ? connection.calendars : []));

async function ensureDestination(deps: Deps, userId: number, connections: Connection[]): Promise<DestinationCalendar | null> {
  const current = await deps.db.destinationCalendar.findUnique({ where: { userId } });
  if (connections.length === 0) {
    if (current) await deps.db.destinationCalendar.deleteMany({ where: { userId } });
    return null;
  }
  const firstPrimary = connections.find((connection) => "primary" in connection);
  if (!firstPrimary || !("primary" in firstPrimary)) return current;
  const primary = firstPrimary.primary;
  const data = { integration: primary.integration, externalId: primary.externalId, credentialId: primary.credentialId, primaryEmail: primary.email ?? null };
  if (!current) return deps.db.destinationCalendar.upsert({ where: { userId }, create: { userId, ...data }, update: {} });
  const stillListed = listedCalendars(connections).some(
    (calendar) => calendar.externalId === current.externalId && calendar.integration === current.integration,
  );
  // Unlike Cal.com, a destination whose connection failed to list (a transient provider error) is kept: only a
  // calendar that its own, working connection no longer lists is replaced.
  const ownConnectionFailed = connections.some((connection) => "error" in connection && connection.credentialId === current.credentialId);
  if (stillListed || ownConnectionFailed) return current;
  return deps.db.destinationCalendar.update({ where: { userId }, data });
}

function destinationOutput(destination: DestinationCalendar | null, connections: Connection[]): Record<string, unknown> {
  if (!destination) return {};
  const calendar = listedCalendars(connections).find(
    (candidate) => candidate.externalId === destination.externalId && candidate.integration === destination.integration,
  );
  const { createdAt, updatedAt, ...row } = destination;
  return {
    ...row,
    ...(createdAt ? { createdAt: createdAt.toISOString() } : {}),
    ...(updatedAt ? { updatedAt: updatedAt.toISOString() } : {}),
    ...(calendar
      ? { name: calendar.name, primary: calendar.primary === true, readOnly: calendar.readOnly, ...(calendar.email ? { email: calendar.email } : {}) }
      : {}),
    primaryEmail: destination.primaryEmail ?? calendar?.email ?? null,
    integrationTitle: integrationTitle(destination.integration),
  };
}

export async function getConnectedCalendars(deps: Deps, userId: number): Promise<ConnectedCalendars> {
  const cached = await deps.redis?.get<ConnectedCalendars>(cacheKey(userId)).catch(() => null);
  if (cached) return cached;
  const connections = await listConnections(deps, userId);
  const destination = await ensureDestination(deps, userId, connections);
  const result = { connectedCalendars: connections, destinationCalendar: destinationOutput(destination, connections) };
  await deps.redis?.set(cacheKey(userId), result, { ex: CACHE_TTL_SECONDS }).catch(() => undefined);
  return result;
}
