import { createHost, type Host } from "./bookings";
import { createTeam, createTeamEventTypeRow, sql, type TeamFixture } from "./fixtures";

// Team bookings' tests: a team of hosts (users with a default Mon-Fri 09:00-17:00 UTC schedule), made straight
// in the database (the teams HTTP API is not needed), and the hosts a booking holds, read with SQL.

export interface TeamWithHosts {
  team: TeamFixture;
  /** Ascending user id: the order the slots loader lists a team event type's hosts in. */
  hosts: Host[];
}

/** `count` hosts; the first owns the team, the others are accepted members. */
export async function createTeamWithHosts(count: number): Promise<TeamWithHosts> {
  const hosts = (await Promise.all(Array.from({ length: count }, () => createHost()))).sort((a, b) => a.userId - b.userId);
  const team = await createTeam({ owners: [hosts[0]!], members: hosts.slice(1) });
  return { team, hosts };
}

/** A booking's BookingHost rows (user id, organizer flag, status), organizer first. */
export const bookingHostRows = (uid: string) =>
  sql<{ userId: number; isOrganizer: boolean; status: string }>`
    SELECT bh."userId", bh."isOrganizer", bh."status"::text AS status
    FROM "BookingHost" bh JOIN "Booking" b ON b."id" = bh."bookingId"
    WHERE b."uid" = ${uid} ORDER BY bh."isOrganizer" DESC, bh."userId"`;

/** Every pair of overlapping accepted BookingHost rows of one host among `userIds` (must always be empty). */
export const overlappingHostRows = (userIds: number[]) =>
  sql<{ userId: number }>`
    SELECT a."userId" FROM "BookingHost" a JOIN "BookingHost" b
      ON a."userId" = b."userId" AND a."bookingId" < b."bookingId"
     AND a."startTime" < b."endTime" AND b."startTime" < a."endTime"
    WHERE a."status" = 'accepted' AND b."status" = 'accepted' AND a."userId" = ANY(${userIds}::int[])`;

/** A team event type hosted by every host of the team (round-robin hosts not fixed, collective ones fixed). */
export const createEventTypeForAllHosts = (
  { team, hosts }: TeamWithHosts,
  schedulingType: "ROUND_ROBIN" | "COLLECTIVE",
  fields: Record<string, unknown> = {},
): Promise<{ id: number; slug: string }> =>
  createTeamEventTypeRow(
    team.teamId,
    schedulingType,
    hosts.map((h) => ({ userId: h.userId })),
    fields,
  );
