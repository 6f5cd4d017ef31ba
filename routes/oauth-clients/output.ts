import { z } from "@hono/zod-openapi";
import type { PlatformOAuthClient } from "../../src/generated/prisma/client";
import { bitsToPermissions, PERMISSION_NAMES } from "../../src/platform/permissions";

// Cal.com returns the stored secret here; we store only its hash, so the secret is shown once, at creation.
export const SECRET_SHOWN_ONCE = "(hidden: the secret is shown only once, when the client is created)";

export const PermissionNameSchema = z.enum(PERMISSION_NAMES);

export const PlatformOAuthClientSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    secret: z.string(),
    permissions: z.array(PermissionNameSchema),
    logo: z.string().optional(),
    redirectUris: z.array(z.string()),
    organizationId: z.number(),
    createdAt: z.string(),
    areEmailsEnabled: z.boolean(),
    areDefaultEventTypesEnabled: z.boolean(),
    areCalendarEventsEnabled: z.boolean(),
    bookingRedirectUri: z.string().optional(),
    bookingCancelRedirectUri: z.string().optional(),
    bookingRescheduleRedirectUri: z.string().optional(),
  })
  .openapi("PlatformOAuthClientDto");

export const GetOAuthClientResponseSchema = z.object({ status: z.literal("success"), data: PlatformOAuthClientSchema }).openapi("GetOAuthClientResponseDto");

export function toOAuthClientOutput(client: PlatformOAuthClient): z.infer<typeof PlatformOAuthClientSchema> {
  return {
    id: client.id,
    name: client.name,
    secret: SECRET_SHOWN_ONCE,
    permissions: bitsToPermissions(client.permissions),
    ...(client.logo !== null ? { logo: client.logo } : {}),
    redirectUris: client.redirectUris,
    organizationId: client.organizationId,
    createdAt: client.createdAt.toISOString(),
    areEmailsEnabled: client.areEmailsEnabled,
    areDefaultEventTypesEnabled: client.areDefaultEventTypesEnabled,
    areCalendarEventsEnabled: client.areCalendarEventsEnabled,
    ...(client.bookingRedirectUri !== null ? { bookingRedirectUri: client.bookingRedirectUri } : {}),
    ...(client.bookingCancelRedirectUri !== null ? { bookingCancelRedirectUri: client.bookingCancelRedirectUri } : {}),
    ...(client.bookingRescheduleRedirectUri !== null ? { bookingRescheduleRedirectUri: client.bookingRescheduleRedirectUri } : {}),
  };
}

export const ClientIdParamsSchema = z.object({
  clientId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "clientId", in: "path" }, example: "clsx38nbl0001vkhlwin9fmt0" }),
});
