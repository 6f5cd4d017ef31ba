import type { Queryable } from "../services/db";
import type { MemberAssignments, RoutingAttribute } from "./attribute-logic";

// Storage reads of attribute routing: the organization's attributes with their options, and the options assigned
// to the given users through their membership of that organization (AttributeToUser.memberId is the org
// Membership's id, as in Cal.com's getAttributesAssignmentData).

export interface AttributeRoutingData {
  attributes: RoutingAttribute[];
  members: MemberAssignments[];
}

/** The org's attributes and the assignments of `userIds` (each user listed, with no options when none). Two reads. */
export async function loadAttributeRoutingData(db: Queryable, orgId: number, userIds: readonly number[]): Promise<AttributeRoutingData> {
  const [attributes, memberships] = await Promise.all([
    db.attribute.findMany({
      where: { teamId: orgId },
      select: { id: true, type: true, options: { select: { id: true, value: true, isGroup: true, contains: true }, orderBy: { id: "asc" } } },
      orderBy: { id: "asc" },
    }),
    db.membership.findMany({
      where: { teamId: orgId, userId: { in: [...userIds] } },
      select: { userId: true, attributes: { select: { attributeOptionId: true } } },
    }),
  ]);
  const assigned = new Map(memberships.map((membership) => [membership.userId, membership.attributes.map((row) => row.attributeOptionId)]));
  return {
    attributes,
    members: userIds.map((userId) => ({ userId, optionIds: assigned.get(userId) ?? [] })),
  };
}
