import { z } from "@hono/zod-openapi";
import type { IssuedTokens } from "../../src/platform/token-store";

export const KeysSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    accessTokenExpiresAt: z.number().openapi({ description: "Epoch milliseconds" }),
    refreshTokenExpiresAt: z.number().openapi({ description: "Epoch milliseconds" }),
  })
  .openapi("KeysDto");

export const KeysResponseSchema = z.object({ status: z.literal("success"), data: KeysSchema }).openapi("KeysResponseDto");

export const toKeysOutput = (tokens: IssuedTokens): z.infer<typeof KeysSchema> => ({
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
