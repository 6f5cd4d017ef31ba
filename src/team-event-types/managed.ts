import { Prisma, type EventType } from "../generated/prisma/client";
import type { Queryable } from "../services/db";

// Managed event types (Cal.com's handleChildrenEventTypes): the team's parent is a template with no hosts; each
// assigned member gets a child, a personal event type (userId = member, parentId = parent, no team, no
// scheduling type) carrying the parent's locked fields. `locations`, `scheduleId` and `hidden` are the child's
// own: set when it is created, never overwritten by the parent's updates.

// Columns that say whose the event type is and how a team hosts it: never copied.
const OWN_COLUMNS = ["id", "userId", "teamId", "parentId", "schedulingType", "assignAllTeamMembers", "isRRWeightsEnabled", "position"] as const;
// Columns a child keeps as its own once created.
const UNLOCKED_COLUMNS = ["locations", "scheduleId", "hidden"] as const;
const JSON_COLUMNS = ["locations", "bookingFields", "bookerLayouts", "eventTypeColor", "calVideoSettings", "metadata"] as const;

type ChildColumns = Omit<Prisma.EventTypeUncheckedCreateInput, "userId">;

/** The parent's columns as a child's (JSON nulls as database NULL, as Prisma wants them written). */
function lockedColumns(parent: EventType, keepUnlocked: boolean): ChildColumns {
  const columns: Record<string, unknown> = { ...parent };
  for (const key of OWN_COLUMNS) delete columns[key];
  if (!keepUnlocked) for (const key of UNLOCKED_COLUMNS) delete columns[key];
  for (const key of JSON_COLUMNS) if (key in columns && columns[key] === null) columns[key] = Prisma.DbNull;
  return columns as ChildColumns;
}

/**
 * Gives `userId` a child of `parent` unless they have one. Their personal event type with the parent's slug is
 * deleted first, as Cal.com does (the child takes the slug).
 */
export async function addManagedChild(db: Queryable, parent: EventType, userId: number): Promise<void> {
  const existing = await db.eventType.findFirst({ where: { parentId: parent.id, userId }, select: { id: true } });
  if (existing) return;
  await db.eventType.deleteMany({ where: { userId, slug: parent.slug } });
  await db.eventType.create({ data: { ...lockedColumns(parent, true), hidden: false, userId, parentId: parent.id } });
}

/**
 * After the parent changed: with `ownerIds`, children of anyone else are deleted and the new owners get one;
 * every remaining child takes the parent's locked fields.
 */
export async function syncManagedChildren(db: Queryable, parentId: number, ownerIds: number[] | undefined): Promise<void> {
  const parent = await db.eventType.findUniqueOrThrow({ where: { id: parentId } });
  if (ownerIds) {
    await db.eventType.deleteMany({ where: { parentId, userId: { notIn: ownerIds } } });
    for (const userId of ownerIds) await addManagedChild(db, parent, userId);
  }
  await db.eventType.updateMany({ where: { parentId }, data: lockedColumns(parent, false) });
}

/** A member joined the team: they get a child of every managed event type assigned to all members. */
export async function addChildrenForNewMember(db: Queryable, teamId: number, userId: number): Promise<void> {
  const parents = await db.eventType.findMany({ where: { teamId, schedulingType: "MANAGED", assignAllTeamMembers: true } });
  for (const parent of parents) await addManagedChild(db, parent, userId);
}
