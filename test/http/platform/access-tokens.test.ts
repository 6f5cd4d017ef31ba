import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { signAccessToken } from "../../../src/platform/tokens";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { bearer, testSigningKeys } from "../../helpers/platform";
import {
  createManagedUser,
  createOAuthClient,
  createPlatform,
  type CreatedClient,
  type CreatedManagedUser,
  type PlatformOrganization,
  testDb,
} from "../../helpers/fixtures";

let org: PlatformOrganization;
let client: CreatedClient;
let user: CreatedManagedUser;

beforeAll(async () => {
  ({ org, client, user } = await createPlatform({
    permissions: ["*"],
    redirectUris: ["https://app.example.com/callback", "https://*.preview.example.com"],
  }));
});

const familyOf = (token: string) => JSON.parse(atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))).fam as string;

describe("Authorization: Bearer <access token>", () => {
  it("authenticates the managed user (GET /v2/me in the contract's shape)", async () => {
    const res = await api("/v2/me", { headers: bearer(user.accessToken) });
    expect(res.status).toBe(200);
    expect(contractProblems("MeController_getMe", 200, res.body)).toEqual([]);
    expect(res.body.data.id).toBe(user.id);
    // Rate limited per token, at the access-token limit (500 a minute by default).
    expect(res.headers.get("X-RateLimit-Limit-Default")).toBe("500");
  });

  it("carries Cal.com's payload fields and a key id", async () => {
    const [header, payload] = user.accessToken
      .split(".")
      .slice(0, 2)
      .map((part) => JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/"))));
    expect(header).toMatchObject({ alg: "HS256", kid: "test-current" });
    expect(payload).toMatchObject({ clientId: client.clientId, ownerId: user.id, type: "access_token" });
    expect(typeof payload.expiresAt).toBe("number");
    expect(payload.exp).toBe(payload.expiresAt / 1000);
  });

  it("401 for a malformed token and for a refresh token presented as one", async () => {
    for (const token of ["not-a-jwt", "a.b.c", user.refreshToken]) {
      const res = await api("/v2/me", { headers: bearer(token) });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: "UnauthorizedException", message: "ApiAuthStrategy - access token - Invalid Access Token." });
    }
  });

  it("401 for a token signed with an unknown key, or unsigned", async () => {
    const claims = { type: "access_token", clientId: client.clientId, ownerId: user.id, fam: familyOf(user.accessToken), expiresAt: Date.now() + 3_600_000 };
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", kid: "test-current" })
      .setExpirationTime("1h")
      .setJti("x")
      .sign(new TextEncoder().encode("an-attacker-secret-that-is-long-enough"));
    const unsigned = `${btoa(JSON.stringify({ alg: "none", typ: "JWT" }))}.${btoa(JSON.stringify(claims))}.`;
    for (const token of [forged, unsigned]) {
      const res = await api("/v2/me", { headers: bearer(token) });
      expect(res.status).toBe(401);
    }
  });

  it("a token signed with the previous (rotated-out) key still verifies", async () => {
    const [, previous] = testSigningKeys();
    const { token } = await signAccessToken([previous!], { clientId: client.clientId, ownerId: user.id, familyId: familyOf(user.accessToken) });
    expect(JSON.parse(atob(token.split(".")[0]!)).kid).toBe("test-previous");
    expect((await api("/v2/me", { headers: bearer(token) })).status).toBe(200);
  });

  it("498 ACCESS_TOKEN_IS_EXPIRED for an expired token", async () => {
    const { token } = await signAccessToken(
      testSigningKeys(),
      { clientId: client.clientId, ownerId: user.id, familyId: familyOf(user.accessToken) },
      Date.now() - 2 * 3_600_000,
    );
    const res = await api("/v2/me", { headers: bearer(token) });
    expect(res.status).toBe(498);
    expect(res.body.status).toBe("error");
    expect(res.body.error).toMatchObject({ code: "TokenExpiredException", message: "ACCESS_TOKEN_IS_EXPIRED" });
  });

  it("401 for a validly signed token of a family that does not exist (revoked or never issued)", async () => {
    const { token } = await signAccessToken(testSigningKeys(), { clientId: client.clientId, ownerId: user.id, familyId: crypto.randomUUID() });
    const res = await api("/v2/me", { headers: bearer(token) });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("ApiAuthStrategy - access token - Invalid Access Token.");
  });

  it("is not accepted by a route that takes only API keys", async () => {
    const res = await api("/v2/api-keys/refresh", { method: "POST", headers: bearer(user.accessToken), body: {} });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("ApiAuthStrategy - Invalid authentication method. Please provide one of the allowed methods: API_KEY");
  });
});

describe("Origin check against the client's redirect URIs", () => {
  it("accepts an origin listed exactly, by wildcard, or as the origin of a listed URI", async () => {
    for (const origin of ["https://app.example.com", "https://pr-12.preview.example.com"]) {
      const res = await api("/v2/me", { headers: { ...bearer(user.accessToken), origin } });
      expect(res.status, origin).toBe(200);
    }
  });

  it("401 for any other origin, naming it", async () => {
    const res = await api("/v2/me", { headers: { ...bearer(user.accessToken), origin: "https://evil.example.net" } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe(
      `ApiAuthStrategy - access token - Invalid request origin - please open https://app.cal.com/settings/platform and add the origin 'https://evil.example.net' to the 'Redirect uris' of your OAuth client with ID '${client.clientId}'`,
    );
  });

  it("follows a change of redirect URIs at once", async () => {
    const own = await createOAuthClient(org.owner.apiKey, { redirectUris: ["https://one.example.com"] });
    const ownUser = await createManagedUser(own);
    const headers = { ...bearer(ownUser.accessToken), origin: "https://two.example.com" };
    expect((await api("/v2/me", { headers })).status).toBe(401);
    await api(`/v2/oauth-clients/${own.clientId}`, { method: "PATCH", key: org.owner.apiKey, body: { redirectUris: ["https://two.example.com"] } });
    expect((await api("/v2/me", { headers })).status).toBe(200);
  });
});

describe("PermissionsGuard", () => {
  it("403 when the token's client lacks PROFILE_READ / PROFILE_WRITE", async () => {
    const limited = await createOAuthClient(org.owner.apiKey, { permissions: ["BOOKING_READ", "PROFILE_READ"] });
    const limitedUser = await createManagedUser(limited);
    expect((await api("/v2/me", { headers: bearer(limitedUser.accessToken) })).status).toBe(200);
    const res = await api("/v2/me", { method: "PATCH", headers: bearer(limitedUser.accessToken), body: { name: "New" } });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: "ForbiddenException",
      message: `PermissionsGuard - oAuth client with id=${limited.clientId} does not have the required permissions=PROFILE_WRITE. Go to platform dashboard settings and add the required permissions to the oAuth client.`,
    });

    const none = await createOAuthClient(org.owner.apiKey, { permissions: [] });
    const noneUser = await createManagedUser(none);
    const read = await api("/v2/me", { headers: bearer(noneUser.accessToken) });
    expect(read.status).toBe(403);
    expect(read.body.error.message).toContain("does not have the required permissions=PROFILE_READ.");
  });

  it("API keys skip it", async () => {
    expect((await api("/v2/me", { key: org.owner.apiKey })).status).toBe(200);
  });
});

describe("revocation", () => {
  it("a deleted client's tokens stop working", async () => {
    const doomed = await createOAuthClient(org.owner.apiKey);
    const doomedUser = await createManagedUser(doomed);
    expect((await api("/v2/me", { headers: bearer(doomedUser.accessToken) })).status).toBe(200);
    await api(`/v2/oauth-clients/${doomed.clientId}`, { method: "DELETE", key: org.owner.apiKey });
    const res = await api("/v2/me", { headers: bearer(doomedUser.accessToken) });
    expect(res.status).toBe(401);
  });

  it("the revocation is recorded in the database, not only in Redis", async () => {
    const revoked = await createManagedUser(client);
    await api(`/v2/oauth-clients/${client.clientId}/users/${revoked.id}/force-refresh`, { method: "POST", headers: { "x-cal-secret-key": client.secret } });
    const db = testDb();
    try {
      const rows = await db.refreshToken.findMany({ where: { familyId: familyOf(revoked.accessToken) } });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.revokedAt !== null)).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });
});
