// Cal.com's OAuthFlowController: a managed user's token pair, refreshed with the OAuth client's credentials.
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { invalidOAuthClientCredentials } from "./errors";
import { type KeysOutput, toKeysOutput } from "./output";
import { rotateRefreshToken, signingKeysOf } from "./token-store";

export async function refreshManagedUserTokens(deps: Deps, actor: Actor, input: { clientId: string; refreshToken: string }): Promise<KeysOutput> {
  // Authentication accepted the path client id with x-cal-secret-key, or another credential: only the former
  // proves the caller owns this client (Cal.com checks the secret again here).
  if (actor.strategy !== "OAUTH_CLIENT_CREDENTIALS" || actor.oAuthClientId !== input.clientId) throw invalidOAuthClientCredentials();
  return toKeysOutput(await rotateRefreshToken(deps, signingKeysOf(deps.env), input.clientId, input.refreshToken));
}
