// Cal.com's guards on /v2/oauth-clients/{clientId}/webhooks: OrganizationRolesGuard (reads for any member,
// changes for ADMIN/OWNER), OAuthClientGuard (a client of the caller's organization) and
// IsOAuthClientWebhookGuard (a webhook of that client).
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { bearer } from "../../helpers/platform";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { createWebhookFor, uniqueName } from "../../helpers/webhooks";
import {
  createManagedUser,
  createOAuthClient,
  createPlatformOrganization,
  type CreatedClient,
  type Member,
  type PlatformOrganization,
  createTenant,
  withDb,
} from "../../helpers/fixtures";

let org: PlatformOrganization;
let otherOrg: PlatformOrganization;
let client: CreatedClient;
let siblingClient: CreatedClient;
let foreignClient: CreatedClient;
let member: Member;
let webhookId: string;
let siblingWebhookId: string;
let foreignWebhookId: string;

const hookBody = (tag: string) => ({
  subscriberUrl: `https://example.com/${tag}/${uniqueName()}`,
  triggers: ["BOOKING_CREATED"],
  active: true,
  secret: "client-only",
});
const asClient = (target: CreatedClient) => ({ headers: { "x-cal-secret-key": target.secret } });
const base = () => `/v2/oauth-clients/${client.clientId}/webhooks`;

beforeAll(async () => {
  org = await createPlatformOrganization();
  otherOrg = await createPlatformOrganization();
  client = await createOAuthClient(org.owner.apiKey);
  siblingClient = await createOAuthClient(org.owner.apiKey);
  foreignClient = await createOAuthClient(otherOrg.owner.apiKey);
  member = await org.addMember("MEMBER");
  webhookId = (await api(base(), { ...asClient(client), body: hookBody("mine") })).body.data.id;
  siblingWebhookId = (await api(`/v2/oauth-clients/${siblingClient.clientId}/webhooks`, { ...asClient(siblingClient), body: hookBody("sibling") })).body.data
    .id;
  foreignWebhookId = (await api(`/v2/oauth-clients/${foreignClient.clientId}/webhooks`, { ...asClient(foreignClient), body: hookBody("foreign") })).body.data
    .id;
});

const ROUTES = () => [
  { path: base(), method: "POST", body: hookBody("x") },
  { path: base(), method: "GET" },
  { path: base(), method: "DELETE" },
  { path: `${base()}/${webhookId}`, method: "GET" },
  { path: `${base()}/${webhookId}`, method: "PATCH", body: { active: false } },
  { path: `${base()}/${webhookId}`, method: "DELETE" },
];

const ONLY_CLIENT_ID = "Only 'x-cal-client-id' header provided";

const ROUTE_TITLES = ["POST", "GET", "DELETE"]
  .map((m) => `${m} /v2/oauth-clients/{clientId}/webhooks`)
  .concat(["GET", "PATCH", "DELETE"].map((m) => `${m} /v2/oauth-clients/{clientId}/webhooks/{webhookId}`));

for (const [index, title] of ROUTE_TITLES.entries()) {
  describe(title, () => {
    itRejectsMissingAndInvalidCredentials(() => ROUTES()[index]!, { missingCredentials: ONLY_CLIENT_ID });

    it("401 with another client's secret (the path's client id is the one checked)", async () => {
      const { path, ...rest } = ROUTES()[index]!;
      const res = await api(path, { ...rest, ...asClient(siblingClient) });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe("ApiAuthStrategy - oAuth client - Invalid client secret");
    });
  });
}

describe("another organization", () => {
  it("every operation on this organization's client is OAuthClientGuard's 403, never data", async () => {
    for (const route of ROUTES()) {
      const res = await api(route.path, { method: route.method, key: otherOrg.owner.apiKey, body: route.body });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect(res.body.error.message).toBe(
        `OAuthClientGuard - forbidden. oAuth client with id=${client.clientId} does not belong to the organization with id=${otherOrg.organizationId}.`,
      );
      expect(res.text).not.toContain("client-only");
      expect(res.text).not.toContain("example.com/mine/");
    }
    const row = await withDb((db) => db.webhook.findUniqueOrThrow({ where: { id: webhookId } }));
    expect(row).toMatchObject({ active: true, platformOAuthClientId: client.clientId });
  });

  it("a user outside any organization gets OrganizationRolesGuard's 403", async () => {
    const lone = await createTenant();
    const res = await api(base(), { key: lone.apiKey });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("OrganizationRolesGuard - No organization associated with the user.");
  });

  it("an unknown client is OAuthClientGuard's 404", async () => {
    const res = await api("/v2/oauth-clients/cnosuchclient0000000000000/webhooks", { key: org.owner.apiKey });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe("OAuthClientGuard - OAuth client not found.");
  });
});

describe("IsOAuthClientWebhookGuard", () => {
  it.each([
    ["another client of the same organization", () => siblingWebhookId],
    ["a client of another organization", () => foreignWebhookId],
  ])("a webhook of %s is a 403 without data, with the client's credentials or the owner's key", async (_case, id) => {
    for (const auth of [asClient(client), { key: org.owner.apiKey }]) {
      for (const method of ["GET", "PATCH", "DELETE"]) {
        const res = await api(`${base()}/${id()}`, { method, ...auth, ...(method === "PATCH" ? { body: { active: false } } : {}) });
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe("IsOAuthClientWebhookGuard - Webhook does not belong to this oAuthClient");
        expect(res.text).not.toContain("client-only");
      }
    }
    const row = await withDb((db) => db.webhook.findUniqueOrThrow({ where: { id: id() } }));
    expect(row.active).toBe(true);
  });

  it("a user webhook under a client path is a 403 too", async () => {
    const userHook = await createWebhookFor(await createTenant(), { subscriberUrl: `https://example.com/user/${uniqueName()}` });
    const res = await api(`${base()}/${userHook.id}`, asClient(client));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("IsOAuthClientWebhookGuard - Webhook does not belong to this oAuthClient");
  });

  it("a client webhook is not reachable through the user webhook routes", async () => {
    const res = await api(`/v2/webhooks/${webhookId}`, { key: org.owner.apiKey });
    expect(res.status).toBe(403);
  });
});

describe("organization roles", () => {
  it("a MEMBER may read the client's webhooks but not change them", async () => {
    const list = await api(base(), { key: member.apiKey });
    expect(list.status).toBe(200);
    expect(list.body.data.map((webhook: any) => webhook.id)).toContain(webhookId);
    expect((await api(`${base()}/${webhookId}`, { key: member.apiKey })).status).toBe(200);

    const writes = ROUTES().filter((route) => route.method !== "GET");
    for (const route of writes) {
      const res = await api(route.path, { method: route.method, key: member.apiKey, body: route.body });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect(res.body.error.message).toBe("OrganizationRolesGuard - User must have one of the roles: ADMIN, OWNER.");
    }
    expect((await api(base(), asClient(client))).body.data.map((webhook: any) => webhook.id)).toContain(webhookId);
  });

  it("an ADMIN may create and delete", async () => {
    const admin = await org.addMember("ADMIN");
    const created = await api(base(), { key: admin.apiKey, body: hookBody("admin") });
    expect(created.status).toBe(201);
    expect((await api(`${base()}/${created.body.data.id}`, { method: "DELETE", key: admin.apiKey })).status).toBe(200);
  });

  it("a managed user's access token cannot change the client's webhooks", async () => {
    const managed = await createManagedUser(client);
    const res = await api(base(), { headers: bearer(managed.accessToken), body: hookBody("managed") });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("OrganizationRolesGuard - User must have one of the roles: ADMIN, OWNER.");
  });

  it("the roles are checked before input validation: an invalid body from a MEMBER is a 403", async () => {
    const res = await api(base(), { key: member.apiKey, body: { nonsense: true } });
    expect(res.status).toBe(403);
  });
});
