// Conferencing OAuth keys (Zoom's and Microsoft's token responses) at rest: encrypted with CALENDSO_ENCRYPTION_KEY
// in Cal.com's format (a JSON string `hex(iv):hex(data)`, AES-256-CBC, src/credentials/encryption.ts), the way
// Cal.com stores its password-like keys. Cal.com itself keeps these OAuth keys as plain JSON objects: such rows (a
// migrated Cal.com database) are read unchanged, and rewritten encrypted on their next refresh.
import { symmetricDecrypt, symmetricEncrypt } from "../credentials/encryption";
import { ApiError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Deps } from "../services";

export interface OAuthKey {
  access_token: string;
  refresh_token?: string;
  token_type?: string;
  scope?: string;
  /** Zoom: epoch milliseconds (Cal.com's zoom key); Microsoft: epoch seconds (Cal.com's office365 key). */
  expiry_date?: number;
  [extra: string]: unknown;
}

function secretOf(deps: Deps): string {
  const secret = deps.env.CALENDSO_ENCRYPTION_KEY;
  if (!secret) throw new ApiError("InternalServerErrorException", "CALENDSO_ENCRYPTION_KEY is not configured");
  return secret;
}

export async function encodeOAuthKey(deps: Deps, key: OAuthKey): Promise<Prisma.InputJsonValue> {
  return symmetricEncrypt(JSON.stringify(key), secretOf(deps));
}

/** The stored key: decrypted when it is our encrypted string, as is when it is Cal.com's plain object. */
export async function decodeOAuthKey(deps: Deps, stored: unknown): Promise<OAuthKey> {
  if (typeof stored === "string") return JSON.parse(await symmetricDecrypt(stored, secretOf(deps))) as OAuthKey;
  return (stored ?? {}) as OAuthKey;
}
