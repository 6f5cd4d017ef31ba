// A user's busy time from their connected calendars, for availability and booking checks (Cal.com's
// getBusyCalendarTimes via CalendarManager.getBusyCalendarTimes): every calendar credential that is not
// `invalid` is asked for its *selected* calendars only. A credential with no selected calendar blocks nothing
// (Apple and ICS connections select nothing until the user does). Provider failures throw, so callers fail
// closed (Cal.com's default; its atoms can opt into ignoring them).
import { listUserCalendarCredentials } from "../credentials/store";
import type { Deps } from "../services";
import type { BusyInterval } from "./provider";
import { calendarProviderFor, hasCalendarProvider } from "./providers";

export interface SourcedBusyInterval extends BusyInterval {
  /** The credential's app slug (e.g. "apple-calendar"), as busy-times' `source`. */
  source: string | null;
}

/**
 * Busy intervals of the user's selected calendars overlapping [from, to). `eventTypeId` reads the event type's
 * own selection (Cal.com's event-level selected calendars) instead of the user-level one.
 */
export async function busyTimesOfUser(
  deps: Deps,
  userId: number,
  from: Date,
  to: Date,
  options: { eventTypeId?: number } = {},
): Promise<SourcedBusyInterval[]> {
  const [credentials, selected] = await Promise.all([
    listUserCalendarCredentials(deps, userId),
    deps.db.selectedCalendar.findMany({
      where: { userId, eventTypeId: options.eventTypeId ?? null },
      select: { integration: true, externalId: true, credentialId: true },
    }),
  ]);
  const results = await Promise.all(
    credentials
      .filter((credential) => !credential.invalid && hasCalendarProvider(credential.type))
      .map(async (credential) => {
        // A selection names its credential; rows from before credentialId existed match by integration.
        const externalIds = selected
          .filter((row) => (row.credentialId === null ? row.integration === credential.type : row.credentialId === credential.id))
          .map((row) => row.externalId);
        if (externalIds.length === 0) return [];
        const busy = await calendarProviderFor(deps, credential).getBusy(externalIds, from, to);
        return busy.map((interval) => ({ ...interval, source: credential.appId }));
      }),
  );
  return results.flat().sort((a, b) => a.start.getTime() - b.start.getTime());
}
