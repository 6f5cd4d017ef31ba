import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";

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

export const GetMeOutputSchema = successOf(MeOutputSchema).openapi("GetMeOutput");
export const UpdateMeOutputSchema = successOf(MeOutputSchema).openapi("UpdateMeOutput");

export interface MeRow {
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
}

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
