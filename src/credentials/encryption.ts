// Cal.com's symmetric encryption of credential keys (packages/lib/crypto.ts), with Web Crypto: AES-256-CBC,
// PKCS#7 padding, no MAC; the key is CALENDSO_ENCRYPTION_KEY read as latin1 bytes (exactly 32); the string is
// lowercase hex(iv) + ":" + lowercase hex(ciphertext). A Cal.com database's encrypted keys therefore decrypt
// here unchanged under the same secret, and ours decrypt there.
import { bytesToHex } from "../crypto";

export class CredentialKeyError extends Error {}

const keyCache = new Map<string, Promise<CryptoKey>>();

function importKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    const bytes = new Uint8Array(secret.length);
    for (let i = 0; i < secret.length; i++) {
      const code = secret.charCodeAt(i);
      if (code > 0xff) throw new CredentialKeyError("CALENDSO_ENCRYPTION_KEY must be latin1 text");
      bytes[i] = code;
    }
    if (bytes.length !== 32) throw new CredentialKeyError("CALENDSO_ENCRYPTION_KEY must be exactly 32 characters");
    key = crypto.subtle.importKey("raw", bytes, { name: "AES-CBC" }, false, ["encrypt", "decrypt"]);
    keyCache.set(secret, key);
  }
  return key;
}

function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) throw new CredentialKeyError("not a Cal.com encrypted string");
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Cal.com's `symmetricEncrypt(text, CALENDSO_ENCRYPTION_KEY)`. */
export async function symmetricEncrypt(text: string, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const data = await crypto.subtle.encrypt({ name: "AES-CBC", iv }, await importKey(secret), new TextEncoder().encode(text));
  return `${bytesToHex(iv)}:${bytesToHex(new Uint8Array(data))}`;
}

/** Cal.com's `symmetricDecrypt(text, CALENDSO_ENCRYPTION_KEY)`: splits at the first ":". */
export async function symmetricDecrypt(text: string, secret: string): Promise<string> {
  const colon = text.indexOf(":");
  if (colon < 0) throw new CredentialKeyError("not a Cal.com encrypted string");
  const iv = hexToBytes(text.slice(0, colon));
  if (iv.length !== 16) throw new CredentialKeyError("not a Cal.com encrypted string");
  try {
    const plain = await crypto.subtle.decrypt({ name: "AES-CBC", iv }, await importKey(secret), hexToBytes(text.slice(colon + 1)));
    return new TextDecoder().decode(plain);
  } catch (error) {
    if (error instanceof CredentialKeyError) throw error;
    throw new CredentialKeyError("credential key does not decrypt with CALENDSO_ENCRYPTION_KEY");
  }
}
