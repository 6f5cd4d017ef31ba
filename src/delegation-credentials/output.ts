import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";

// Cal.com's DelegationCredentialOutput (excludeAll): never the service account key.
export const DelegationCredentialSchema = z
  .object({
    id: z.string(),
    enabled: z.boolean(),
    domain: z.string(),
    organizationId: z.number(),
    workspacePlatform: z.object({ name: z.string(), slug: z.string() }).openapi("WorkspacePlatformDto"),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("DelegationCredentialOutput");

export type DelegationCredentialOutput = z.infer<typeof DelegationCredentialSchema>;

export const CreateDelegationCredentialOutputSchema = successOf(DelegationCredentialSchema).openapi("CreateDelegationCredentialOutput");
export const UpdateDelegationCredentialOutputSchema = successOf(DelegationCredentialSchema).openapi("UpdateDelegationCredentialOutput");

export const delegationCredentialSelect = {
  id: true,
  enabled: true,
  domain: true,
  organizationId: true,
  createdAt: true,
  updatedAt: true,
  workspacePlatform: { select: { name: true, slug: true } },
} as const;

export function toDelegationCredentialOutput(row: {
  id: string;
  enabled: boolean;
  domain: string;
  organizationId: number;
  createdAt: Date;
  updatedAt: Date;
  workspacePlatform: { name: string; slug: string };
}): DelegationCredentialOutput {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
