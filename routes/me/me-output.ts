import { z } from "@hono/zod-openapi";
import type { Db } from "../../src/services/db";
import { ApiError } from "../../src/errors";

// Cal.com's MeOutput: exactly these fields (pt/me.ts).
export const MeOutputSchema = z
  .object({
    id: z.number(),
    username: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    bio: z.string().nullable(),
    timeFormat: z.number(),
    defaultScheduleId: z.number().nullable(),
    weekStart: z.string(),
    timeZone: z.string(),
    organizationId: z.number().nullable(),
    organization: z.object({ id: z.number(), isPlatform: z.boolean() }).optional(),
  })
  .openapi("MeOutput");

export type MeOutput = z.infer<typeof MeOutputSchema>;

export const meSelect = {
  id: true,
  username: true,
  email: true,
  name: true,
  avatarUrl: true,
  bio: true,
  timeFormat: true,
  defaultScheduleId: true,
  weekStart: true,
  timeZone: true,
  organizationId: true,
  organization: { select: { id: true, isPlatform: true } },
} as const;

type MeRow = { [K in keyof typeof meSelect]: unknown } & {
  id: number;
  username: string | null;
  email: string;
  name: string | null;
  avatarUrl: string | null;
  bio: string | null;
  timeFormat: number | null;
  defaultScheduleId: number | null;
  weekStart: string;
  timeZone: string;
  organizationId: number | null;
  organization: { id: number; isPlatform: boolean } | null;
};

export function toMeOutput(user: MeRow): MeOutput {
  return {
    id: user.id,
    username: user.username ?? "",
    email: user.email,
    name: user.name,
    avatarUrl: user.avatarUrl,
    bio: user.bio,
    timeFormat: user.timeFormat ?? 12,
    defaultScheduleId: user.defaultScheduleId,
    weekStart: user.weekStart,
    timeZone: user.timeZone,
    organizationId: user.organizationId,
    ...(user.organization ? { organization: { id: user.organization.id, isPlatform: user.organization.isPlatform } } : {}),
  };
}

// Raw SQL: GET /v2/me is a hot path (the atoms call it on every mount), and this is one indexed row.
export async function loadMe(db: Db, userId: number): Promise<MeOutput> {
  const [user] = await db.$queryRaw<Array<Omit<MeRow, "organization"> & { orgId: number | null; orgIsPlatform: boolean | null }>>`
    SELECT u.id, u.username, u.email, u.name, u."avatarUrl", u.bio, u."timeFormat", u."defaultScheduleId", u."weekStart",
           u."timeZone", u."organizationId", t.id AS "orgId", t."isPlatform" AS "orgIsPlatform"
    FROM "users" u LEFT JOIN "Team" t ON t.id = u."organizationId"
    WHERE u.id = ${userId}`;
  if (!user) throw new ApiError("NotFoundException", `User with id=${userId} not found`);
  const organization = user.orgId === null ? null : { id: user.orgId, isPlatform: Boolean(user.orgIsPlatform) };
  return toMeOutput({ ...user, organization });
}
