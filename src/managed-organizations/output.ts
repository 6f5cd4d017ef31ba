import { z } from "@hono/zod-openapi";
import { paginatedSuccessOf, successOf } from "../http/common";

// Managed organizations' outputs (v2/modules/organizations/organizations/outputs): the organization's id, name,
// slug and metadata; a null slug or metadata is left out (the contract marks them optional, not nullable).

export const ManagedOrganizationOutputSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string().optional(),
    metadata: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ example: { key: "value" } }),
  })
  .openapi("ManagedOrganizationOutput");
export type ManagedOrganizationOutput = z.infer<typeof ManagedOrganizationOutputSchema>;

export const ManagedOrganizationWithApiKeyOutputSchema = ManagedOrganizationOutputSchema.extend({
  apiKey: z.string().openapi({ description: "An API key of the caller, scoped to the new organization; shown only here." }),
}).openapi("ManagedOrganizationWithApiKeyOutput");
export type ManagedOrganizationWithApiKeyOutput = z.infer<typeof ManagedOrganizationWithApiKeyOutputSchema>;

export const CreateManagedOrganizationOutputSchema = successOf(ManagedOrganizationWithApiKeyOutputSchema).openapi("CreateManagedOrganizationOutput");
export const GetManagedOrganizationOutputSchema = successOf(ManagedOrganizationOutputSchema).openapi("GetManagedOrganizationOutput");
export const GetManagedOrganizationsOutputSchema = paginatedSuccessOf(ManagedOrganizationOutputSchema).openapi("GetManagedOrganizationsOutput");

/** The Team columns the output shows. */
export const managedOrganizationSelect = { id: true, name: true, slug: true, metadata: true } as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function toManagedOrganizationOutput(row: { id: number; name: string; slug: string | null; metadata: unknown }): ManagedOrganizationOutput {
  return {
    id: row.id,
    name: row.name,
    ...(row.slug !== null ? { slug: row.slug } : {}),
    ...(isRecord(row.metadata) ? { metadata: row.metadata } : {}),
  };
}
