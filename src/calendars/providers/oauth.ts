// OAuth access tokens of calendar credentials (Google, Microsoft): the key is Cal.com's plain-JSON token object
// (`access_token, refresh_token, scope, token_type, id_token?, expiry_date` in ms), refreshed by merging the token
// endpoint's answer over the stored object (the refresh_token is kept when the answer has none) and saving it.
//
// Refreshes are serialised per credential, across isolates: the refresh runs inside a transaction holding the
// credential row `FOR UPDATE`, and re-reads the stored key under that lock; if another request refreshed meanwhile
// (the stored access token is no longer the one that failed or expired), its token is used and no second refresh
// is made. So two concurrent lookups refresh once, and a rotated refresh token is never overwritten by an older one.
// There is deliberately no in-isolate promise sharing: a promise settled by another request's I/O is not safe to
// await in Workers, and the row lock already makes the second refresher reuse the first one's token. `invalid_grant` marks the
// credential `invalid` (Cal.com: "Access token expired or revoked") and fails with kind "invalid_credentials".
import { markCredentialInvalid, type StoredCredential } from "../../credentials/store";
import type { Deps } from "../../services";
import { CalendarProviderError } from "../provider";

export interface OAuthTokenKey {
  access_token: string;
  refresh_token?: string;
  scope?: string;
  token_type?: string;
  id_token?: string;
  /** Epoch ms (Google, Cal.com's key format). Absent: unknown, so the token is used until it is refused. */
  expiry_date?: number;
  [field: string]: unknown;
}

/** The token endpoint's answer to a refresh grant: the new fields, or `invalid_grant`. */
export type RefreshResult = { ok: true; token: Record<string, unknown> } | { ok: false; invalidGrant: boolean; status: number };

/** Cal.com's rule: a token counts as expired 5 s before `expiry_date`. */
const EXPIRY_MARGIN_MS = 5_000;
const REFRESH_TRANSACTION_TIMEOUT_MS = 20_000;

function asKey(value: unknown): OAuthTokenKey | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const key = value as OAuthTokenKey;
  return typeof key.access_token === "string" ? key : null;
}

/** The token fields a refresh answer adds to the key: `expires_in` (s) becomes Cal.com's `expiry_date` (ms). */
export function tokenToKeyFields(token: Record<string, unknown>, now: number): Record<string, unknown> {
  const { expires_in, ...rest } = token;
  const seconds = Number(expires_in);
  return Number.isFinite(seconds) && seconds > 0 ? { ...rest, expiry_date: now + seconds * 1000 } : rest;
}

export interface OAuthTokenSource {
  /** An access token that is not known to be expired (refreshed first when it is). */
  accessToken(): Promise<string>;
  /** After the provider refused `rejected` (401): a new token, refreshed once for every caller that saw it rejected. */
  refreshAfterRejection(rejected: string): Promise<string>;
}

export function oauthTokenSource(deps: Deps, credential: StoredCredential, refresh: (refreshToken: string) => Promise<RefreshResult>): OAuthTokenSource {
  let current = asKey(credential.key);
  const invalid = () => new CalendarProviderError("Access token expired or revoked", "invalid_credentials");
  const expired = (key: OAuthTokenKey) => typeof key.expiry_date === "number" && key.expiry_date - EXPIRY_MARGIN_MS <= deps.now();

  async function refreshLocked(stale: string | null): Promise<OAuthTokenKey> {
    const outcome = await deps.txDb.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ key: unknown; invalid: boolean | null }[]>`
          SELECT "key", "invalid" FROM "Credential" WHERE "id" = ${credential.id} FOR UPDATE`;
        const row = rows[0];
        if (!row) throw new CalendarProviderError("Calendar credentials not found", "invalid_credentials");
        if (row.invalid) throw invalid();
        const stored = asKey(row.key);
        if (!stored) return "invalid" as const;
        // Another request refreshed while this one waited for the lock: use its token.
        if (stored.access_token !== stale && !expired(stored)) return stored;
        if (!stored.refresh_token) return "invalid" as const;
        const answer = await refresh(stored.refresh_token);
        if (!answer.ok) {
          if (answer.invalidGrant) return "invalid" as const;
          throw new CalendarProviderError(`Token refresh failed: ${answer.status}`, "unavailable");
        }
        const merged = { ...stored, ...tokenToKeyFields(answer.token, deps.now()) } as OAuthTokenKey;
        await tx.credential.update({ where: { id: credential.id }, data: { key: merged as object } });
        deps.logger.info("calendar token refreshed", { credentialId: credential.id, type: credential.type });
        return merged;
      },
      { timeout: REFRESH_TRANSACTION_TIMEOUT_MS, maxWait: REFRESH_TRANSACTION_TIMEOUT_MS },
    );
    // Marked after the transaction ends (a throw inside it would roll the mark back).
    if (outcome === "invalid") {
      await markCredentialInvalid(deps, credential.id);
      deps.logger.warn("calendar credential invalid", { credentialId: credential.id, type: credential.type });
      throw invalid();
    }
    return outcome;
  }

  async function refreshShared(stale: string | null): Promise<OAuthTokenKey> {
    current = await refreshLocked(stale);
    return current;
  }

  return {
    async accessToken() {
      if (credential.invalid) throw invalid();
      if (!current) throw invalid();
      if (!expired(current)) return current.access_token;
      return (await refreshShared(current.access_token)).access_token;
    },
    async refreshAfterRejection(rejected) {
      if (current && current.access_token !== rejected && !expired(current)) return current.access_token;
      return (await refreshShared(rejected)).access_token;
    },
  };
}

/** A Google or Graph answer that is not a success, as the provider error our callers sort by kind (fail closed on
 * `unavailable`, mark `invalid_credentials`, treat `not_found` as gone). */
export async function providerFailure(response: Response, what: string): Promise<never> {
  await response.body?.cancel();
  if (response.status === 404 || response.status === 410) throw new CalendarProviderError(`${what}: calendar or event not found`, "not_found");
  throw new CalendarProviderError(`${what}: ${response.status}`, response.status === 403 ? "invalid_credentials" : "unavailable");
}
