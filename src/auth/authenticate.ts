import type { Context } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { readPresentedCredential, type PresentedCredential } from "./credentials";
import type { AuthStrategy, Principal } from "./principal";
import { strategies } from "./strategies";
import type { Strategy } from "./strategies/types";

export interface AuthPolicy {
  /** Strategies this route accepts; empty means all (Cal.com's ApiAuthGuardOnlyAllow). */
  allow: readonly AuthStrategy[];
  /** Anonymous callers pass (Cal.com's OptionalApiAuthGuard); invalid credentials still get 401. */
  optional?: boolean;
}

const PREFIX = "ApiAuthStrategy - ";
const unauthorized = (message: string) => new ApiError("UnauthorizedException", PREFIX + message);

const NO_CREDENTIALS =
  "No authentication method provided. Either pass an API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers";

function missingCredentialError(credential: PresentedCredential): ApiError {
  if (credential.kind === "ONLY_CLIENT_ID")
    return unauthorized("Only 'x-cal-client-id' header provided. Please also provide 'x-cal-secret-key' header or Bearer token");
  if (credential.kind === "ONLY_SECRET")
    return unauthorized("Only 'x-cal-secret-key' header provided. Please also provide 'x-cal-client-id' header");
  return unauthorized(NO_CREDENTIALS);
}

export async function authenticateRequest(c: Context<AppEnv>, policy: AuthPolicy): Promise<Principal | undefined> {
  const credential = readPresentedCredential(c.req.raw.headers, c.req.param("clientId"));
  if (credential.kind === "NONE" || credential.kind === "ONLY_CLIENT_ID" || credential.kind === "ONLY_SECRET") {
    if (policy.optional) return undefined;
    throw missingCredentialError(credential);
  }
  if (policy.allow.length > 0 && !policy.allow.includes(credential.kind)) {
    throw unauthorized(`Invalid authentication method. Please provide one of the allowed methods: ${policy.allow.join(", ")}`);
  }
  const strategy = strategies[credential.kind] as Strategy | undefined;
  if (!strategy) {
    throw credential.kind === "ACCESS_TOKEN" ? unauthorized("Invalid Bearer token") : unauthorized(NO_CREDENTIALS);
  }
  return strategy(c, credential);
}
