import { beforeAll, describe, expect, it } from "vitest";
import { signAccessToken } from "../../../src/platform/tokens";
import { api } from "../../helpers/api";
import { getWithBindings, bearer, testSigningKeys } from "../../helpers/platform";
import {
  createManagedUser,
  createOAuthClient,
  createPlatform,
  type CreatedClient,
  type CreatedManagedUser,
  type PlatformOrganization,
} from "../../helpers/fixtures";

// The calls Cal.com's React atoms make first (atoms-calls.md): all API versions, no version header.

let org: PlatformOrganization;
let client: CreatedClient;
let user: CreatedManagedUser;

beforeAll(async () => {
  ({ org, client, user } = await createPlatform({ name: "Atoms client" }));
});

describe("GET /v2/provider/{clientId}", () => {
  it("returns the client's id, organization and name, without credentials, for every version", async () => {
    for (const version of [undefined, "2024-06-14", "2024-09-04"]) {
      const res = await api(`/v2/provider/${client.clientId}`, { version });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: "success", data: { clientId: client.clientId, organizationId: org.organizationId, name: "Atoms client" } });
    }
  });

  it("401 for an unknown client", async () => {
    const res = await api("/v2/provider/cnosuchclient0000000000000");
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: "UnauthorizedException", message: "Unauthorized" });
  });
});

describe("GET /v2/provider/{clientId}/access-token", () => {
  const path = () => `/v2/provider/${client.clientId}/access-token`;

  it("200 {status} for a valid access token of this client, with the atoms' headers", async () => {
    const res = await api(path(), {
      headers: { ...bearer(user.accessToken), "x-cal-client-id": client.clientId, "x-cal-platform-embed": "false", origin: "https://app.example.com" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "success" });
  });

  it("498 for an expired token, so the atoms refresh it", async () => {
    const family = JSON.parse(atob(user.accessToken.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))).fam;
    const { token } = await signAccessToken(testSigningKeys(), { clientId: client.clientId, ownerId: user.id, familyId: family }, Date.now() - 3 * 3_600_000);
    const res = await api(path(), { headers: bearer(token) });
    expect(res.status).toBe(498);
    expect(res.body.error.message).toBe("ACCESS_TOKEN_IS_EXPIRED");
  });

  it("401 without a token, with a bad one, or with another client's token", async () => {
    expect((await api(path())).status).toBe(401);
    expect((await api(path(), { headers: bearer("nope") })).status).toBe(401);
    const other = await createOAuthClient(org.owner.apiKey);
    const otherUser = await createManagedUser(other);
    const res = await api(path(), { headers: bearer(otherUser.accessToken) });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("ApiAuthStrategy - access token - Invalid Access Token.");
  });

  it("accepts the client's own credentials too (Cal.com's ApiAuthGuard)", async () => {
    const res = await api(path(), { headers: { "x-cal-secret-key": client.secret } });
    expect(res.status).toBe(200);
  });

  it("verifies a warm access token without the database", async () => {
    const unreachable = { DATABASE_URL: "not-a-database-url" };
    // The first call fills the Redis cache (family state and client record).
    expect((await getWithBindings({}, path(), bearer(user.accessToken))).status).toBe(200);
    const res = await getWithBindings(unreachable, path(), bearer(user.accessToken));
    expect(res.status).toBe(200);
    // …whereas a path that needs the database fails with the same bindings.
    expect((await getWithBindings(unreachable, `/v2/provider/${client.clientId}`)).status).toBe(500);
  });
});
