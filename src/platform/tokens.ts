import { errors, jwtVerify, SignJWT, type JWTHeaderParameters } from "jose";
import { randomBase64Url } from "../crypto";
import type { SigningKey } from "../env";

// Managed users' tokens. Pure functions (no I/O) so the Worker, the tests and the bench scripts share them.
//
// Access tokens are HS256 JWTs with a key id (`kid`) in the header. Their payload keeps Cal.com's fields
// (`clientId`, `ownerId`, `expiresAt` in ms, `iat`, `jti`) and adds `exp` (checked locally) and `fam` (the
// refresh-token family it belongs to, used for revocation). Refresh tokens are opaque random strings.

export const ACCESS_TOKEN_TYPE = "access_token";
const ACCESS_TOKEN_MINUTES = 60;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface AccessTokenClaims {
  clientId: string;
  ownerId: number;
  familyId: string;
  jti: string;
  expiresAt: number;
}

export class AccessTokenExpired extends Error {}
export class AccessTokenInvalid extends Error {}

// Cal.com: 60 minutes from now, floored to the minute.
export function accessTokenExpiry(now = Date.now()): Date {
  return new Date(Math.floor((now + ACCESS_TOKEN_MINUTES * MINUTE_MS) / MINUTE_MS) * MINUTE_MS);
}

// Cal.com: one year from now, at the start of that day (UTC here).
export function refreshTokenExpiry(now = Date.now()): Date {
  const inOneYear = new Date(now);
  inOneYear.setUTCFullYear(inOneYear.getUTCFullYear() + 1);
  return new Date(Math.floor(inOneYear.getTime() / DAY_MS) * DAY_MS);
}

export function generateRefreshToken(): string {
  return randomBase64Url(32);
}

// Imported HMAC keys, per secret: derived from configuration only, so safe to keep for the isolate's life.
const importedKeys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = importedKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    importedKeys.set(secret, key);
  }
  return key;
}

export async function signAccessToken(
  keys: readonly SigningKey[],
  subject: { clientId: string; ownerId: number; familyId: string },
  now = Date.now(),
): Promise<{ token: string; expiresAt: Date }> {
  const signer = keys[0];
  if (!signer) throw new Error("no signing key configured");
  const expiresAt = accessTokenExpiry(now);
  const token = await new SignJWT({
    type: ACCESS_TOKEN_TYPE,
    clientId: subject.clientId,
    ownerId: subject.ownerId,
    expiresAt: expiresAt.getTime(),
    fam: subject.familyId,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: signer.kid })
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setJti(crypto.randomUUID())
    .sign(await hmacKey(signer.secret));
  return { token, expiresAt };
}

/** Checks signature (by `kid`, any configured key) and expiry; no I/O. Throws AccessTokenExpired/Invalid. */
export async function verifyAccessToken(token: string, keys: readonly SigningKey[]): Promise<AccessTokenClaims> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(
      token,
      (header: JWTHeaderParameters) => {
        const key = keys.find((candidate) => candidate.kid === header.kid);
        if (!key) throw new AccessTokenInvalid("unknown key id");
        return hmacKey(key.secret);
      },
      { algorithms: ["HS256"] },
    ));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AccessTokenExpired();
    throw new AccessTokenInvalid(error instanceof Error ? error.message : String(error));
  }
  const { type, clientId, ownerId, fam, jti, expiresAt } = payload;
  if (
    type !== ACCESS_TOKEN_TYPE ||
    typeof clientId !== "string" ||
    typeof ownerId !== "number" ||
    typeof fam !== "string" ||
    typeof jti !== "string" ||
    typeof expiresAt !== "number"
  ) {
    throw new AccessTokenInvalid("unexpected claims");
  }
  return { clientId, ownerId, familyId: fam, jti, expiresAt };
}
