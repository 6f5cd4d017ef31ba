import { z } from "@hono/zod-openapi";
import { oAuthClientOfCallerOrganization, organizationRoles } from "../../src/auth/guards/platform";
import { LOCALES } from "../me/update";

export const ManagedUserOutputSchema = z
  .object({
    id: z.number(),
    email: z.string().openapi({ example: "alice+cluo37fwd0001khkzqqynkpj3@example.com" }),
    username: z.string().nullable(),
    name: z.string().nullable(),
    bio: z.string().nullable(),
    timeZone: z.string(),
    weekStart: z.string(),
    createdDate: z.string(),
    timeFormat: z.number().nullable(),
    defaultScheduleId: z.number().nullable(),
    locale: z.enum(LOCALES).or(z.string()).optional(),
    avatarUrl: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("ManagedUserOutput");

export const GetManagedUserOutputSchema = z.object({ status: z.literal("success"), data: ManagedUserOutputSchema }).openapi("GetManagedUserOutput");

export const ClientParamsSchema = z.object({
  clientId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "clientId", in: "path" } }),
});

export const ClientUserParamsSchema = ClientParamsSchema.extend({
  userId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "userId", in: "path" }, type: "number" }),
});

// Cal.com's controller guards: ApiAuthGuard, OAuthClientGuard, OrganizationRolesGuard with ADMIN or OWNER.
export const managedUserGuards = [oAuthClientOfCallerOrganization, organizationRoles(["ADMIN", "OWNER"])];
