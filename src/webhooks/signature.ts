import { bytesToHex } from "../crypto";

const encoder = new TextEncoder();

// Cal.com sends this literal in x-cal-signature-256 when the webhook has no secret.
export const NO_SECRET_SIGNATURE = "no-secret-provided";

export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return bytesToHex(new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message))));
}

/**
 * The signature headers of one delivery attempt:
 * - `X-Cal-Signature-256`: hex HMAC-SHA256 of the raw body (Cal.com's header, unchanged);
 * - `X-Cal-Signature-Timestamped`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, so a subscriber
 *   can also reject replays of an old request (sent only when the webhook has a secret).
 */
export async function signatureHeaders(secret: string | null, body: string, timestampSeconds: number): Promise<Record<string, string>> {
  if (!secret) return { "X-Cal-Signature-256": NO_SECRET_SIGNATURE };
  const [bodySignature, timestamped] = await Promise.all([hmacSha256Hex(secret, body), hmacSha256Hex(secret, `${timestampSeconds}.${body}`)]);
  return {
    "X-Cal-Signature-256": bodySignature,
    "X-Cal-Signature-Timestamped": `t=${timestampSeconds},v1=${timestamped}`,
  };
}
