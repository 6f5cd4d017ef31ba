import type { Deps } from "../services";

/**
 * The live Google Calendar references with this provider event id (Cal.com's lookup by BookingReference.uid,
 * `deleted` unset), each with the credential that wrote it and what deciding access to its booking needs.
 * Several bookings can carry one event id (a reschedule inherits its predecessor's event), hence a list.
 */
export async function findGoogleEventReferences(deps: Deps, eventUid: string) {
  const rows = await deps.db.bookingReference.findMany({
    where: { uid: eventUid, type: "google_calendar", OR: [{ deleted: null }, { deleted: false }] },
    orderBy: { id: "desc" },
    take: 20,
    select: {
      id: true,
      uid: true,
      externalCalendarId: true,
      credential: true,
      booking: {
        select: {
          userId: true,
          user: { select: { id: true, organizationId: true } },
          eventType: { select: { userId: true, teamId: true } },
          hosts: { where: { isOrganizer: false }, select: { userId: true } },
        },
      },
    },
  });
  return rows.map(({ booking, ...reference }) => ({
    ...reference,
    booking: booking && {
      userId: booking.userId,
      user: booking.user,
      coHostIds: booking.hosts.map((host) => host.userId),
      eventType: booking.eventType && { ownerId: booking.eventType.userId, teamId: booking.eventType.teamId },
    },
  }));
}

export type GoogleEventReference = Awaited<ReturnType<typeof findGoogleEventReferences>>[number];
