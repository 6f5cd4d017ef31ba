import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { bearer } from "../../helpers/platform";
import {
  createManagedUser,
  createOAuthClient,
  createPlatformOrganization,
  unique,
  type CreatedClient,
  type PlatformOrganization,
  testDb,
} from "../../helpers/fixtures";

let org: PlatformOrganization;
let client: CreatedClient;

beforeAll(async () => {
  org = await createPlatformOrganization();
  client = await createOAuthClient(org.owner.apiKey, { permissions: ["*"] });
});

const usersPath = () => `/v2/oauth-clients/${client.clientId}/users`;
const secretHeader = () => ({ "x-cal-secret-key": client.secret });

describe("POST /v2/oauth-clients/{clientId}/users", () => {
  it("creates a managed user with a namespaced email and returns its tokens", async () => {
    const local = `bob-${unique()}`;
    const res = await api(usersPath(), {
      headers: secretHeader(),
      body: { email: `${local}@Example.com`, name: "Bob", timeZone: "America/New_York", weekStart: "Monday", timeFormat: 24, metadata: { crm: "42" } },
    });
    expect(res.status).toBe(201);
    expect(contractProblems("OAuthClientUsersController_createUser", 201, res.body)).toEqual([]);
    const { user, accessToken, refreshToken, accessTokenExpiresAt, refreshTokenExpiresAt } = res.body.data;
    expect(user).toMatchObject({
      email: `${local}+${client.clientId}@example.com`,
      username: `${local}-${client.clientId}-example`,
      name: "Bob",
      timeZone: "America/New_York",
      weekStart: "Monday",
      timeFormat: 24,
      locale: "en",
      metadata: { crm: "42" },
    });
    // 60 minutes, floored to the minute; refresh token a year.
    expect(accessTokenExpiresAt % 60_000).toBe(0);
    expect(accessTokenExpiresAt - Date.now()).toBeGreaterThan(58 * 60_000);
    expect(accessTokenExpiresAt - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(refreshTokenExpiresAt - Date.now()).toBeGreaterThan(360 * 86_400_000);
    expect(accessToken.split(".")).toHaveLength(3);
    expect(refreshToken).not.toBe(accessToken);

    const me = await api("/v2/me", { headers: bearer(accessToken) });
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({
      id: user.id,
      email: user.email,
      organizationId: org.organizationId,
      organization: { id: org.organizationId, isPlatform: true },
    });

    const db = testDb();
    try {
      const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { memberships: true, platformOAuthClients: { select: { id: true } } } });
      expect(row.isPlatformManaged).toBe(true);
      expect(row.memberships).toMatchObject([{ teamId: org.organizationId, role: "MEMBER", accepted: true }]);
      expect(row.platformOAuthClients).toEqual([{ id: client.clientId }]);
    } finally {
      await db.$disconnect();
    }
  });

  it("409 for an email the client already has", async () => {
    const email = `dup-${unique()}@example.com`;
    const first = await createManagedUser(client, { email });
    const again = await api(usersPath(), { headers: secretHeader(), body: { email, name: "Again" } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "ConflictException",
      message: `User with the provided e-mail already exists. Existing user ID=${first.id}`,
    });
  });

  it("two clients may each have their own user with the same email", async () => {
    const email = `shared-${unique()}@example.com`;
    const otherClient = await createOAuthClient(org.owner.apiKey);
    const a = await createManagedUser(client, { email });
    const b = await createManagedUser(otherClient, { email });
    expect(a.id).not.toBe(b.id);
    expect(b.email).toBe(email.replace("@", `+${otherClient.clientId}@`));
  });

  it("400 naming each bad field", async () => {
    const res = await api(usersPath(), { headers: secretHeader(), body: { email: "not-an-email", timeZone: "Mars/Base", timeFormat: 13 } });
    expect(res.status).toBe(400);
    for (const field of ["email", "name", "timeZone", "timeFormat"]) expect(res.body.error.message).toContain(field);
  });
});

describe("GET /v2/oauth-clients/{clientId}/users", () => {
  it("lists the client's managed users, filtered by email as given or namespaced, paginated", async () => {
    const a = await createManagedUser(client);
    const b = await createManagedUser(client);
    const plainA = a.email.replace(`+${client.clientId}`, "");
    const res = await api(`${usersPath()}?emails=${encodeURIComponent(`${plainA},${b.email}`)}`, { headers: secretHeader() });
    expect(res.status).toBe(200);
    expect(contractProblems("OAuthClientUsersController_getManagedUsers", 200, res.body)).toEqual([]);
    expect(res.body.data.map((user: { id: number }) => user.id)).toEqual([a.id, b.id]);

    const page = await api(`${usersPath()}?emails=${encodeURIComponent(`${plainA},${b.email}`)}&limit=1&offset=1`, { headers: secretHeader() });
    expect(page.body.data.map((user: { id: number }) => user.id)).toEqual([b.id]);
  });

  it("400 for a bad email filter or pagination", async () => {
    const res = await api(`${usersPath()}?emails=a@example.com,nope&limit=0`, { headers: secretHeader() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("Invalid email nope");
    expect(res.body.error.message).toContain("limit");
  });
});

describe("GET, PATCH, DELETE /v2/oauth-clients/{clientId}/users/{userId}", () => {
  it("gets a managed user", async () => {
    const user = await createManagedUser(client);
    const res = await api(`${usersPath()}/${user.id}`, { headers: secretHeader() });
    expect(res.status).toBe(200);
    expect(contractProblems("OAuthClientUsersController_getUserById", 200, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({ id: user.id, email: user.email });
  });

  it("updates a managed user; a new email is namespaced and the username follows", async () => {
    const user = await createManagedUser(client);
    const local = `carol-${unique()}`;
    const res = await api(`${usersPath()}/${user.id}`, {
      method: "PATCH",
      headers: secretHeader(),
      body: { email: `${local}@example.org`, name: "Carol", timeZone: "Europe/Paris", locale: "fr" },
    });
    expect(res.status).toBe(200);
    expect(contractProblems("OAuthClientUsersController_updateUser", 200, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({
      email: `${local}+${client.clientId}@example.org`,
      username: `${local}-${client.clientId}-example-org`,
      name: "Carol",
      timeZone: "Europe/Paris",
      locale: "fr",
    });
  });

  it("400 for a bad update or a user id that is not a number", async () => {
    const user = await createManagedUser(client);
    const bad = await api(`${usersPath()}/${user.id}`, { method: "PATCH", headers: secretHeader(), body: { weekStart: "Someday" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("weekStart");
    expect((await api(`${usersPath()}/abc`, { headers: secretHeader() })).status).toBe(400);
  });

  it("deletes a managed user, whose tokens stop working", async () => {
    const user = await createManagedUser(client);
    const res = await api(`${usersPath()}/${user.id}`, { method: "DELETE", headers: secretHeader() });
    expect(res.status).toBe(200);
    expect(contractProblems("OAuthClientUsersController_deleteUser", 200, res.body)).toEqual([]);
    expect(res.body.data.id).toBe(user.id);
    expect((await api(`${usersPath()}/${user.id}`, { headers: secretHeader() })).status).toBe(404);
    const me = await api("/v2/me", { headers: bearer(user.accessToken) });
    expect(me.status).toBe(401);
    expect(me.body.error.message).toBe("ApiAuthStrategy - access token - Invalid Access Token.");
  });

  it("404 for a user that is not this client's", async () => {
    const res = await api(`${usersPath()}/${org.owner.userId}`, { headers: secretHeader() });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`User with ID ${org.owner.userId} is not part of this OAuth client.`);
  });
});

describe("POST /v2/oauth-clients/{clientId}/users/{userId}/force-refresh", () => {
  it("issues a new pair and revokes every earlier token", async () => {
    const user = await createManagedUser(client);
    const res = await api(`${usersPath()}/${user.id}/force-refresh`, { method: "POST", headers: secretHeader() });
    expect(res.status).toBe(200);
    expect(contractProblems("OAuthClientUsersController_forceRefresh", 200, res.body)).toEqual([]);
    expect((await api("/v2/me", { headers: bearer(res.body.data.accessToken) })).status).toBe(200);

    const old = await api("/v2/me", { headers: bearer(user.accessToken) });
    expect(old.status).toBe(401);
    expect(old.body.error.message).toBe("ApiAuthStrategy - access token - Invalid Access Token.");
    const oldRefresh = await api(`/v2/oauth/${client.clientId}/refresh`, { headers: secretHeader(), body: { refreshToken: user.refreshToken } });
    expect(oldRefresh.status).toBe(400);
    expect(oldRefresh.body.error.message).toBe("Invalid refresh token");
  });
});
