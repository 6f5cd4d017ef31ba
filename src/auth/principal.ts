// Cal.com's ApiAuthGuardOnlyAllow strategy names.
export const AUTH_STRATEGIES = ["OAUTH_CLIENT_CREDENTIALS", "API_KEY", "ACCESS_TOKEN", "NEXT_AUTH", "THIRD_PARTY_ACCESS_TOKEN"] as const;
export type AuthStrategy = (typeof AUTH_STRATEGIES)[number];

/** Who is calling, once a strategy has verified the credential. */
export interface Principal {
  strategy: AuthStrategy;
  userId: number;
  organizationId: number | null;
  apiKeyId?: string;
  apiKeyHash?: string;
  /** The OAuth client that authenticated (its credentials) or issued the access token. */
  oAuthClientId?: string;
  /** That client's permission bits, checked by Cal.com's PermissionsGuard (see src/platform/permissions.ts). */
  permissions?: number;
  /** The access token's refresh-token family, revoked as one. */
  tokenFamilyId?: string;
}

/** Who a domain function acts for: the authenticated caller (operations with optional auth pass `Actor | undefined`). */
export type Actor = Principal;
