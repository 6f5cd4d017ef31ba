import type { Env } from "./env";
import type { Deps } from "./services";
import type { Principal } from "./auth/principal";
import type { ApiVersion } from "../versions/registry";

// The Hono environment every middleware and route shares.
export interface AppEnv {
  Bindings: Record<string, unknown>;
  Variables: {
    requestId: string;
    apiVersion: ApiVersion;
    env: Env;
    deps: Deps;
    principal?: Principal;
  };
}
