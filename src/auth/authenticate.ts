import { type ApiError, forbidden } from "../errors";
import { hasPermissions, type Permission } from "../platform/permissions";
import type { Deps } from "../services";
import { presentedCredentials, type UsableCredential } from "./credentials";
import { apiAuthError, invalidBearerToken } from "./errors";
import type { AuthStrategy, Principal } from "./principal";
import { strategies } from "./strategies";
import type { AuthRequest, Strategy } from "./strategies/types";

export interface AuthPolicy {
  /** Strategies this route accepts (Cal.com's ApiAuthGuardOnlyAllow), or "any" for every one (its ApiAuthGuard). */
  allow: "any" | readonly [AuthStrategy, ...AuthStrategy[]];
  /** Anonymous callers pass (Cal.com's OptionalApiAuthGuard); invalid credentials still get 401. */
  optional?: boolean;
  /**
   * OAuth client permissions the route needs (Cal.com's @Permissions). Only checked for callers acting through
   * an OAuth client (its credentials or a managed user's access token); API keys and sessions skip it.
   */
  permissions?: readonly Permission[];
}

const NO_CREDENTIALS =
  "No authentication method provided. Either pass an API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers";

function allowedMethodsError(policy: AuthPolicy): ApiError {
  const methods = policy.allow === "any" ? "Any supported method" : policy.allow.join(", ");
  return apiAuthError(null, `Invalid authentication method. Please provide one of the allowed methods: ${methods}`);
}

// Reached with no Bearer token and no usable client id + secret pair; an unreadable session cookie counts as none.
function missingCredentialError(request: AuthRequest, policy: AuthPolicy, skipped: UsableCredential[]): ApiError {
  if (skipped.length > 0) return allowedMethodsError(policy);
  const clientId = request.pathClientId || request.headers.get("x-cal-client-id");
  const secret = request.headers.get("x-cal-secret-key");
  if (clientId && !secret)
    return apiAuthError(
      null,
      "Only 'x-cal-client-id' header provided. Please also provide 'x-cal-secret-key' header or Auth bearer token as 'Authentication' header",
    );
  if (secret && !clientId)
    return apiAuthError(
      null,
      "Only 'x-cal-secret-key' header provided. Please also provide 'x-cal-client-id' header or Auth bearer token as 'Authentication' header",
    );
  return apiAuthError(null, NO_CREDENTIALS);
}

// Cal.com's PermissionsGuard, with the client's permission bits already on the principal (no lookup).
function checkPermissions(principal: Principal, required: readonly Permission[] | undefined): void {
  if (!required?.length) return;
  if (principal.strategy !== "ACCESS_TOKEN" && principal.strategy !== "OAUTH_CLIENT_CREDENTIALS") return;
  if (hasPermissions(principal.permissions ?? 0, required)) return;
  throw forbidden(
    "PermissionsGuard",
    `oAuth client with id=${principal.oAuthClientId} does not have the required permissions=${required.join(", ")}. ` +
      "Go to platform dashboard settings and add the required permissions to the oAuth client.",
  );
}

/**
 * Cal.com's ApiAuthStrategy: the credentials present are tried in its order. OAuth client credentials and a
 * session cookie the route does not accept are skipped (the next credential is tried); a Bearer token is
 * final. Unlike Cal.com, a route that accepts only API keys does not accept access tokens (and vice versa).
 */
export async function authenticateRequest(deps: Deps, request: AuthRequest, policy: AuthPolicy): Promise<Principal | undefined> {
  const usable = presentedCredentials(request.headers, request.pathClientId);
  const allows = (kind: AuthStrategy) => policy.allow === "any" || policy.allow.includes(kind);
  const skipped: UsableCredential[] = [];

  for (const credential of usable) {
    const isBearer = credential.kind === "API_KEY" || credential.kind === "ACCESS_TOKEN";
    if (!allows(credential.kind)) {
      if (!isBearer) {
        skipped.push(credential);
        continue;
      }
      throw allows("API_KEY") || allows("ACCESS_TOKEN") ? allowedMethodsError(policy) : invalidBearerToken();
    }
    const strategy = strategies[credential.kind] as Strategy | undefined;
    if (!strategy) throw isBearer ? invalidBearerToken() : allowedMethodsError(policy);
    const principal = await strategy(deps, credential, request);
    if (principal) {
      checkPermissions(principal, policy.permissions);
      return principal;
    }
  }

  if (policy.optional && skipped.length === 0) return undefined;
  throw missingCredentialError(request, policy, skipped);
}
