import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../../src/crypto";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { createOAuthClient, createPlatformOrganization, type PlatformOrganization, testDb } from "../../helpers/fixtures";

let org: PlatformOrganization;

beforeAll(async () => {
  org = await createPlatformOrganization();
});

const validInput = () => ({
  name: "Acme scheduling",
  redirectUris: ["https://acme.example.com", "https://*.acme.example.com"],
  permissions: ["BOOKING_READ", "PROFILE_READ"],
  bookingRedirectUri: "https://acme.example.com/booked",
});

describe("POST /v2/oauth-clients", () => {
  it("creates a client, shows its secret once and stores only its hash", async () => {
    const res = await api("/v2/oauth-clients", { key: org.owner.apiKey, body: validInput() });
    expect(res.status).toBe(201);
    expect(contractProblems("OAuthClientsController_createOAuthClient", 201, res.body)).toEqual([]);
    const { clientId, clientSecret } = res.body.data;
    expect(clientId).toMatch(/^c[0-9a-z]{24}$/);
    expect(clientSecret.length).toBeGreaterThanOrEqual(40);

    const db = testDb();
    try {
      const row = await db.platformOAuthClient.findUniqueOrThrow({ where: { id: clientId } });
      expect(row.hashedSecret).toBe(await sha256Hex(clientSecret));
      expect(JSON.stringify(row)).not.toContain(clientSecret);
      expect(row.organizationId).toBe(org.organizationId);
      expect(row.permissions).toBe(4 | 256);
      expect(row.areDefaultEventTypesEnabled).toBe(false);
    } finally {
      await db.$disconnect();
    }

    const read = await api(`/v2/oauth-clients/${clientId}`, { key: org.owner.apiKey });
    expect(read.text).not.toContain(clientSecret);
  });

  it('grants every permission for ["*"]', async () => {
    const { clientId } = await createOAuthClient(org.owner.apiKey, { permissions: ["*"] });
    const res = await api(`/v2/oauth-clients/${clientId}`, { key: org.owner.apiKey });
    expect(res.body.data.permissions).toEqual([
      "EVENT_TYPE_READ",
      "EVENT_TYPE_WRITE",
      "BOOKING_READ",
      "BOOKING_WRITE",
      "SCHEDULE_READ",
      "SCHEDULE_WRITE",
      "APPS_READ",
      "APPS_WRITE",
      "PROFILE_READ",
      "PROFILE_WRITE",
    ]);
  });

  it("an ADMIN of the organization may create clients too", async () => {
    const admin = await org.addMember("ADMIN");
    const res = await api("/v2/oauth-clients", { key: admin.apiKey, body: validInput() });
    expect(res.status).toBe(201);
  });

  it("400 naming each bad field", async () => {
    const res = await api("/v2/oauth-clients", {
      key: org.owner.apiKey,
      body: { redirectUris: "https://x.example.com", permissions: ["BOOKING_READ", "EVERYTHING"] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("name");
    expect(res.body.error.message).toContain("redirectUris");
    expect(res.body.error.message).toContain("permissions.1");
  });

  itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/oauth-clients", method: "POST", body: validInput() }));
});

describe("GET /v2/oauth-clients and /v2/oauth-clients/{clientId}", () => {
  it("lists the organization's clients in the contract's shape, secrets withheld", async () => {
    const created = await createOAuthClient(org.owner.apiKey, { permissions: ["EVENT_TYPE_READ"] });
    const res = await api("/v2/oauth-clients", { key: org.owner.apiKey });
    expect(res.status).toBe(200);
    expect(contractProblems("OAuthClientsController_getOAuthClients", 200, res.body)).toEqual([]);
    const listed = res.body.data.find((client: { id: string }) => client.id === created.clientId);
    expect(listed).toMatchObject({ organizationId: org.organizationId, permissions: ["EVENT_TYPE_READ"], redirectUris: ["https://app.example.com"] });
    expect(res.text).not.toContain(created.secret);
    expect(res.body.data.every((client: { organizationId: number }) => client.organizationId === org.organizationId)).toBe(true);
  });

  it("a MEMBER may read clients (Cal.com allows it) but not create them", async () => {
    const member = await org.addMember("MEMBER");
    expect((await api("/v2/oauth-clients", { key: member.apiKey })).status).toBe(200);
    const created = await api("/v2/oauth-clients", { key: member.apiKey, body: validInput() });
    expect(created.status).toBe(403);
    expect(created.body.error.message).toBe("OrganizationRolesGuard - User must have one of the roles: ADMIN, OWNER.");
  });

  it("gets one client in the contract's shape", async () => {
    const { clientId } = await createOAuthClient(org.owner.apiKey);
    const res = await api(`/v2/oauth-clients/${clientId}`, { key: org.owner.apiKey });
    expect(res.status).toBe(200);
    expect(contractProblems("OAuthClientsController_getOAuthClientById", 200, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({ id: clientId, areEmailsEnabled: false, areCalendarEventsEnabled: true });
  });

  it("404 from OAuthClientGuard for an unknown client", async () => {
    const res = await api("/v2/oauth-clients/cunknownclient000000000000", { key: org.owner.apiKey });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "NotFoundException", message: "OAuthClientGuard - OAuth client not found." });
  });

  itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/oauth-clients" }));
});

describe("PATCH and DELETE /v2/oauth-clients/{clientId}", () => {
  it("updates fields and keeps permissions", async () => {
    const { clientId } = await createOAuthClient(org.owner.apiKey, { permissions: ["BOOKING_READ"] });
    const res = await api(`/v2/oauth-clients/${clientId}`, {
      method: "PATCH",
      key: org.owner.apiKey,
      body: { name: "Renamed", redirectUris: ["https://new.example.com"], areEmailsEnabled: true, permissions: ["APPS_WRITE"] },
    });
    expect(res.status).toBe(200);
    expect(contractProblems("OAuthClientsController_updateOAuthClient", 200, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({ name: "Renamed", redirectUris: ["https://new.example.com"], areEmailsEnabled: true, permissions: ["BOOKING_READ"] });
  });

  it("400 for a bad field", async () => {
    const { clientId } = await createOAuthClient(org.owner.apiKey);
    const res = await api(`/v2/oauth-clients/${clientId}`, { method: "PATCH", key: org.owner.apiKey, body: { areEmailsEnabled: "yes" } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("areEmailsEnabled");
  });

  it("deletes the client and returns it; its credentials stop working at once", async () => {
    const client = await createOAuthClient(org.owner.apiKey);
    expect((await api("/v2/me", { headers: client.headers })).status).toBe(200);
    const res = await api(`/v2/oauth-clients/${client.clientId}`, { method: "DELETE", key: org.owner.apiKey });
    expect(res.status).toBe(200);
    expect(contractProblems("OAuthClientsController_deleteOAuthClient", 200, res.body)).toEqual([]);
    expect(res.body.data.id).toBe(client.clientId);
    expect((await api(`/v2/oauth-clients/${client.clientId}`, { key: org.owner.apiKey })).status).toBe(404);
    const after = await api("/v2/me", { headers: client.headers });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toBe(`ApiAuthStrategy - oAuth client - Client with ID ${client.clientId} not found`);
  });

  it("a MEMBER cannot update or delete", async () => {
    const member = await org.addMember("MEMBER");
    const { clientId } = await createOAuthClient(org.owner.apiKey);
    for (const method of ["PATCH", "DELETE"]) {
      const res = await api(`/v2/oauth-clients/${clientId}`, { method, key: member.apiKey, body: method === "PATCH" ? { name: "x" } : undefined });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe("OrganizationRolesGuard - User must have one of the roles: ADMIN, OWNER.");
    }
  });
});
