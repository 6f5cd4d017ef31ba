import { z } from "@hono/zod-openapi";
import { assignedOptionIdsQueryParam, teamIdsQueryParam } from "../http/common";

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

export const AssignedOptionsQuery = z.object({
  skip: z.coerce.number().int().min(0).optional().openapi({ description: "Number of responses to skip", example: 0 }),
  take: z.coerce.number().int().min(1).max(MAX_LIST).optional().openapi({ description: "Number of responses to take (at most 250, default 250)", example: 10 }),
  assignedOptionIds: assignedOptionIdsQueryParam(),
  teamIds: teamIdsQueryParam(),
});

export type CreateOrganizationAttributeInput = z.infer<typeof CreateOrganizationAttributeInputSchema>;
export type UpdateOrganizationAttributeInput = z.infer<typeof UpdateOrganizationAttributeInputSchema>;
export type CreateOrganizationAttributeOptionInput = z.infer<typeof CreateOrganizationAttributeOptionInputSchema>;
export type UpdateOrganizationAttributeOptionInput = z.infer<typeof UpdateOrganizationAttributeOptionInputSchema>;
export type AssignOrganizationAttributeOptionToUserInput = z.infer<typeof AssignOrganizationAttributeOptionToUserInputSchema>;
export type AssignedOptionsQueryInput = z.infer<typeof AssignedOptionsQuery>;
