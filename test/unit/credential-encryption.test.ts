import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CredentialKeyError, symmetricDecrypt, symmetricEncrypt } from "../../src/credentials/encryption";

// Cal.com's lib/crypto.ts, reproduced with Node's cipher to prove both directions interoperate.
const SECRET = "0123456789abcdef0123456789abcdef";
function nodeEncrypt(text: string, secret: string) {
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes256", Buffer.from(secret, "latin1"), iv);
  return `${iv.toString("hex")}:${cipher.update(text, "utf8", "hex")}${cipher.final("hex")}`;
}
function nodeDecrypt(text: string, secret: string) {
  const [iv = "", data = ""] = text.split(":");
  const decipher = createDecipheriv("aes256", Buffer.from(secret, "latin1"), Buffer.from(iv, "hex"));
  return decipher.update(data, "hex", "utf8") + decipher.final("utf8");
}

describe("credential key encryption (Cal.com's format)", () => {
  const samples = ["", "x", JSON.stringify({ username: "ann@example.com", password: "pässwörd ✓", url: "https://caldav.icloud.com" }), "a".repeat(1000)];

  it("decrypts what Cal.com encrypts and the reverse", async () => {
    for (const text of samples) {
      expect(await symmetricDecrypt(nodeEncrypt(text, SECRET), SECRET)).toBe(text);
      const ours = await symmetricEncrypt(text, SECRET);
      expect(ours).toMatch(/^[0-9a-f]{32}:[0-9a-f]+$/);
      expect(nodeDecrypt(ours, SECRET)).toBe(text);
    }
  });

  it("refuses a wrong key, a malformed string and a key of the wrong length", async () => {
    const encrypted = await symmetricEncrypt("secret", SECRET);
    // CBC has no MAC: a wrong key fails on the padding, except when the garbage happens to end in valid padding.
    const withWrongKey = await symmetricDecrypt(encrypted, "ffffffffffffffffffffffffffffffff").catch((error: unknown) => error);
    expect(withWrongKey instanceof CredentialKeyError || withWrongKey !== "secret").toBe(true);
    await expect(symmetricDecrypt("nocolon", SECRET)).rejects.toBeInstanceOf(CredentialKeyError);
    await expect(symmetricDecrypt("zz:00", SECRET)).rejects.toBeInstanceOf(CredentialKeyError);
    await expect(symmetricEncrypt("x", "short")).rejects.toBeInstanceOf(CredentialKeyError);
  });
});
