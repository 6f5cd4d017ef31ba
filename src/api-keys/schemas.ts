import { z } from "@hono/zod-openapi";

export const RefreshApiKeyInputSchema = z
  .object({
    apiKeyDaysValid: z.number().int().min(1).max(36500).default(30),
    apiKeyNeverExpires: z.boolean().optional(),
  })
  .openapi("RefreshApiKeyInput");
export type RefreshApiKeyInput = z.infer<typeof RefreshApiKeyInputSchema>;
