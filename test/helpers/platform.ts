import { env } from "cloudflare:workers";
import { EncryptJWT } from "jose";
import { readEnv, type SigningKey } from "../../src/env";
import type { LooseBody } from "./api";
import { fetchWithEnv } from "./app";

// Platform authentication helpers; organizations, OAuth clients and managed users are made in fixtures.ts.

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The signing keys the test Worker is configured with (vitest.config.ts): [current, previous]. */
export function testSigningKeys(): SigningKey[] {
  const parsed = readEnv(env as unknown as Record<string, unknown>);
  if (!parsed.ok || !parsed.env.JWT_SIGNING_KEYS) throw new Error("test bindings lack JWT_SIGNING_KEYS");
  return parsed.env.JWT_SIGNING_KEYS;
}

/**
 * A NextAuth v4 session cookie value, made as next-auth/jwt's encode() makes it: a JWE (dir + A256GCM) with the
 * key HKDF-SHA256(secret, salt "", info "NextAuth.js Generated Encryption Key", 32 bytes).
 */
export async function nextAuthSessionToken(claims: Record<string, unknown>, options: { secret?: string; expiresInSeconds?: number } = {}): Promise<string> {
  const secret = options.secret ?? (env as unknown as { NEXTAUTH_SECRET: string }).NEXTAUTH_SECRET;
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveBits"]);
  const key = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new TextEncoder().encode("NextAuth.js Generated Encryption Key") },
      material,
      256,
    ),
  );
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 30 * 86_400))
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

/** A GET through the Worker's app with some bindings replaced (test/helpers/app.ts). */
export function getWithBindings<T = LooseBody>(overrides: Record<string, string | undefined>, path: string, headers: Record<string, string> = {}) {
  return fetchWithEnv<T>(new Request(`http://api.test${path}`, { headers }), overrides);
}
