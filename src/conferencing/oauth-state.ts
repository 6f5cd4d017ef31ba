// The `state` of the conferencing OAuth round trip. Cal.com puts the caller's raw API key or access token in it
// (JSON), so the credential travels to Zoom/Microsoft and into browser history, and anyone holding the URL can
// act as the caller. Here the state names the caller by id and is signed (HMAC-SHA256 under a key derived from
// CALENDSO_ENCRYPTION_KEY) and short-lived: the callback trusts only what we issued, for 15 minutes.
import { bytesToHex, digestsEqual } from "../crypto";
import { ApiError } from "../errors";
import type { Deps } from "../services";

export interface OAuthState {
  userId: number;
  teamId?: number;
  orgId?: number;
  returnTo?: string;
  onErrorReturnTo?: string;
  /** The flow the state was issued for when it is not a conferencing app's (`stripe`): its callback checks it. */
  flow?: string;
  /** Unix seconds after which the state is refused. */
  expiresAt: number;
}

const TTL_SECONDS = 15 * 60;
const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function stateKey(deps: Deps): Promise<CryptoKey> {
  const secret = deps.env.CALENDSO_ENCRYPTION_KEY;
  if (!secret) throw new ApiError("InternalServerErrorException", "CALENDSO_ENCRYPTION_KEY is not configured");
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(`conferencing-oauth-state:${secret}`), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(secret, key);
  }
  return key;
}

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...encoder.encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const fromBase64Url = (text: string) => {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
};

async function sign(deps: Deps, payload: string): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.sign("HMAC", await stateKey(deps), encoder.encode(payload))));
}

export async function issueState(deps: Deps, state: Omit<OAuthState, "expiresAt">): Promise<string> {
  const payload = toBase64Url(JSON.stringify({ ...state, expiresAt: Math.floor(deps.now() / 1000) + TTL_SECONDS }));
  return `${payload}.${await sign(deps, payload)}`;
}

/** The state we issued, or null for anything else (forged, altered, expired, malformed). */
export async function verifyState(deps: Deps, value: string): Promise<OAuthState | null> {
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const payload = value.slice(0, dot);
  if (!digestsEqual(value.slice(dot + 1), await sign(deps, payload))) return null;
  try {
    const state = JSON.parse(fromBase64Url(payload)) as OAuthState;
    if (typeof state.userId !== "number" || typeof state.expiresAt !== "number") return null;
    if (state.expiresAt < deps.now() / 1000) return null;
    return state;
  } catch {
    return null;
  }
}

/**
 * The unverified redirect targets of a state, to send a failure somewhere when the state does not verify: only its
 * `onErrorReturnTo`, and only when the signature holds (an expired state still has a genuine target).
 */
export async function errorTargetOf(deps: Deps, value: string): Promise<string | undefined> {
  const dot = value.lastIndexOf(".");
  if (dot < 1) return undefined;
  const payload = value.slice(0, dot);
  if (!digestsEqual(value.slice(dot + 1), await sign(deps, payload))) return undefined;
  try {
    const target = (JSON.parse(fromBase64Url(payload)) as OAuthState).onErrorReturnTo;
    return typeof target === "string" ? target : undefined;
  } catch {
    return undefined;
  }
}
