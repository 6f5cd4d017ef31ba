import type { Deps } from "../../services";
import type { PresentedCredential } from "../credentials";
import type { AuthStrategy, Principal } from "../principal";

/** What authentication reads from the request: its headers and the path's `:clientId`, if the route has one. */
export interface AuthRequest {
  headers: Headers;
  pathClientId: string | undefined;
}

/**
 * Verifies one kind of credential; throws ApiError (401/498) when it is not valid. Resolves to null when the
 * credential cannot even be read (an undecryptable session cookie): Cal.com then treats it as absent.
 */
export type Strategy<K extends PresentedCredential["kind"] = PresentedCredential["kind"]> = (
  deps: Deps,
  credential: Extract<PresentedCredential, { kind: K }>,
  request: AuthRequest,
) => Promise<Principal | null>;

export type StrategyTable = Partial<{ [S in AuthStrategy]: Strategy<S extends PresentedCredential["kind"] ? S : never> }>;
