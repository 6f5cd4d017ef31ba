// /v2/me: the caller's own profile.
import type { Actor } from "../auth/principal";
import { assertScheduleOwnedBy } from "../schedules/ownership";
import type { Deps } from "../services";
import { emailTaken, userNotFound } from "./errors";
import { type MeOutput, type MeRow, toMeOutput } from "./output";
import type { UpdateMeInput } from "./schemas";

type MeSqlRow = Omit<MeRow, "organization"> & { orgId: number | null; orgIsPlatform: boolean | null };

// Raw SQL over Neon's HTTP function (no Prisma on the way): GET /v2/me is a hot path (the atoms call it on every
// mount), and this is one indexed row.
async function loadMe(deps: Deps, userId: number): Promise<MeOutput> {
  const [user] = (await deps.sql`
    SELECT u.id, u.username, u.email, u.name, u."avatarUrl", u.bio, u."timeFormat", u."defaultScheduleId", u."weekStart",
           u."timeZone", u."organizationId", t.id AS "orgId", t."isPlatform" AS "orgIsPlatform"
    FROM "users" u LEFT JOIN "Team" t ON t.id = u."organizationId"
    WHERE u.id = ${userId}`) as MeSqlRow[];
  if (!user) throw userNotFound(userId);
  const { orgId, orgIsPlatform, ...row } = user;
  const organization = orgId === null ? null : { id: orgId, isPlatform: Boolean(orgIsPlatform) };
  return toMeOutput({ ...row, organization });
}

export const getMe = (deps: Deps, actor: Actor): Promise<MeOutput> => loadMe(deps, actor.userId);

export async function updateMe(deps: Deps, actor: Actor, input: UpdateMeInput): Promise<MeOutput> {
  const { db } = deps;
  const userId = actor.userId;
  if (input.defaultScheduleId !== undefined) await assertScheduleOwnedBy(db, input.defaultScheduleId, userId);
  if (input.email) {
    const taken = await db.user.findFirst({ where: { email: input.email, NOT: { id: userId } }, select: { id: true } });
    if (taken) throw emailTaken();
  }
  await db.user.update({ where: { id: userId }, data: input });
  return loadMe(deps, userId);
}
