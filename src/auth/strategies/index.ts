import { apiKeyStrategy } from "./api-key";
import type { StrategyTable } from "./types";

// Each credential kind's verifier. Later strategies (OAuth clients, access tokens, sessions) are added
// here; routes only name which strategies they allow.
export const strategies: StrategyTable = {
  API_KEY: apiKeyStrategy,
};
