import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createOAuthClient, createPlatformOrganization, type CreatedClient, type PlatformOrganization, testDb } from "../../helpers/fixtures";

// x-cal-client-id + x-cal-secret-key: the client acts as its platform organization's owner (else an admin).

let org: PlatformOrganization;
let client: CreatedClient;

beforeAll(async () => {
  org = await createPlatformOrganization();
  client = await createOAuthClient(org.owner.apiKey, { permissions: ["PROFILE_READ"] });
});

describe("OAuth client credentials", () => {
  it("authenticate as the organization's owner", async () => {
    const res = await api("/v2/me", { headers: client.headers });
    expect(res.status).toBe(200);
    expect(contractProblems("MeController_getMe", 200, res.body)).toEqual([]);
    expect(res.body.data.id).toBe(org.owner.userId);
  });

  it("act as an admin when the organization has no owner", async () => {
    const ownerless = await createPlatformOrganization();
    const admin = await ownerless.addMember("ADMIN");
    const ownClient = await createOAuthClient(ownerless.owner.apiKey);
    const db = testDb();
    try {
      await db.membership.deleteMany({ where: { teamId: ownerless.organizationId, role: "OWNER" } });
    } finally {
      await db.$disconnect();
    }
    const res = await api("/v2/me", { headers: ownClient.headers });
    expect(res.body.data.id).toBe(admin.userId);
  });

  it("401 when the organization has neither an owner nor an admin", async () => {
    const empty = await createPlatformOrganization();
    const ownClient = await createOAuthClient(empty.owner.apiKey);
    const db = testDb();
    try {
      await db.membership.deleteMany({ where: { teamId: empty.organizationId } });
    } finally {
      await db.$disconnect();
    }
    const res = await api("/v2/me", { headers: ownClient.headers });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("ApiAuthStrategy - oAuth client - No owner ID found for this OAuth client");
  });

  it("401 for a wrong secret or an unknown client", async () => {
    const wrong = await api("/v2/me", { headers: { "x-cal-client-id": client.clientId, "x-cal-secret-key": "wrong" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: "UnauthorizedException", message: "ApiAuthStrategy - oAuth client - Invalid client secret" });
    const unknown = await api("/v2/me", { headers: { "x-cal-client-id": "cunknown", "x-cal-secret-key": client.secret } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe("ApiAuthStrategy - oAuth client - Client with ID cunknown not found");
  });

  it("401 naming what is missing when only one of the two headers is sent", async () => {
    const onlyId = await api("/v2/me", { headers: { "x-cal-client-id": client.clientId } });
    expect(onlyId.status).toBe(401);
    expect(onlyId.body.error.message).toBe(
      "ApiAuthStrategy - Only 'x-cal-client-id' header provided. Please also provide 'x-cal-secret-key' header or Auth bearer token as 'Authentication' header",
    );
    const onlySecret = await api("/v2/me", { headers: { "x-cal-secret-key": client.secret } });
    expect(onlySecret.status).toBe(401);
    expect(onlySecret.body.error.message).toBe(
      "ApiAuthStrategy - Only 'x-cal-secret-key' header provided. Please also provide 'x-cal-client-id' header or Auth bearer token as 'Authentication' header",
    );
  });

  it("are subject to the client's permissions (PermissionsGuard)", async () => {
    const res = await api("/v2/me", { method: "PATCH", headers: client.headers, body: { name: "x" } });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `PermissionsGuard - oAuth client with id=${client.clientId} does not have the required permissions=PROFILE_WRITE. Go to platform dashboard settings and add the required permissions to the oAuth client.`,
    );
  });

  it("on a route that does not take them, the next credential is used (Cal.com skips a disallowed method)", async () => {
    const res = await api("/v2/api-keys/refresh", {
      method: "POST",
      headers: { ...client.headers, authorization: "Bearer cal_00000000000000000000000000000000" },
      body: {},
    });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("ApiAuthStrategy - api key - Your api key is not valid");
    const alone = await api("/v2/api-keys/refresh", { method: "POST", headers: client.headers, body: {} });
    expect(alone.status).toBe(401);
    expect(alone.body.error.message).toBe("ApiAuthStrategy - Invalid authentication method. Please provide one of the allowed methods: API_KEY");
  });

  it("are rate limited per client (500 a minute by default), not per IP", async () => {
    const res = await api("/v2/me", { headers: client.headers });
    expect(res.headers.get("X-RateLimit-Limit-Default")).toBe("500");
  });
});
