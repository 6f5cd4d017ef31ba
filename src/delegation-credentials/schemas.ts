import { z } from "@hono/zod-openapi";
import { OrgIdParams, pathParams, stringPathParam } from "../http/common";
import { INVALID_SERVICE_ACCOUNT_KEY } from "./errors";

const keyField = z.string().min(1).max(16_384);

export const GoogleServiceAccountKeySchema = z
  .strictObject({ private_key: keyField, client_email: z.string().min(1).max(320), client_id: z.string().min(1).max(255) })
  .openapi("GoogleServiceAccountKeyInput");
export const MicrosoftServiceAccountKeySchema = z
  .strictObject({ private_key: keyField, tenant_id: z.string().min(1).max(255), client_id: z.string().min(1).max(255) })
  .openapi("MicrosoftServiceAccountKeyInput");

export type ServiceAccountKeyInput = z.infer<typeof GoogleServiceAccountKeySchema> | z.infer<typeof MicrosoftServiceAccountKeySchema>;

// Cal.com's ServiceAccountKeyValidator: an object told apart by `client_email` (Google) or `tenant_id`
// (Microsoft), extra fields refused. The contract documents an array of them (its generator's reading of the
// decorator); a one-element array is accepted too and read as its element.
const ServiceAccountKeySchema = z
  .unknown()
  .transform((value, ctx): ServiceAccountKeyInput => {
    const key = Array.isArray(value) && value.length === 1 ? value[0] : value;
    const schema =
      key && typeof key === "object" && "client_email" in key
        ? GoogleServiceAccountKeySchema
        : key && typeof key === "object" && "tenant_id" in key
          ? MicrosoftServiceAccountKeySchema
          : null;
    const parsed = schema?.safeParse(key);
    if (!parsed?.success) {
      ctx.addIssue({ code: "custom", message: INVALID_SERVICE_ACCOUNT_KEY });
      return z.NEVER;
    }
    return parsed.data;
  })
  .openapi({
    type: "array",
    items: { oneOf: [{ $ref: "#/components/schemas/GoogleServiceAccountKeyInput" }, { $ref: "#/components/schemas/MicrosoftServiceAccountKeyInput" }] },
  });

export const CreateDelegationCredentialInputSchema = z
  .object({
    workspacePlatformSlug: z.string().trim().min(1).max(100),
    domain: z.string().trim().min(1).max(255),
    serviceAccountKey: ServiceAccountKeySchema,
  })
  .openapi("CreateDelegationCredentialInput");

export const UpdateDelegationCredentialInputSchema = z
  .object({ enabled: z.boolean().optional(), serviceAccountKey: ServiceAccountKeySchema.optional() })
  .openapi("UpdateDelegationCredentialInput");

export type CreateDelegationCredentialInput = z.infer<typeof CreateDelegationCredentialInputSchema>;
export type UpdateDelegationCredentialInput = z.infer<typeof UpdateDelegationCredentialInputSchema>;

export const DelegationCredentialIdParams = pathParams(OrgIdParams, z.object({ credentialId: stringPathParam("credentialId", { max: 255 }) }));
