import { jwtDecrypt } from "jose";
import { sha256Hex } from "../../crypto";
import { readCached, writeCached } from "../cache";
import { apiAuthError } from "../errors";
import type { Strategy } from "./types";

// A Cal.com web app session: NextAuth v4's JWE session cookie (alg "dir", enc A256GCM), encrypted with a key
// derived from NEXTAUTH_SECRET by HKDF-SHA256 (empty salt, info "NextAuth.js Generated Encryption Key").
// A cookie that does not decrypt is treated as absent, as Cal.com's getToken() returning null is.

const HKDF_INFO = "NextAuth.js Generated Encryption Key";
// NextAuth's decode() tolerates 15 s of clock skew.
const CLOCK_TOLERANCE_SECONDS = 15;

// Derived from configuration only, so safe to keep for the isolate's life.
const derivedKeys = new Map<string, Promise<Uint8Array>>();

function encryptionKey(secret: string): Promise<Uint8Array> {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = (async () => {
      const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveBits"]);
      const bits = await crypto.subtle.deriveBits(
        { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new TextEncoder().encode(HKDF_INFO) },
        material,
        256,
      );
      return new Uint8Array(bits);
    })();
    derivedKeys.set(secret, key);
  }
  return key;
}

interface CachedSession {
  userId: number;
  organizationId: number | null;
}

export const nextAuthStrategy: Strategy<"NEXT_AUTH"> = async (services, credential) => {
  const { env } = services;
  if (!env.NEXTAUTH_SECRET) return null;
  const cacheKey = `auth:session:${await sha256Hex(credential.cookie)}`;
  const [cached] = await readCached<CachedSession>(services, [cacheKey]);
  if (cached) return { strategy: "NEXT_AUTH", userId: cached.userId, organizationId: cached.organizationId };

  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtDecrypt(credential.cookie, await encryptionKey(env.NEXTAUTH_SECRET), {
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
    }));
  } catch {
    return null;
  }
  if (typeof payload.email !== "string" || !payload.email) throw apiAuthError("next auth", "Email not found in the authentication token.");
  const user = await services.db.user.findUnique({ where: { email: payload.email }, select: { id: true, organizationId: true } });
  if (!user) throw apiAuthError("next auth", "User associated with the authentication token email not found.");

  const session: CachedSession = { userId: user.id, organizationId: user.organizationId };
  const secondsLeft = typeof payload.exp === "number" ? payload.exp - Date.now() / 1000 : env.AUTH_CACHE_TTL_SECONDS;
  writeCached(services, cacheKey, session, Math.min(env.AUTH_CACHE_TTL_SECONDS, secondsLeft));
  return { strategy: "NEXT_AUTH", ...session };
};
