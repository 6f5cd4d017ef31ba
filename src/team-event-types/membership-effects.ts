import type { Queryable } from "../services/db";
import { addChildrenForNewMember } from "./managed";

// What a team's event types do when its membership changes (Cal.com: updateNewTeamMemberEventTypes in
// packages/features/ee/teams/lib/queries.ts, TeamService.removeMembers in features/ee/teams/services/teamService.ts).
// Called by the memberships service inside the transaction that changes the membership, so both commit together.

/**
 * A membership became accepted (created accepted, or PATCHed false → true): the member joins every
 * `assignAllTeamMembers` event type of the team as a host (fixed on collective ones, priority medium).
 * Managed event types assigned to all members give the member a child instead (./managed.ts).
 */
export async function onMembershipAccepted(db: Queryable, teamId: number, userId: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "Host" ("userId", "eventTypeId", "isFixed", "priority")
    SELECT ${userId}, et."id", et."schedulingType" = 'collective', 2
    FROM "EventType" et
    WHERE et."teamId" = ${teamId} AND et."assignAllTeamMembers"
      AND et."schedulingType" IN ('collective', 'roundRobin')
    ON CONFLICT ("userId", "eventTypeId") DO NOTHING`;
  await addChildrenForNewMember(db, teamId, userId);
}

/**
 * A member left the team (or was removed): they stop hosting the team's event types and lose their managed
 * children of the team's managed event types. Their bookings are kept (Cal.com keeps them too).
 */
export async function onMembershipRemoved(db: Queryable, teamId: number, userId: number): Promise<void> {
  await db.$executeRaw`
    DELETE FROM "Host" h USING "EventType" et
    WHERE h."eventTypeId" = et."id" AND et."teamId" = ${teamId} AND h."userId" = ${userId}`;
  await db.$executeRaw`
    DELETE FROM "EventType" child USING "EventType" parent
    WHERE child."parentId" = parent."id" AND parent."teamId" = ${teamId} AND child."userId" = ${userId}`;
}

/**
 * A member left the organization: as onMembershipRemoved for the organization's own event types and those of
 * every team of the organization (Cal.com's removeFromOrganization), in two statements whatever the number of teams.
 */
export async function onOrganizationMembershipRemoved(db: Queryable, organizationId: number, userId: number): Promise<void> {
  await db.$executeRaw`
    DELETE FROM "Host" h USING "EventType" et, "Team" t
    WHERE h."eventTypeId" = et."id" AND et."teamId" = t."id" AND (t."id" = ${organizationId} OR t."parentId" = ${organizationId})
      AND h."userId" = ${userId}`;
  await db.$executeRaw`
    DELETE FROM "EventType" child USING "EventType" parent, "Team" t
    WHERE child."parentId" = parent."id" AND parent."teamId" = t."id" AND (t."id" = ${organizationId} OR t."parentId" = ${organizationId})
      AND child."userId" = ${userId}`;
}
