import { z } from "@hono/zod-openapi";

// Cal.com's metadata rule: at most 50 keys, keys up to 40 characters, string values up to 500 characters.
export const MetadataSchema = z
  .record(z.string().max(40, "metadata keys must be at most 40 characters"), z.union([z.string().max(500), z.number(), z.boolean()]))
  .refine((value) => Object.keys(value).length <= 50, { message: "metadata must have at most 50 keys" })
  .openapi({ example: { key: "value" } });
