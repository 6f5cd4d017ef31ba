import { createRoute, z } from "@hono/zod-openapi";
import { ApiError, errorResponses } from "../../src/errors";
import { MetadataSchema } from "../../src/metadata";
import { defineOperation } from "../../src/operation";
import { TimeZoneSchema } from "../../src/time-zone";
import { assertScheduleOwnedBy } from "../../src/schedules/ownership";
import { loadMe, MeOutputSchema } from "./me-output";

export const WEEK_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export const LOCALES = [
  "ar",
  "ca",
  "de",
  "es",
  "eu",
  "he",
  "id",
  "ja",
  "lv",
  "pl",
  "ro",
  "sr",
  "th",
  "vi",
  "az",
  "cs",
  "el",
  "es-419",
  "fi",
  "hr",
  "it",
  "km",
  "nl",
  "pt",
  "ru",
  "sv",
  "tr",
  "zh-CN",
  "bg",
  "da",
  "en",
  "et",
  "fr",
  "hu",
  "iw",
  "ko",
  "no",
  "pt-BR",
  "sk",
  "ta",
  "uk",
  "zh-TW",
  "bn",
] as const;

// Unknown keys are dropped, as Cal.com's global ValidationPipe (whitelist, no forbidNonWhitelisted) does.
export const UpdateMeInputSchema = z
  .object({
    email: z.email().max(254).optional(),
    name: z.string().trim().min(1).max(255).optional(),
    timeFormat: z.union([z.literal(12), z.literal(24)]).optional(),
    defaultScheduleId: z.number().int().positive().optional(),
    weekStart: z.enum(WEEK_DAYS).optional(),
    timeZone: TimeZoneSchema.optional(),
    locale: z.enum(LOCALES).optional(),
    avatarUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    bio: z.string().max(1000).optional(),
    metadata: MetadataSchema.optional(),
  })
  .openapi("UpdateManagedUserInput");

export const UpdateMeOutputSchema = z.object({ status: z.literal("success"), data: MeOutputSchema }).openapi("UpdateMeOutput");

const route = createRoute({
  method: "patch",
  path: "/v2/me",
  operationId: "MeController_updateMe",
  summary: "Update my profile",
  tags: ["Me"],
  request: { body: { required: true, content: { "application/json": { schema: UpdateMeInputSchema } } } },
  responses: {
    200: { description: "The updated profile", content: { "application/json": { schema: UpdateMeOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const updateMeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any", permissions: ["PROFILE_WRITE"] },
  handler: async (c) => {
    const input = c.req.valid("json");
    const { db } = c.var.deps;
    const userId = c.var.principal!.userId;
    if (input.defaultScheduleId !== undefined) await assertScheduleOwnedBy(db, input.defaultScheduleId, userId);
    if (input.email) {
      const taken = await db.user.findFirst({ where: { email: input.email, NOT: { id: userId } }, select: { id: true } });
      if (taken) throw new ApiError("ConflictException", "A user with this email already exists");
    }
    await db.user.update({ where: { id: userId }, data: input });
    return c.json({ status: "success" as const, data: await loadMe(db, userId) }, 200);
  },
});
