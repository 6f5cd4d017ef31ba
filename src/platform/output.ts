// Outputs of the platform routes and their renderers: OAuth clients, managed users, token pairs, the Cal provider.
import { z } from "@hono/zod-openapi";
import type { PlatformOAuthClient } from "../generated/prisma/client";
import { SuccessOnlySchema, successOf } from "../http/common";
import { LOCALES } from "../users/locales";
import { bitsToPermissions, PERMISSION_NAMES } from "./permissions";
import type { IssuedTokens } from "./token-store";

// ---------------------------------------------------------------------------------------------------------
// OAuth clients

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
export type OAuthClientOutput = z.infer<typeof PlatformOAuthClientSchema>;

export const GetOAuthClientResponseSchema = successOf(PlatformOAuthClientSchema).openapi("GetOAuthClientResponseDto");
export const GetOAuthClientsResponseSchema = successOf(z.array(PlatformOAuthClientSchema)).openapi("GetOAuthClientsResponseDto");
export const CreateOAuthClientResponseSchema = successOf(
  z.object({ clientId: z.string(), clientSecret: z.string() }).openapi("CreateOAuthClientOutput"),
).openapi("CreateOAuthClientResponseDto");

export function toOAuthClientOutput(client: PlatformOAuthClient): OAuthClientOutput {
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

// ---------------------------------------------------------------------------------------------------------
// Token pairs

export const KeysSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    accessTokenExpiresAt: z.number().openapi({ description: "Epoch milliseconds" }),
    refreshTokenExpiresAt: z.number().openapi({ description: "Epoch milliseconds" }),
  })
  .openapi("KeysDto");
export type KeysOutput = z.infer<typeof KeysSchema>;

export const KeysResponseSchema = successOf(KeysSchema).openapi("KeysResponseDto");

export const toKeysOutput = (tokens: IssuedTokens): KeysOutput => ({
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken,
  accessTokenExpiresAt: tokens.accessTokenExpiresAt.getTime(),
  refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.getTime(),
});

export const TOKENS_DOCS =
  "Access token is valid for 60 minutes and refresh token for 1 year; each refresh token can be used once. Make sure to store them in your database, " +
  "for example, in your User database model `calAccessToken` and `calRefreshToken` fields. Response also contains `accessTokenExpiresAt` and " +
  "`refreshTokenExpiresAt` fields, but if you decode the jwt token the payload will contain `clientId` (OAuth client ID), `ownerId` " +
  "(user to whom token belongs ID), `iat` (issued at time) and `expiresAt` (when does the token expire) fields.";

// ---------------------------------------------------------------------------------------------------------
// Managed users

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
export type ManagedUserOutput = z.infer<typeof ManagedUserOutputSchema>;

export const GetManagedUserOutputSchema = successOf(ManagedUserOutputSchema).openapi("GetManagedUserOutput");
export const GetManagedUsersOutputSchema = successOf(z.array(ManagedUserOutputSchema)).openapi("GetManagedUsersOutput");
export const CreateManagedUserOutputSchema = successOf(
  z
    .object({
      accessToken: z.string(),
      refreshToken: z.string(),
      user: ManagedUserOutputSchema,
      accessTokenExpiresAt: z.number(),
      refreshTokenExpiresAt: z.number(),
    })
    .openapi("CreateManagedUserData"),
).openapi("CreateManagedUserOutput");
export type CreateManagedUserOutput = z.infer<typeof CreateManagedUserOutputSchema>["data"];

export const managedUserSelect = {
  id: true,
  email: true,
  username: true,
  name: true,
  bio: true,
  timeZone: true,
  weekStart: true,
  createdDate: true,
  timeFormat: true,
  defaultScheduleId: true,
  locale: true,
  avatarUrl: true,
  metadata: true,
} as const;

export interface ManagedUserRow {
  id: number;
  email: string;
  username: string | null;
  name: string | null;
  bio: string | null;
  timeZone: string;
  weekStart: string;
  createdDate: Date;
  timeFormat: number | null;
  defaultScheduleId: number | null;
  locale: string | null;
  avatarUrl: string | null;
  metadata: unknown;
}

// Cal.com's ManagedUserOutput; `locale` and `metadata` only when set (the contract does not allow null there).
export function toManagedUserOutput(user: ManagedUserRow): ManagedUserOutput {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    name: user.name,
    bio: user.bio,
    timeZone: user.timeZone,
    weekStart: user.weekStart,
    createdDate: user.createdDate.toISOString(),
    timeFormat: user.timeFormat,
    defaultScheduleId: user.defaultScheduleId,
    avatarUrl: user.avatarUrl,
    ...(user.locale ? { locale: user.locale } : {}),
    ...(user.metadata !== null && typeof user.metadata === "object" ? { metadata: user.metadata as Record<string, unknown> } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cal provider (the React atoms' checks)

export const ProviderVerifyClientOutputSchema = successOf(
  z.object({ clientId: z.string(), organizationId: z.number(), name: z.string() }).openapi("ProviderVerifyClientData"),
).openapi("ProviderVerifyClientOutput");
export type ProviderVerifyClientOutput = z.infer<typeof ProviderVerifyClientOutputSchema>["data"];

export const ProviderVerifyAccessTokenOutputSchema = SuccessOnlySchema.openapi("ProviderVerifyAccessTokenOutput");
