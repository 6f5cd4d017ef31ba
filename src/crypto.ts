const encoder = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(text));
  return bytesToHex(new Uint8Array(digest));
}

// Credentials presented again and again (an integration's API key, a managed user's token) are hashed on every
// request by the rate limiter and the API-key check: their digests are remembered for the isolate's life. Bounded;
// the oldest entry goes first. Only for values that identify a caller; the digest of a value never changes.
const MAX_REMEMBERED_DIGESTS = 10_000;
const rememberedDigests = new Map<string, string>();

/** sha256Hex, remembered (see above): a repeated credential costs a Map lookup instead of a digest. */
export async function rememberedSha256Hex(text: string): Promise<string> {
  const known = rememberedDigests.get(text);
  if (known !== undefined) return known;
  const digest = await sha256Hex(text);
  if (rememberedDigests.size >= MAX_REMEMBERED_DIGESTS) rememberedDigests.delete(rememberedDigests.keys().next().value as string);
  rememberedDigests.set(text, digest);
  return digest;
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

export function randomHex(byteCount: number): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(byteCount)));
}

export function randomBase64Url(byteCount: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(byteCount));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// Compares two hex digests without leaking, through timing, how many leading characters match.
export function digestsEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
