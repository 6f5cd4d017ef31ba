import { accessTokenStrategy } from "./access-token";
import { apiKeyStrategy } from "./api-key";
import { nextAuthStrategy } from "./next-auth";
import { oAuthClientStrategy } from "./oauth-client";
import type { StrategyTable } from "./types";

// Each credential kind's verifier; routes only name which strategies they allow.
// THIRD_PARTY_ACCESS_TOKEN (Cal.com's own OAuth app tokens) is not implemented.
export const strategies: StrategyTable = {
  OAUTH_CLIENT_CREDENTIALS: oAuthClientStrategy,
  API_KEY: apiKeyStrategy,
  ACCESS_TOKEN: accessTokenStrategy,
  NEXT_AUTH: nextAuthStrategy,
};
