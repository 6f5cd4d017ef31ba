import type { Actor } from "../auth/principal";
import { withHostLock } from "../bookings/lock";
import { requireOrgAccess, requireUserInOrg } from "../organizations/access";
import type { Deps } from "../services";
import type { Queryable } from "../services/db";
import {
  oooBothDatesRequired,
  oooExists,
  oooNotOfUser,
  oooOverlaps,
  oooRedirectLoop,
  oooRedirectNotAllowed,
  oooRedirectToSelf,
  oooStartAfterEnd,
} from "./errors";
import { type OooOutput, type OooRow, reasonIdOf, toOooOutput } from "./output";
import type { CreateOooInput, OooListQueryInput, OrgOooListQueryInput, UpdateOooInput } from "./schemas";
import {
  createOooRow,
  deleteOooRow,
  findOverlappingOoo,
  findRedirectToUser,
  findUserOooRow,
  isRedirectEligible,
  listOooRows,
  type OooWrite,
  updateOooRow,
} from "./store";

// Out-of-office entries of an organization's users (Cal.com's OrganizationsUsersOOOController, UserOOOService).
// Every route: ORG_ADMIN with the ESSENTIALS plan (platform orgs); user routes add IsUserInOrg, entry routes
// IsUserOOO. Entries cover whole UTC days. Writes run under the user's host lock (the one bookings take), so two
// concurrent entries of one user cannot both pass the overlap check, and a booking never races an entry.

const GUARD = { role: "ORG_ADMIN", plan: "ESSENTIALS" } as const;

interface OrgUserInput {
  orgId: number;
  userId: number;
}

async function requireOrgUser(deps: Deps, actor: Actor, { orgId, userId }: OrgUserInput): Promise<void> {
  await requireOrgAccess(deps, actor, orgId, GUARD);
  await requireUserInOrg(deps, orgId, userId);
}

/** IsUserOOO: the entry exists and is the path user's (403 otherwise, as in Cal.com). */
async function requireUserOoo(db: Queryable, userId: number, oooId: number): Promise<OooRow> {
  const row = await findUserOooRow(db, userId, oooId);
  if (!row) throw oooNotOfUser();
  return row;
}

/** Cal.com's whole-UTC-day bounds: a start at 00:00:00.000Z, an end at 23:59:59.999Z of their UTC dates. */
export const startOfUtcDay = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
export const endOfUtcDay = (iso: string): Date => new Date(`${iso.slice(0, 10)}T23:59:59.999Z`);

interface Candidate {
  start: Date;
  end: Date;
  toUserId?: number;
}

/**
 * Cal.com's checkIsValidOOO, in its order, over the entry as it will be: redirect loop (400), the same dates
 * (409), then ours, any other overlapping entry of the user (409), redirect to self (400), a redirect target
 * sharing no team with the user (400).
 */
async function checkEntry(db: Queryable, userId: number, entry: Candidate, exceptId?: number): Promise<void> {
  if (entry.start.getTime() > entry.end.getTime()) throw oooStartAfterEnd();
  if (await findRedirectToUser(db, userId, entry, entry.toUserId)) throw oooRedirectLoop();
  const overlapping = await findOverlappingOoo(db, userId, entry, exceptId);
  const same = overlapping.find((o) => o.start.getTime() === entry.start.getTime() && o.end.getTime() === entry.end.getTime());
  if (same) throw oooExists();
  if (overlapping[0]) throw oooOverlaps(overlapping[0].id);
  if (entry.toUserId === undefined) return;
  if (entry.toUserId === userId) throw oooRedirectToSelf();
  if (!(await isRedirectEligible(db, userId, entry.toUserId))) throw oooRedirectNotAllowed();
}

export async function listOrgUserOoo(deps: Deps, actor: Actor, input: OrgUserInput & { query: OooListQueryInput }): Promise<OooOutput[]> {
  await requireOrgUser(deps, actor, input);
  const { skip, take, sortStart, sortEnd } = input.query;
  const rows = await listOooRows(deps.db, { userId: input.userId }, { skip: skip ?? 0, take: take ?? 250, sort: { sortStart, sortEnd } });
  return rows.map(toOooOutput);
}

/** Entries of every user with a profile in the organization, optionally only the user with `email`. */
export async function listOrgOoo(deps: Deps, actor: Actor, input: { orgId: number; query: OrgOooListQueryInput }): Promise<OooOutput[]> {
  await requireOrgAccess(deps, actor, input.orgId, GUARD);
  const { skip, take, sortStart, sortEnd, email } = input.query;
  const rows = await listOooRows(
    deps.db,
    { user: { profiles: { some: { organizationId: input.orgId } }, ...(email ? { email: { equals: email, mode: "insensitive" } } : {}) } },
    { skip: skip ?? 0, take: take ?? 250, sort: { sortStart, sortEnd } },
  );
  return rows.map(toOooOutput);
}

export async function createOrgUserOoo(deps: Deps, actor: Actor, input: OrgUserInput & { body: CreateOooInput }): Promise<OooOutput> {
  await requireOrgUser(deps, actor, input);
  const { body, userId } = input;
  const entry = { start: startOfUtcDay(body.start), end: endOfUtcDay(body.end), toUserId: body.toUserId };
  return withHostLock(deps.txDb, userId, async (tx) => {
    await checkEntry(tx, userId, entry);
    const row = await createOooRow(tx, userId, {
      ...entry,
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
      reasonId: reasonIdOf(body.reason ?? "unspecified"),
    });
    return toOooOutput(row);
  });
}

/**
 * Only the fields sent change. As in Cal.com, start and end come together (400). Unlike Cal.com, the checks run
 * on the entry as it will be (the stored dates with a new `toUserId`, and so on) and never against the entry
 * itself, so resending its own dates is not a 409; a change of notes or reason alone is not re-checked.
 */
export async function updateOrgUserOoo(deps: Deps, actor: Actor, input: OrgUserInput & { oooId: number; body: UpdateOooInput }): Promise<OooOutput> {
  await requireOrgUser(deps, actor, input);
  const { body, userId, oooId } = input;
  await requireUserOoo(deps.db, userId, oooId);
  if ((body.start === undefined) !== (body.end === undefined)) throw oooBothDatesRequired();
  const data: OooWrite = {
    ...(body.start !== undefined && body.end !== undefined ? { start: startOfUtcDay(body.start), end: endOfUtcDay(body.end) } : {}),
    ...(body.toUserId !== undefined ? { toUserId: body.toUserId } : {}),
    ...(body.notes !== undefined ? { notes: body.notes } : {}),
    ...(body.reason !== undefined ? { reasonId: reasonIdOf(body.reason) } : {}),
  };
  if (data.start && data.end && data.start.getTime() > data.end.getTime()) throw oooStartAfterEnd();
  return withHostLock(deps.txDb, userId, async (tx) => {
    const current = await requireUserOoo(tx, userId, oooId);
    if (data.start || data.toUserId !== undefined) {
      await checkEntry(
        tx,
        userId,
        { start: data.start ?? current.start, end: data.end ?? current.end, toUserId: data.toUserId ?? current.toUserId ?? undefined },
        oooId,
      );
    }
    return toOooOutput(await updateOooRow(tx, oooId, data));
  });
}

export async function deleteOrgUserOoo(deps: Deps, actor: Actor, input: OrgUserInput & { oooId: number }): Promise<OooOutput> {
  await requireOrgUser(deps, actor, input);
  await requireUserOoo(deps.db, input.userId, input.oooId);
  return withHostLock(deps.txDb, input.userId, async (tx) => {
    await requireUserOoo(tx, input.userId, input.oooId);
    return toOooOutput(await deleteOooRow(tx, input.oooId));
  });
}
