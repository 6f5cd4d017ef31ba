import type { Prisma } from "../generated/prisma/client";
import type { Queryable } from "../services/db";
import { type OooRow, oooSelect } from "./output";

// Storage of OutOfOfficeEntry rows (v2/modules/ooo/repositories/ooo.repository.ts and the org repository).
// Every change of a row moves its user's SlotsVersion through a database trigger, so cached slot answers of
// the user's event types go stale at once.

export type OooSort = { sortStart?: "asc" | "desc"; sortEnd?: "asc" | "desc" };

/** Cal.com spreads `orderBy: {start}` then `orderBy: {end}`, so with both the end order wins; id breaks ties here. */
const orderOf = (sort: OooSort): Prisma.OutOfOfficeEntryOrderByWithRelationInput[] => [
  ...(sort.sortEnd ? [{ end: sort.sortEnd }] : sort.sortStart ? [{ start: sort.sortStart }] : []),
  { id: "asc" as const },
];

export function listOooRows(db: Queryable, where: Prisma.OutOfOfficeEntryWhereInput, page: { skip: number; take: number; sort: OooSort }): Promise<OooRow[]> {
  return db.outOfOfficeEntry.findMany({ where, skip: page.skip, take: page.take, orderBy: orderOf(page.sort), select: oooSelect });
}

/** IsUserOOO's lookup: the entry, only if it is the user's. */
export function findUserOooRow(db: Queryable, userId: number, oooId: number): Promise<OooRow | null> {
  return db.outOfOfficeEntry.findFirst({ where: { id: oooId, userId }, select: oooSelect });
}

/** Cal.com's findExistingOooRedirect: an entry overlapping [start, end] that redirects to `userId` (from `toUserId`, if given). */
export async function findRedirectToUser(db: Queryable, userId: number, range: { start: Date; end: Date }, toUserId?: number): Promise<boolean> {
  const row = await db.outOfOfficeEntry.findFirst({
    where: { toUserId: userId, ...(toUserId ? { userId: toUserId } : {}), start: { lte: range.end }, end: { gte: range.start } },
    select: { id: true },
  });
  return row !== null;
}

/** The user's entries overlapping [start, end] (other than `exceptId`), identical ones first. */
export function findOverlappingOoo(
  db: Queryable,
  userId: number,
  range: { start: Date; end: Date },
  exceptId?: number,
): Promise<{ id: number; start: Date; end: Date }[]> {
  return db.outOfOfficeEntry.findMany({
    where: { userId, start: { lte: range.end }, end: { gte: range.start }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, start: true, end: true },
    orderBy: { id: "asc" },
    take: 10,
  });
}

/** Cal.com's findUserOOORedirectEligible: `toUserId` is in a team (or organization) where `userId` is an accepted member. */
export async function isRedirectEligible(db: Queryable, userId: number, toUserId: number): Promise<boolean> {
  const row = await db.user.findFirst({
    where: { id: toUserId, memberships: { some: { team: { members: { some: { userId, accepted: true } } } } } },
    select: { id: true },
  });
  return row !== null;
}

export interface OooWrite {
  start?: Date;
  end?: Date;
  notes?: string;
  toUserId?: number;
  reasonId?: number;
}

export function createOooRow(db: Queryable, userId: number, data: OooWrite & { start: Date; end: Date }): Promise<OooRow> {
  return db.outOfOfficeEntry.create({ data: { ...data, userId, uuid: crypto.randomUUID() }, select: oooSelect });
}

export function updateOooRow(db: Queryable, oooId: number, data: OooWrite): Promise<OooRow> {
  return db.outOfOfficeEntry.update({ where: { id: oooId }, data, select: oooSelect });
}

export function deleteOooRow(db: Queryable, oooId: number): Promise<OooRow> {
  return db.outOfOfficeEntry.delete({ where: { id: oooId }, select: oooSelect });
}
