import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../../src/crypto";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { bearer } from "../../helpers/platform";
import {
  createManagedUser,
  createOAuthClient,
  createPlatformOrganization,
  type CreatedClient,
  type PlatformOrganization,
  testDb,
} from "../../helpers/fixtures";

let org: PlatformOrganization;
let client: CreatedClient;
let otherClient: CreatedClient;

beforeAll(async () => {
  org = await createPlatformOrganization();
  [client, otherClient] = await Promise.all([createOAuthClient(org.owner.apiKey), createOAuthClient(org.owner.apiKey)]);
});

const refresh = (refreshToken: unknown, as: CreatedClient = client, on: CreatedClient = as) =>
  api(`/v2/oauth/${on.clientId}/refresh`, { headers: { "x-cal-secret-key": as.secret }, body: { refreshToken } });

describe("POST /v2/oauth/{clientId}/refresh", () => {
  it("rotates: a new pair in the contract's shape; the old refresh token is spent", async () => {
    const user = await createManagedUser(client);
    const res = await refresh(user.refreshToken);
    expect(res.status).toBe(200);
    expect(contractProblems("OAuthFlowController_refreshTokens", 200, res.body)).toEqual([]);
    const { accessToken, refreshToken } = res.body.data;
    expect(refreshToken).not.toBe(user.refreshToken);
    expect((await api("/v2/me", { headers: bearer(accessToken) })).body.data.id).toBe(user.id);
    // Cal.com leaves the previous access token valid until it expires.
    expect((await api("/v2/me", { headers: bearer(user.accessToken) })).status).toBe(200);
    const next = await refresh(refreshToken);
    expect(next.status).toBe(200);
  });

  it("reuse of a spent refresh token revokes the whole family", async () => {
    const user = await createManagedUser(client);
    const rotated = await refresh(user.refreshToken);
    expect(rotated.status).toBe(200);

    const replay = await refresh(user.refreshToken);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toMatchObject({ code: "BadRequestException", message: "Invalid refresh token" });

    // Everything descended from the replayed token is dead: the rotated pair and the original access token.
    expect((await refresh(rotated.body.data.refreshToken)).status).toBe(400);
    for (const token of [rotated.body.data.accessToken, user.accessToken]) {
      const res = await api("/v2/me", { headers: bearer(token) });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe("ApiAuthStrategy - access token - Invalid Access Token.");
    }
    // Other sessions of the same user are untouched.
    const forced = await api(`/v2/oauth-clients/${client.clientId}/users/${user.id}/force-refresh`, {
      method: "POST",
      headers: { "x-cal-secret-key": client.secret },
    });
    expect((await api("/v2/me", { headers: bearer(forced.body.data.accessToken) })).status).toBe(200);
  });

  it("concurrent refreshes with one token: one wins, the family is then revoked as a reuse", async () => {
    const user = await createManagedUser(client);
    const results = await Promise.all([refresh(user.refreshToken), refresh(user.refreshToken)]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 400]);
  });

  it("400 for an unknown, expired or another client's refresh token (which stays valid for its own client)", async () => {
    expect((await refresh("not-a-refresh-token")).status).toBe(400);

    const theirs = await createManagedUser(otherClient);
    const wrongClient = await refresh(theirs.refreshToken, client);
    expect(wrongClient.status).toBe(400);
    expect(wrongClient.body.error.message).toBe("Invalid refresh token");
    expect((await refresh(theirs.refreshToken, otherClient)).status).toBe(200);

    const expiring = await createManagedUser(client);
    const db = testDb();
    try {
      await db.refreshToken.update({ where: { hashedSecret: await sha256Hex(expiring.refreshToken) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    } finally {
      await db.$disconnect();
    }
    expect((await refresh(expiring.refreshToken)).status).toBe(400);
  });

  it("401 with a wrong client secret; 400 when authenticated some other way", async () => {
    const user = await createManagedUser(client);
    const wrong = await api(`/v2/oauth/${client.clientId}/refresh`, {
      headers: { "x-cal-secret-key": otherClient.secret },
      body: { refreshToken: user.refreshToken },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe("ApiAuthStrategy - oAuth client - Invalid client secret");

    const withApiKey = await api(`/v2/oauth/${client.clientId}/refresh`, { key: org.owner.apiKey, body: { refreshToken: user.refreshToken } });
    expect(withApiKey.status).toBe(400);
    expect(withApiKey.body.error.message).toBe("Invalid OAuthClient credentials.");
    // Neither attempt spent the token.
    expect((await refresh(user.refreshToken)).status).toBe(200);
  });

  it("400 naming refreshToken when it is missing or not a string", async () => {
    for (const body of [{}, { refreshToken: 42 }]) {
      const res = await api(`/v2/oauth/${client.clientId}/refresh`, { headers: { "x-cal-secret-key": client.secret }, body });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain("refreshToken");
    }
  });

  it("401 without credentials", async () => {
    const res = await api(`/v2/oauth/${client.clientId}/refresh`, { body: { refreshToken: "x" } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("Only 'x-cal-client-id' header provided");
  });
});
