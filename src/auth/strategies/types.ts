import type { Context } from "hono";
import type { AppEnv } from "../../context";
import type { PresentedCredential } from "../credentials";
import type { AuthStrategy, Principal } from "../principal";

/**
 * Verifies one kind of credential; throws ApiError (401/498) when it is not valid. Resolves to null when the
 * credential cannot even be read (an undecryptable session cookie): Cal.com then treats it as absent.
 */
export type Strategy<K extends PresentedCredential["kind"] = PresentedCredential["kind"]> = (
  c: Context<AppEnv>,
  credential: Extract<PresentedCredential, { kind: K }>,
) => Promise<Principal | null>;

export type StrategyTable = Partial<{ [S in AuthStrategy]: Strategy<S extends PresentedCredential["kind"] ? S : never> }>;
