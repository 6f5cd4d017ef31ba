import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";
import { ATTRIBUTE_TYPES } from "./schemas";

// Orgs / Attributes (+ Options) outputs (v2/modules/organizations/attributes/{index,options}/outputs). Cal.com
// answers raw rows (createdAt, updatedAt, isWeightsEnabled, isLocked, isGroup, contains, weight…); we answer the
// documented fields only.

export const AttributeSchema = z
  .object({
    id: z.string().openapi({ description: "The ID of the attribute", example: "attr_123" }),
    teamId: z.number().int().openapi({ description: "The team ID associated with the attribute", example: 1 }),
    type: z.enum(ATTRIBUTE_TYPES).openapi({ description: "The type of the attribute" }),
    name: z.string().openapi({ description: "The name of the attribute", example: "Attribute Name" }),
    slug: z.string().openapi({ description: "The slug of the attribute", example: "attribute-name" }),
    enabled: z.boolean().openapi({ description: "Whether the attribute is enabled and displayed on their profile", example: true }),
    usersCanEditRelation: z.boolean().openapi({ description: "Whether users can edit the relation", example: true }),
  })
  .openapi("Attribute");
export type AttributeOutput = z.infer<typeof AttributeSchema>;

export const attributeSelect = { id: true, teamId: true, type: true, name: true, slug: true, enabled: true, usersCanEditRelation: true } as const;

export const OptionOutputSchema = z
  .object({
    id: z.string().openapi({ description: "The ID of the option", example: "attr_option_id" }),
    attributeId: z.string().openapi({ description: "The ID of the attribute", example: "attr_id" }),
    value: z.string().openapi({ description: "The value of the option", example: "option_value" }),
    slug: z.string().openapi({ description: "The slug of the option", example: "option-slug" }),
  })
  .openapi("OptionOutput");
export type OptionOutput = z.infer<typeof OptionOutputSchema>;

export const optionSelect = { id: true, attributeId: true, value: true, slug: true } as const;

export const AssignedOptionOutputSchema = OptionOutputSchema.extend({
  // Cal.com's document says string[]; its code sends the user ids as numbers (erratum in test/helpers/contract.ts).
  assignedUserIds: z.array(z.number().int()).openapi({ description: "Ids of the users assigned to the attribute option.", example: [124, 224] }),
}).openapi("AssignedOptionOutput");
export type AssignedOptionOutput = z.infer<typeof AssignedOptionOutputSchema>;

export const AssignOptionUserOutputDataSchema = z
  .object({
    id: z.string().openapi({ description: "The ID of the option assigned to the user" }),
    memberId: z.number().int().openapi({ description: "The ID form the org membership for the user" }),
    attributeOptionId: z.string().openapi({ description: "The value of the option" }),
  })
  .openapi("AssignOptionUserOutputData");
export type AssignOptionUserOutput = z.infer<typeof AssignOptionUserOutputDataSchema>;

export const assignmentSelect = { id: true, memberId: true, attributeOptionId: true } as const;

export const GetOrganizationAttributesOutputSchema = successOf(z.array(AttributeSchema)).openapi("GetOrganizationAttributesOutput");
export const CreateOrganizationAttributesOutputSchema = successOf(AttributeSchema).openapi("CreateOrganizationAttributesOutput");
export const GetSingleAttributeOutputSchema = successOf(AttributeSchema).openapi("GetSingleAttributeOutput");
export const UpdateOrganizationAttributesOutputSchema = successOf(AttributeSchema).openapi("UpdateOrganizationAttributesOutput");
export const DeleteOrganizationAttributesOutputSchema = successOf(AttributeSchema).openapi("DeleteOrganizationAttributesOutput");

export const CreateAttributeOptionOutputSchema = successOf(OptionOutputSchema).openapi("CreateAttributeOptionOutput");
export const GetAllAttributeOptionOutputSchema = successOf(z.array(OptionOutputSchema)).openapi("GetAllAttributeOptionOutput");
export const UpdateAttributeOptionOutputSchema = successOf(OptionOutputSchema).openapi("UpdateAttributeOptionOutput");
export const DeleteAttributeOptionOutputSchema = successOf(OptionOutputSchema).openapi("DeleteAttributeOptionOutput");
export const GetAllAttributeAssignedOptionOutputSchema = successOf(z.array(AssignedOptionOutputSchema)).openapi("GetAllAttributeAssignedOptionOutput");
export const AssignOptionUserOutputSchema = successOf(AssignOptionUserOutputDataSchema).openapi("AssignOptionUserOutput");
export const UnassignOptionUserOutputSchema = successOf(AssignOptionUserOutputDataSchema).openapi("UnassignOptionUserOutput");
export const GetOptionUserOutputSchema = successOf(z.array(OptionOutputSchema)).openapi("GetOptionUserOutput");
