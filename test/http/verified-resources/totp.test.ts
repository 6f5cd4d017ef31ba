// The email codes' TOTP (src/verified-resources/totp.ts) in workerd's Web Crypto, against vectors computed outside
// it: RFC 6238's SHA-1 vectors (last six digits), and a Cal.com-style secret computed with Node's crypto as Cal.com
// does (createHash("md5").update(email + CALENDSO_ENCRYPTION_KEY).digest("hex"), otplib totp, step 900).
import { describe, expect, it } from "vitest";
import { emailCodeSecret, hotp, totpAt, totpCheck } from "../../../src/verified-resources/totp";

describe("TOTP", () => {
  it("matches RFC 6238's SHA-1 vectors (30 s steps, ASCII key)", async () => {
    const key = "12345678901234567890";
    const vectors: [number, string][] = [
      [59, "287082"],
      [1111111109, "081804"],
      [1234567890, "005924"],
      [2000000000, "279037"],
    ];
    for (const [seconds, code] of vectors) expect(await hotp(key, Math.floor(seconds / 30))).toBe(code);
  });

  it("derives Cal.com's secret and code for an address and key (vector from Node's crypto)", async () => {
    const secret = await emailCodeSecret("Ada.Lovelace+verify@example.com", "test-encryption-key-0123456789ab");
    expect(secret).toBe("14a858c006f1443045e2e60dda73395e");
    const at = Date.UTC(2026, 11, 6, 12, 0, 0);
    expect(await totpAt(secret, at)).toBe("484569");
    // Accepted in its own 15-minute step and the next one, not after.
    expect(await totpCheck("484569", secret, at + 899_000)).toBe(true);
    expect(await totpCheck("484569", secret, at + 900_000)).toBe(true);
    expect(await totpCheck("484569", secret, at + 1_800_000)).toBe(false);
    // The previous step's code is still good now; a wrong or malformed code never is.
    expect(await totpCheck("657009", secret, at)).toBe(true);
    expect(await totpCheck("000000", secret, at)).toBe(false);
    expect(await totpCheck("48456", secret, at)).toBe(false);
  });

  it("the secret depends on the address exactly as given (Cal.com does not lower-case it)", async () => {
    const key = "test-encryption-key-0123456789ab";
    expect(await emailCodeSecret("ada@example.com", key)).not.toBe(await emailCodeSecret("Ada@example.com", key));
  });
});
