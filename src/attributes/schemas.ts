import { z } from "@hono/zod-openapi";

// Orgs / Attributes (+ Options) wire inputs (v2/modules/organizations/attributes/{index,options}/inputs). Unknown
// keys are dropped, as Cal.com's whitelisting ValidationPipe does.

export const ATTRIBUTE_TYPES = ["TEXT", "NUMBER", "SINGLE_SELECT", "MULTI_SELECT"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
/** The types whose options are a fixed list chosen by admins; TEXT and NUMBER take a `value` instead. */
export const SELECT_TYPES: readonly AttributeType[] = ["SINGLE_SELECT", "MULTI_SELECT"];

const text = (field: string, max = 255) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} should not be empty`)
    .max(max, `${field} must be at most ${max} characters`);
const attributeType = z.enum(ATTRIBUTE_TYPES, { error: `type must be one of ${ATTRIBUTE_TYPES.join(", ")}` });

export const CreateOrganizationAttributeOptionInputSchema = z
  .object({ value: text("value"), slug: text("slug") })
  .openapi("CreateOrganizationAttributeOptionInput");

export const CreateOrganizationAttributeInputSchema = z
  .object({
    name: text("name"),
    slug: text("slug"),
    type: attributeType,
    options: z.array(CreateOrganizationAttributeOptionInputSchema, { error: "options must be an array" }).max(500, "options can have at most 500 items"),
    enabled: z.boolean({ error: "enabled must be a boolean" }).optional(),
  })
  .openapi("CreateOrganizationAttributeInput");

export const UpdateOrganizationAttributeInputSchema = z
  .object({
    name: text("name").optional(),
    slug: text("slug").optional(),
    type: attributeType.optional(),
    enabled: z.boolean({ error: "enabled must be a boolean" }).optional(),
  })
  .openapi("UpdateOrganizationAttributeInput");

export const UpdateOrganizationAttributeOptionInputSchema = z
  .object({ value: text("value").optional(), slug: text("slug").optional() })
  .openapi("UpdateOrganizationAttributeOptionInput");

export const AssignOrganizationAttributeOptionToUserInputSchema = z
  .object({
    value: text("value", 1000).optional(),
    attributeOptionId: text("attributeOptionId").optional(),
    attributeId: text("attributeId"),
  })
  .openapi("AssignOrganizationAttributeOptionToUserInput");

const MAX_LIST = 250;

/** A query list given comma-separated or repeated (`?a=1,2` or `?a=1&a=2`), trimmed, empty parts dropped. */
const queryList = () =>
  z.union([z.string(), z.array(z.string())]).transform((value) =>
    [value]
      .flat()
      .flatMap((part) => part.split(","))
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  );

export const AssignedOptionsQuery = z.object({
  skip: z.coerce.number().int().min(0).optional().openapi({ description: "Number of responses to skip", example: 0 }),
  take: z.coerce.number().int().min(1).max(MAX_LIST).optional().openapi({ description: "Number of responses to take (at most 250, default 250)", example: 10 }),
  assignedOptionIds: queryList()
    .refine((ids) => ids.length >= 1, "assignedOptionIds must contain at least 1 attribute option id")
    .refine((ids) => ids.length <= MAX_LIST && ids.every((id) => id.length <= 255), `assignedOptionIds can name at most ${MAX_LIST} ids`)
    .optional()
    .openapi({
      type: "array",
      items: { type: "string" },
      description: "Filter by assigned attribute option ids. ids must be separated by a comma.",
      example: "?assignedOptionIds=aaaaaaaa-bbbb-cccc-dddd-eeeeee1eee,aaaaaaaa-bbbb-cccc-dddd-eeeeee2eee",
    }),
  teamIds: queryList()
    .refine((ids) => ids.length >= 1, "teamIds must contain at least 1 team id")
    .refine((ids) => ids.every((id) => /^\d{1,10}$/.test(id) && Number(id) <= 2147483647), "teamIds must be team ids (integers)")
    .refine((ids) => ids.length <= MAX_LIST, `teamIds can name at most ${MAX_LIST} teams`)
    .transform((ids) => [...new Set(ids.map(Number))])
    .optional()
    .openapi({
      type: "array",
      items: { type: "number" },
      description: "Filter by teamIds. Team ids must be separated by a comma.",
      example: "?teamIds=100,200",
    }),
});

export type CreateOrganizationAttributeInput = z.infer<typeof CreateOrganizationAttributeInputSchema>;
export type UpdateOrganizationAttributeInput = z.infer<typeof UpdateOrganizationAttributeInputSchema>;
export type CreateOrganizationAttributeOptionInput = z.infer<typeof CreateOrganizationAttributeOptionInputSchema>;
export type UpdateOrganizationAttributeOptionInput = z.infer<typeof UpdateOrganizationAttributeOptionInputSchema>;
export type AssignOrganizationAttributeOptionToUserInput = z.infer<typeof AssignOrganizationAttributeOptionToUserInputSchema>;
export type AssignedOptionsQueryInput = z.infer<typeof AssignedOptionsQuery>;
