// Storage: Cal.com's VerifiedEmail and VerifiedNumber tables (userId, teamId, email / phoneNumber), unchanged, so a
// Cal.com database carries its verified resources over and the workflows' verifiedEmailId / verifiedPhoneId find them.
import type { Db } from "../services/db";
import type { VerifiedEmail, VerifiedPhone } from "./output";

/**
 * Whose resources: a user's own (rows with the user and no team) or a team's (every row of the team, whoever verified
 * it). Cal.com's user scope filters by userId alone, so addresses a user verified for a team also show up, and are
 * usable, as their own; ours keeps the two apart.
 */
export type Owner = { userId: number; teamId: null } | { userId: number; teamId: number };

const ownerFilter = (owner: Owner) => (owner.teamId === null ? { userId: owner.userId, teamId: null } : { teamId: owner.teamId });
const emailSelect = { id: true, userId: true, teamId: true, email: true } as const;
const phoneSelect = { id: true, userId: true, teamId: true, phoneNumber: true } as const;
const page = (skip: number, take: number) => ({ skip, take, orderBy: { id: "asc" as const } });

export const listEmails = (db: Db, owner: Owner, skip: number, take: number): Promise<VerifiedEmail[]> =>
  db.verifiedEmail.findMany({ where: ownerFilter(owner), select: emailSelect, ...page(skip, take) });

export const listPhones = (db: Db, owner: Owner, skip: number, take: number): Promise<VerifiedPhone[]> =>
  db.verifiedNumber.findMany({ where: ownerFilter(owner), select: phoneSelect, ...page(skip, take) });

export const findEmail = (db: Db, owner: Owner, id: number): Promise<VerifiedEmail | null> =>
  db.verifiedEmail.findFirst({ where: { ...ownerFilter(owner), id }, select: emailSelect });

export const findPhone = (db: Db, owner: Owner, id: number): Promise<VerifiedPhone | null> =>
  db.verifiedNumber.findFirst({ where: { ...ownerFilter(owner), id }, select: phoneSelect });

/**
 * The owner's row for this address, made when missing. Cal.com inserts a row on every successful verification
 * (no unique constraint), so repeated verifications pile up duplicates; we keep one per owner and address.
 */
export async function saveEmail(db: Db, owner: Owner, email: string): Promise<VerifiedEmail> {
  const existing = await db.verifiedEmail.findFirst({ where: { ...ownerFilter(owner), email }, select: emailSelect, orderBy: { id: "asc" } });
  return existing ?? db.verifiedEmail.create({ data: { userId: owner.userId, teamId: owner.teamId, email }, select: emailSelect });
}

export async function savePhone(db: Db, owner: Owner, phoneNumber: string): Promise<VerifiedPhone> {
  const existing = await db.verifiedNumber.findFirst({ where: { ...ownerFilter(owner), phoneNumber }, select: phoneSelect, orderBy: { id: "asc" } });
  return existing ?? db.verifiedNumber.create({ data: { userId: owner.userId, teamId: owner.teamId, phoneNumber }, select: phoneSelect });
}

/** The verifying user's name and locale, for the email. */
export const userForEmail = (db: Db, userId: number) => db.user.findUnique({ where: { id: userId }, select: { username: true, name: true, locale: true } });
