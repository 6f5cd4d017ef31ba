import { z } from "@hono/zod-openapi";
import { RefreshApiKeyInputSchema } from "../api-keys/schemas";
import { paginationQuery } from "../http/common";
import { MetadataSchema } from "../metadata";
import { TeamNameSchema, TeamSlugSchema } from "../teams/schemas";

// Managed organizations' wire schemas (v2/modules/organizations/organizations/inputs). The API-key fields are
// RefreshApiKeyInput's, as Cal.com's CreateOrganizationInput extends it. Unknown keys are dropped.

export const CreateManagedOrganizationInputSchema = RefreshApiKeyInputSchema.extend({
  name: TeamNameSchema,
  slug: TeamSlugSchema.optional().openapi({
    description: "Organization slug in kebab-case - if not provided will be generated automatically based on name.",
    example: "cal-tel",
  }),
  metadata: MetadataSchema.optional(),
}).openapi("CreateOrganizationInput");
export type CreateManagedOrganizationInput = z.infer<typeof CreateManagedOrganizationInputSchema>;

// Only the name and the metadata change (the slug stays what the manager created).
export const UpdateManagedOrganizationInputSchema = z
  .object({ name: TeamNameSchema.optional(), metadata: MetadataSchema.optional() })
  .openapi("UpdateOrganizationInput");
export type UpdateManagedOrganizationInput = z.infer<typeof UpdateManagedOrganizationInputSchema>;

const filterText = (name: string, example: string, description: string) =>
  z.string().min(1, `${name} must not be empty`).max(255).optional().openapi({ example, description });

// Cal.com ignores a lone metadataKey or metadataValue; the contract says one needs the other, so it is a 400 here.
export const ListManagedOrganizationsQuerySchema = paginationQuery({ take: 250 })
  .extend({
    slug: filterText("slug", "organization-slug", "The slug of the managed organization"),
    metadataKey: filterText(
      "metadataKey",
      "metadata-key",
      "The key of the metadata - it is case sensitive so provide exactly as stored. If you provide it then you must also provide metadataValue",
    ),
    metadataValue: filterText(
      "metadataValue",
      "metadata-value",
      "The value of the metadata - it is case sensitive so provide exactly as stored. If you provide it then you must also provide metadataKey",
    ),
  })
  .superRefine((query, ctx) => {
    if (query.metadataKey !== undefined && query.metadataValue === undefined) {
      ctx.addIssue({ code: "custom", path: ["metadataValue"], message: "metadataValue is required when metadataKey is given" });
    }
    if (query.metadataValue !== undefined && query.metadataKey === undefined) {
      ctx.addIssue({ code: "custom", path: ["metadataKey"], message: "metadataKey is required when metadataValue is given" });
    }
  });
export type ListManagedOrganizationsQuery = z.infer<typeof ListManagedOrganizationsQuerySchema>;
