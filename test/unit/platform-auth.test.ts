import { describe, expect, it } from "vitest";
import { SigningKeysSchema } from "../../src/env";
import { namespacedEmail, slugify, usernameForChangedEmail, usernameForNewManagedUser } from "../../src/platform/managed-users";
import { isOriginAllowed } from "../../src/platform/oauth-clients";
import { bitsToPermissions, hasPermissions, permissionsToBits } from "../../src/platform/permissions";
import { AccessTokenExpired, AccessTokenInvalid, accessTokenExpiry, refreshTokenExpiry, signAccessToken, verifyAccessToken } from "../../src/platform/tokens";

describe("permission bits (Cal.com's values)", () => {
  it("round-trips names and bits", () => {
    expect(permissionsToBits(["BOOKING_READ", "PROFILE_WRITE"])).toBe(4 | 512);
    expect(permissionsToBits(["*"])).toBe(1023);
    expect(bitsToPermissions(4 | 512)).toEqual(["BOOKING_READ", "PROFILE_WRITE"]);
    expect(hasPermissions(4 | 512, ["BOOKING_READ"])).toBe(true);
    expect(hasPermissions(4, ["BOOKING_READ", "BOOKING_WRITE"])).toBe(false);
  });
});

describe("managed users' emails and usernames", () => {
  it("namespaces once", () => {
    expect(namespacedEmail("cabc", "alice@example.com")).toBe("alice+cabc@example.com");
    expect(namespacedEmail("cabc", "alice+cabc@example.com")).toBe("alice+cabc@example.com");
    expect(namespacedEmail("cabc", "alice+tag@example.com")).toBe("alice+tag+cabc@example.com");
  });

  it("slugifies as Cal.com does", () => {
    expect(slugify("Alice+cabc-example")).toBe("alice-cabc-example");
    expect(slugify("  Émile.Zola__x ")).toBe("emile.zola-x");
    expect(usernameForNewManagedUser("alice+cabc@example.co.uk")).toBe("alice-cabc-example");
    expect(usernameForChangedEmail("alice+cabc@example.co.uk")).toBe("alice-cabc-example-co");
  });
});

describe("isOriginAllowed", () => {
  const uris = ["https://app.example.com/callback", "https://*.preview.example.com", "http://localhost:3000"];
  it("accepts exact, wildcard and same-origin matches", () => {
    expect(isOriginAllowed("http://localhost:3000", uris)).toBe(true);
    expect(isOriginAllowed("https://app.example.com", uris)).toBe(true);
    expect(isOriginAllowed("https://pr-1.preview.example.com", uris)).toBe(true);
  });
  it("refuses look-alikes", () => {
    expect(isOriginAllowed("https://app.example.co", uris)).toBe(false);
    expect(isOriginAllowed("https://app.example.com.evil.net", uris)).toBe(false);
    expect(isOriginAllowed("http://app.example.com", uris)).toBe(false);
    expect(isOriginAllowed("https://previewXexample.com", ["https://*.preview.example.com"])).toBe(false);
  });
});

describe("access tokens", () => {
  const keys = SigningKeysSchema.parse("new:new-secret-0123456789abcdef0123456789,old:old-secret-0123456789abcdef0123456789");
  const subject = { clientId: "cabc", ownerId: 7, familyId: "fam-1" };

  it("expire 60 minutes on, floored to the minute; refresh tokens a year on, at day start", () => {
    const now = Date.UTC(2026, 0, 31, 10, 20, 30, 400);
    expect(accessTokenExpiry(now).toISOString()).toBe("2026-01-31T11:20:00.000Z");
    expect(refreshTokenExpiry(now).toISOString()).toBe("2027-01-31T00:00:00.000Z");
  });

  it("verify with any configured key by kid; fail on an unknown kid, tampering or expiry", async () => {
    const { token } = await signAccessToken(keys, subject);
    expect(await verifyAccessToken(token, keys)).toMatchObject({ clientId: "cabc", ownerId: 7, familyId: "fam-1" });
    const { token: oldToken } = await signAccessToken([keys[1]!], subject);
    expect((await verifyAccessToken(oldToken, keys)).ownerId).toBe(7);
    await expect(verifyAccessToken(oldToken, [keys[0]!])).rejects.toBeInstanceOf(AccessTokenInvalid);
    await expect(verifyAccessToken(token.slice(0, -2) + "xx", keys)).rejects.toBeInstanceOf(AccessTokenInvalid);
    const { token: expired } = await signAccessToken(keys, subject, Date.now() - 2 * 3_600_000);
    await expect(verifyAccessToken(expired, keys)).rejects.toBeInstanceOf(AccessTokenExpired);
  });
});

describe("JWT_SIGNING_KEYS", () => {
  it("rejects malformed lists", () => {
    for (const bad of [
      "",
      "nokid",
      ":secret-0123456789abcdef0123456789",
      "k:short",
      "k:a-secret-0123456789abcdef0123456789,k:b-secret-0123456789abcdef0123456789",
    ]) {
      expect(SigningKeysSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
