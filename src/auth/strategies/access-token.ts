// Managed users' access tokens (Authorization: Bearer <jwt>).
//
// Design: the hot path needs no database round trip.
//  1. The JWT is checked locally: HS256 signature with the key named by its `kid` (every key in
//     JWT_SIGNING_KEYS verifies, so rotated-out keys keep working until their last token expires), and `exp`.
//     Expired → 498 ACCESS_TOKEN_IS_EXPIRED, anything else wrong → 401.
//  2. One Redis MGET answers the rest: is the token's family (`fam`) still live, and the issuing client's
//     record (organization, permissions, redirect URIs for the Origin check). Revocations write "revoked"
//     into Redis when they happen; "live" and client records are cached for AUTH_CACHE_TTL_SECONDS.
//  3. Only on a cache miss (cold start, Redis unavailable) does the database answer, and the answer is cached.
// Cal.com instead stores every access token and looks it up (Redis, then DB) on each request.
import { ApiError } from "../../errors";
import { isOriginAllowed, loadOAuthClientAuth, oAuthClientCacheKey, type OAuthClientAuthRecord } from "../../platform/oauth-clients";
import { isFamilyLive, tokenFamilyCacheKey, type FamilyState } from "../../platform/token-store";
import { AccessTokenExpired, verifyAccessToken, type AccessTokenClaims } from "../../platform/tokens";
import { readCached } from "../cache";
import type { Strategy } from "./types";

const unauthorized = (message: string) => new ApiError("UnauthorizedException", `ApiAuthStrategy - access token - ${message}`);
const INVALID_ACCESS_TOKEN = "Invalid Access Token.";

export const accessTokenStrategy: Strategy<"ACCESS_TOKEN"> = async (c, credential) => {
  const keys = c.var.env.JWT_SIGNING_KEYS ?? [];
  let claims: AccessTokenClaims;
  try {
    claims = await verifyAccessToken(credential.token, keys);
  } catch (error) {
    if (error instanceof AccessTokenExpired) throw new ApiError("TokenExpiredException", "ACCESS_TOKEN_IS_EXPIRED");
    throw unauthorized(INVALID_ACCESS_TOKEN);
  }

  const [family, cachedClient] = (await readCached<FamilyState | OAuthClientAuthRecord>(c.var.deps, [
    tokenFamilyCacheKey(claims.familyId),
    oAuthClientCacheKey(claims.clientId),
  ])) as [FamilyState | null, OAuthClientAuthRecord | null];
  const [live, client] = await Promise.all([isFamilyLive(c, claims.familyId, family), loadOAuthClientAuth(c, claims.clientId, cachedClient)]);
  if (!live) throw unauthorized(INVALID_ACCESS_TOKEN);
  if (!client) throw unauthorized("OAuth client not found given the access token");

  const origin = c.req.header("origin");
  if (origin && !isOriginAllowed(origin, client.redirectUris)) {
    throw unauthorized(
      `Invalid request origin - please open https://app.cal.com/settings/platform and add the origin '${origin}' to the 'Redirect uris' of your OAuth client with ID '${client.id}'`,
    );
  }
  return {
    strategy: "ACCESS_TOKEN",
    userId: claims.ownerId,
    organizationId: client.organizationId,
    oAuthClientId: client.id,
    permissions: client.permissions,
    tokenFamilyId: claims.familyId,
  };
};
