// PUT /v2/destination-calendars (apps/api/v2/src/modules/destination-calendars/*): the calendar bookings are
// written to. Only a writable calendar the caller's connections list can be chosen.
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { getConnectedCalendars, invalidateConnectedCalendars } from "./connected";
import { destinationCalendarNotFound } from "./errors";

export async function updateDestinationCalendar(deps: Deps, actor: Actor, input: { integration: string; externalId: string; delegationCredentialId?: string }) {
  const { connectedCalendars } = await getConnectedCalendars(deps, actor.userId);
  let match: { credentialId: number; primaryEmail: string | null; delegationCredentialId: string | null } | undefined;
  for (const connection of connectedCalendars) {
    if (!("calendars" in connection)) continue;
    const calendar = connection.calendars.find(
      (candidate) =>
        candidate.integration === input.integration &&
        candidate.externalId === input.externalId &&
        candidate.readOnly === false &&
        // A delegation credential is taken only from a calendar listed under it (Cal.com's delegatedCalendar).
        (input.delegationCredentialId === undefined || candidate.delegationCredentialId === input.delegationCredentialId),
    );
    if (calendar) {
      match = { credentialId: calendar.credentialId, primaryEmail: connection.primary.email ?? null, delegationCredentialId: calendar.delegationCredentialId };
      break;
    }
  }
  if (!match) throw destinationCalendarNotFound(input.externalId);
  const data = {
    integration: input.integration,
    externalId: input.externalId,
    credentialId: match.credentialId,
    primaryEmail: match.primaryEmail,
    delegationCredentialId: match.delegationCredentialId,
  };
  const row = await deps.db.destinationCalendar.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, ...data }, update: data });
  await invalidateConnectedCalendars(deps, actor.userId);
  return { userId: actor.userId, integration: row.integration, externalId: row.externalId, credentialId: row.credentialId };
}
