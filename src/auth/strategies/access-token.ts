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
import { isOriginAllowed, loadOAuthClientAuth, oAuthClientCacheKey, type OAuthClientAuthRecord } from "../../platform/oauth-clients";
import { isFamilyLive, tokenFamilyCacheKey, type FamilyState } from "../../platform/token-store";
import { AccessTokenExpired, verifyAccessToken, type AccessTokenClaims } from "../../platform/tokens";
import { readCached } from "../cache";
import { accessTokenExpired, apiAuthError, invalidAccessToken } from "../errors";
import type { Strategy } from "./types";

export const accessTokenStrategy: Strategy<"ACCESS_TOKEN"> = async (services, credential, request) => {
  const keys = services.env.JWT_SIGNING_KEYS ?? [];
  let claims: AccessTokenClaims;
  try {
    claims = await verifyAccessToken(credential.token, keys);
  } catch (error) {
    if (error instanceof AccessTokenExpired) throw accessTokenExpired();
    throw invalidAccessToken();
  }

  const [family, cachedClient] = (await readCached<FamilyState | OAuthClientAuthRecord>(services, [
    tokenFamilyCacheKey(claims.familyId),
    oAuthClientCacheKey(claims.clientId),
  ])) as [FamilyState | null, OAuthClientAuthRecord | null];
  const [live, client] = await Promise.all([isFamilyLive(services, claims.familyId, family), loadOAuthClientAuth(services, claims.clientId, cachedClient)]);
  if (!live) throw invalidAccessToken();
  if (!client) throw apiAuthError("access token", "OAuth client not found given the access token");

  const origin = request.headers.get("origin");
  if (origin && !isOriginAllowed(origin, client.redirectUris)) {
    throw apiAuthError(
      "access token",
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
