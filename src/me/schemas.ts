// Inputs of /v2/me (also a managed user's update: Cal.com's UpdateManagedUserInput).
import { z } from "@hono/zod-openapi";
import { MetadataSchema } from "../metadata";
import { WEEK_DAYS } from "../schedules/availability";
import { TimeZoneSchema } from "../time-zone";
import { LOCALES } from "../users/locales";

/** The optional profile fields a managed user is created with and any user is updated with. */
export const profileDetailsShape = {
  locale: z.enum(LOCALES).optional(),
  avatarUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
  bio: z.string().max(1000).optional(),
  metadata: MetadataSchema.optional(),
};

// Unknown keys are dropped, as Cal.com's global ValidationPipe (whitelist, no forbidNonWhitelisted) does.
export const UpdateMeInputSchema = z
  .object({
    email: z.email().max(254).optional(),
    name: z.string().trim().min(1).max(255).optional(),
    timeFormat: z.union([z.literal(12), z.literal(24)]).optional(),
    defaultScheduleId: z.number().int().positive().optional(),
    weekStart: z.enum(WEEK_DAYS).optional(),
    timeZone: TimeZoneSchema.optional(),
    ...profileDetailsShape,
  })
  .openapi("UpdateManagedUserInput");
export type UpdateMeInput = z.infer<typeof UpdateMeInputSchema>;
