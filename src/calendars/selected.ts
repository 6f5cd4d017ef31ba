// Selected Calendars (apps/api/v2/src/modules/selected-calendars/*): the user-level calendars checked for
// conflicts. A row is created or deleted for one of the caller's own credentials; the integration and
// externalId are not checked against the provider (as in Cal.com), but the providers only ever query their own
// account's calendars, so a foreign externalId blocks nothing and reaches no other server.
import type { Actor } from "../auth/principal";
import { findUserCredential } from "../credentials/store";
import { notFound } from "../errors";
import type { Deps } from "../services";
import { invalidateConnectedCalendars } from "./connected";
import { channelsToStop, ensureCalendarChannels } from "./notifications/channels";
import { calendarCredentialsNotFound, delegationCredentialNotFound, multipleSelectedCalendars, selectedCalendarNotFound } from "./errors";

export interface SelectedCalendarInput {
  integration: string;
  externalId: string;
  credentialId: number;
  delegationCredentialId?: string;
}

const output = (row: { userId: number; integration: string; externalId: string; credentialId: number | null }) => ({
  userId: row.userId,
  integration: row.integration,
  externalId: row.externalId,
  credentialId: row.credentialId,
});

async function assertCanUse(deps: Deps, actor: Actor, input: SelectedCalendarInput): Promise<void> {
  if (input.delegationCredentialId) {
    const delegation = await deps.db.delegationCredential.findUnique({ where: { id: input.delegationCredentialId }, select: { organizationId: true } });
    if (!delegation) throw delegationCredentialNotFound();
    const member = await deps.db.membership.findFirst({
      where: { teamId: delegation.organizationId, userId: actor.userId, accepted: true },
      select: { id: true },
    });
    if (!member) throw notFound("User is not a member of the organization that owns the Delegation credential");
    return;
  }
  if (!(await findUserCredential(deps, actor.userId, input.credentialId))) throw calendarCredentialsNotFound();
}

/** Adds a user-level selected calendar; an existing one answers no data (Cal.com's `{status}`). */
export async function addSelectedCalendar(deps: Deps, actor: Actor, input: SelectedCalendarInput) {
  await assertCanUse(deps, actor, input);
  const where = { userId: actor.userId, integration: input.integration, externalId: input.externalId, eventTypeId: null };
  // The unique index includes the NULL eventTypeId, which never conflicts in Postgres: check, then insert.
  if (await deps.db.selectedCalendar.findFirst({ where, select: { id: true } })) return null;
  const row = await deps.db.selectedCalendar.create({
    data: { ...where, credentialId: input.credentialId, delegationCredentialId: input.delegationCredentialId ?? null },
  });
  await invalidateConnectedCalendars(deps, actor.userId);
  // A Google / Office 365 calendar gets its change-notification channel (README "Calendars"), after the response.
  deps.afterResponse(ensureCalendarChannels(deps, { userId: actor.userId }));
  return output(row);
}

export async function removeSelectedCalendar(deps: Deps, actor: Actor, input: SelectedCalendarInput) {
  await assertCanUse(deps, actor, input);
  const rows = await deps.db.selectedCalendar.findMany({
    where: { userId: actor.userId, integration: input.integration, externalId: input.externalId, eventTypeId: null },
  });
  if (rows.length === 0) throw selectedCalendarNotFound();
  if (rows.length > 1) throw multipleSelectedCalendars();
  const row = rows[0]!;
  const stopChannels = await channelsToStop(deps, { ids: [row.id] });
  await deps.db.selectedCalendar.deleteMany({ where: { id: row.id } });
  deps.afterResponse(stopChannels());
  // Cal.com clears the cache only on add; a removal must not leave `isSelected: true` for 10 s either.
  await invalidateConnectedCalendars(deps, actor.userId);
  return output(row);
}
