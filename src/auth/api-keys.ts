import { randomHex, rememberedSha256Hex, sha256Hex } from "../crypto";

// Cal.com stores sha256(hex) of the 32 hex characters after the prefix, so keys migrated from Cal.com
// (self-hosted `cal_`, cloud `cal_live_`/`cal_test_`) verify unchanged.
const KNOWN_PREFIXES = ["cal_live_", "cal_test_", "cal_"];

// Longest first, per configured prefix: built once, not on every request (the rate limiter and the key check
// both strip the prefix of each presented key).
const prefixesByConfigured = new Map<string, string[]>();

export function stripApiKeyPrefix(key: string, configuredPrefix: string): string {
  let prefixes = prefixesByConfigured.get(configuredPrefix);
  if (!prefixes) {
    prefixes = [configuredPrefix, ...KNOWN_PREFIXES].sort((a, b) => b.length - a.length);
    prefixesByConfigured.set(configuredPrefix, prefixes);
  }
  const prefix = prefixes.find((p) => key.startsWith(p));
  return prefix ? key.slice(prefix.length) : key;
}

// The digest is remembered for repeated callers (rememberedSha256Hex): ~4% of a GET /v2/me's Worker CPU.
export function hashApiKey(key: string, configuredPrefix: string): Promise<string> {
  return rememberedSha256Hex(stripApiKeyPrefix(key, configuredPrefix));
}

export async function generateApiKey(prefix: string): Promise<{ plain: string; hashedKey: string }> {
  const secret = randomHex(16);
  return { plain: `${prefix}${secret}`, hashedKey: await sha256Hex(secret) };
}

const DAY_MS = 86_400_000;

// Cal.com's expiry is day-granular: a key stays valid through the whole day it expires on (UTC here).
export function isApiKeyExpired(expiresAt: Date | string | null, now = Date.now()): boolean {
  if (!expiresAt) return false;
  const expiryDay = Math.floor(new Date(expiresAt).getTime() / DAY_MS);
  return Math.floor(now / DAY_MS) > expiryDay;
}

export function apiKeyExpiry(daysValid: number, neverExpires: boolean, now = Date.now()): Date | null {
  return neverExpires ? null : new Date(now + daysValid * DAY_MS);
}
