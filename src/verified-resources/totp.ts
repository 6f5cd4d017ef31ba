// Cal.com's stateless email codes (packages/features/auth/lib/verifyEmail.ts sendEmailVerificationByCode and
// packages/lib/totp.ts totpRawCheck), with Web Crypto: the secret is the MD5 hex of `email + CALENDSO_ENCRYPTION_KEY`,
// used as ASCII key bytes of an RFC 6238 TOTP (HMAC-SHA1, 6 digits, 900-second steps, otplib's defaults for `totp`).
// Nothing is stored: a code is valid in its own step and the next one (otplib window [1, 0]), so it lives 15 to 30
// minutes, and a code made by a Cal.com deployment with the same key verifies here (and the other way round).

export const TOTP_STEP_SECONDS = 900;
const DIGITS = 6;

const encoder = new TextEncoder();

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, "0")).join("");

/** The per-address secret: MD5 hex of the address exactly as given (Cal.com does not lower-case it) and the key. */
export async function emailCodeSecret(email: string, encryptionKey: string): Promise<string> {
  // MD5 is a Workers extension of SubtleCrypto (not in the Web Crypto standard).
  return hex(await crypto.subtle.digest("MD5", encoder.encode(email + encryptionKey)));
}

/** RFC 4226 HOTP of `counter` with the secret's ASCII bytes as the HMAC-SHA1 key. */
export async function hotp(secret: string, counter: number): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, message.buffer));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, "0");
}

const stepAt = (epochMs: number) => Math.floor(epochMs / 1000 / TOTP_STEP_SECONDS);

/** The code of the step containing `epochMs`. */
export const totpAt = (secret: string, epochMs: number): Promise<string> => hotp(secret, stepAt(epochMs));

/** Whether `code` is the code of the current step or of the previous one. */
export async function totpCheck(code: string, secret: string, epochMs: number): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const step = stepAt(epochMs);
  const candidates = await Promise.all([hotp(secret, step), hotp(secret, step - 1)]);
  return candidates.some((candidate) => constantTimeEqual(candidate, code));
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
