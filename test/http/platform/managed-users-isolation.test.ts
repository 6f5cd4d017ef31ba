import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { bearer } from "../../helpers/platform";
import {
  createManagedUser,
  createOAuthClient,
  createPlatformOrganization,
  type CreatedClient,
  type CreatedManagedUser,
  type PlatformOrganization,
} from "../../helpers/fixtures";

// One client cannot see or change another client's users; a managed user's token cannot manage users.

let org: PlatformOrganization;
let clientA: CreatedClient;
let clientB: CreatedClient;
let userOfA: CreatedManagedUser;
let userOfB: CreatedManagedUser;

beforeAll(async () => {
  org = await createPlatformOrganization();
  [clientA, clientB] = await Promise.all([createOAuthClient(org.owner.apiKey), createOAuthClient(org.owner.apiKey)]);
  [userOfA, userOfB] = await Promise.all([createManagedUser(clientA), createManagedUser(clientB)]);
});

describe("credentials on /v2/oauth-clients/{clientId}/users", () => {
  it("the path's client id wins over x-cal-client-id: another client's secret is refused", async () => {
    const res = await api(`/v2/oauth-clients/${clientA.clientId}/users`, { headers: clientB.headers });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: "UnauthorizedException", message: "ApiAuthStrategy - oAuth client - Invalid client secret" });
  });

  it("401 for an unknown client id", async () => {
    const res = await api("/v2/oauth-clients/cnosuchclient0000000000000/users", { headers: { "x-cal-secret-key": clientA.secret } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("ApiAuthStrategy - oAuth client - Client with ID cnosuchclient0000000000000 not found");
  });

  it("401 naming the missing secret when only the path's client id is there", async () => {
    const res = await api(`/v2/oauth-clients/${clientA.clientId}/users`);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe(
      "ApiAuthStrategy - Only 'x-cal-client-id' header provided. Please also provide 'x-cal-secret-key' header or Auth bearer token as 'Authentication' header",
    );
  });

  it("an admin's API key may manage the organization's managed users (Cal.com allows any method here)", async () => {
    const res = await api(`/v2/oauth-clients/${clientA.clientId}/users/${userOfA.id}`, { key: org.owner.apiKey });
    expect(res.status).toBe(200);
  });
});

describe("one client, another client's users", () => {
  it("404 for every operation on a user of another client of the same organization", async () => {
    const base = `/v2/oauth-clients/${clientA.clientId}/users/${userOfB.id}`;
    const calls = [{ method: "GET" }, { method: "PATCH", body: { name: "Hijacked" } }, { method: "DELETE" }, { method: "POST", path: `${base}/force-refresh` }];
    for (const call of calls) {
      const res = await api(call.path ?? base, { method: call.method, body: call.body, headers: { "x-cal-secret-key": clientA.secret } });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(`User with ID ${userOfB.id} is not part of this OAuth client.`);
    }
    const stillThere = await api(`/v2/oauth-clients/${clientB.clientId}/users/${userOfB.id}`, { headers: { "x-cal-secret-key": clientB.secret } });
    expect(stillThere.body.data.name).toBe("Alice");
    expect((await api("/v2/me", { headers: bearer(userOfB.accessToken) })).status).toBe(200);
  });

  it("the list never includes another client's users, even when filtered by their email", async () => {
    const res = await api(`/v2/oauth-clients/${clientA.clientId}/users?emails=${encodeURIComponent(userOfB.email)}`, {
      headers: { "x-cal-secret-key": clientA.secret },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});

describe("a managed user's access token", () => {
  it("cannot manage users: 403 from OrganizationRolesGuard (a managed user is a MEMBER)", async () => {
    for (const clientId of [clientA.clientId, clientB.clientId]) {
      const res = await api(`/v2/oauth-clients/${clientId}/users`, { headers: bearer(userOfA.accessToken) });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe("OrganizationRolesGuard - User must have one of the roles: ADMIN, OWNER.");
    }
  });

  it("acts only as its own user", async () => {
    const res = await api("/v2/me", { headers: bearer(userOfA.accessToken) });
    expect(res.body.data.id).toBe(userOfA.id);
    // Changing the user id inside the token breaks its signature.
    const [header, payload, signature] = userOfA.accessToken.split(".");
    const claims = JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/")));
    const forged = btoa(JSON.stringify({ ...claims, ownerId: userOfB.id }))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    const tampered = await api("/v2/me", { headers: bearer(`${header}.${forged}.${signature}`) });
    expect(tampered.status).toBe(401);
    expect(tampered.body.error.message).toBe("ApiAuthStrategy - access token - Invalid Access Token.");
  });
});
