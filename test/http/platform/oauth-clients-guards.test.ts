import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createLoneUser, createOAuthClient, createPlatformOrganization, type PlatformOrganization, testDb } from "../../helpers/fixtures";

// The 403s of Cal.com's OrganizationRolesGuard and OAuthClientGuard, and one organization's isolation from another.

let org: PlatformOrganization;
let otherOrg: PlatformOrganization;

beforeAll(async () => {
  [org, otherOrg] = await Promise.all([createPlatformOrganization(), createPlatformOrganization()]);
});

const input = { name: "c", redirectUris: [], permissions: ["BOOKING_READ"] };

describe("OrganizationRolesGuard", () => {
  it("403 for a user without an organization", async () => {
    const lone = await createLoneUser();
    const res = await api("/v2/oauth-clients", { key: lone.apiKey });
    expect(res.status).toBe(403);
    expect(res.body.status).toBe("error");
    expect(res.body.error).toMatchObject({
      code: "ForbiddenException",
      message: "OrganizationRolesGuard - No organization associated with the user.",
    });
  });

  it("403 when the organization is not a platform", async () => {
    const plain = await createPlatformOrganization({ isPlatform: false });
    const res = await api("/v2/oauth-clients", { key: plain.owner.apiKey, body: input });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("OrganizationRolesGuard - Organization is not a platform (SHP).");
  });

  it("403 when the membership is not accepted", async () => {
    const pending = await org.addMember("ADMIN", { accepted: false });
    const res = await api("/v2/oauth-clients", { key: pending.apiKey, body: input });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("OrganizationRolesGuard - User has not accepted membership in the organization.");
  });

  it("an API key bound to the organization (teamId) works for a user whose profile is elsewhere", async () => {
    const admin = await org.addMember("ADMIN");
    const db = testDb();
    try {
      await db.user.update({ where: { id: admin.userId }, data: { organizationId: null } });
      await db.apiKey.updateMany({ where: { userId: admin.userId }, data: { teamId: org.organizationId } });
    } finally {
      await db.$disconnect();
    }
    expect((await api("/v2/oauth-clients", { key: admin.apiKey })).status).toBe(200);
  });

  it("404, as Cal.com's findUniqueOrThrow, for a user of the organization without a membership row", async () => {
    const lone = await createLoneUser();
    const db = testDb();
    try {
      await db.user.update({ where: { id: lone.userId }, data: { organizationId: org.organizationId } });
    } finally {
      await db.$disconnect();
    }
    const res = await api("/v2/oauth-clients", { key: lone.apiKey });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "NOT_FOUND", message: "Invalid Query: The requested record was not found." });
  });

  it("the organization's check happens before input validation (403, not 400)", async () => {
    const member = await org.addMember("MEMBER");
    const res = await api("/v2/oauth-clients", { key: member.apiKey, body: { nonsense: true } });
    expect(res.status).toBe(403);
  });
});

describe("OAuthClientGuard and tenant isolation", () => {
  it("403 for another organization's client, never its data", async () => {
    const theirs = await createOAuthClient(otherOrg.owner.apiKey, { name: "Their client" });
    for (const [method, body] of [["GET"], ["PATCH", { name: "hijacked" }], ["DELETE"]] as const) {
      const res = await api(`/v2/oauth-clients/${theirs.clientId}`, { method, key: org.owner.apiKey, body });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        `OAuthClientGuard - forbidden. oAuth client with id=${theirs.clientId} does not belong to the organization with id=${org.organizationId}.`,
      );
      expect(res.text).not.toContain("Their client");
    }
    const still = await api(`/v2/oauth-clients/${theirs.clientId}`, { key: otherOrg.owner.apiKey });
    expect(still.body.data.name).toBe("Their client");
  });

  it("the list shows only the caller's organization's clients", async () => {
    const theirs = await createOAuthClient(otherOrg.owner.apiKey);
    const mine = await createOAuthClient(org.owner.apiKey);
    const res = await api("/v2/oauth-clients", { key: org.owner.apiKey });
    const ids = res.body.data.map((client: { id: string }) => client.id);
    expect(ids).toContain(mine.clientId);
    expect(ids).not.toContain(theirs.clientId);
  });

  it("403 for another organization's client's managed users", async () => {
    const theirs = await createOAuthClient(otherOrg.owner.apiKey);
    const res = await api(`/v2/oauth-clients/${theirs.clientId}/users`, { key: org.owner.apiKey });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain("OAuthClientGuard - forbidden.");
  });

  it("a client's credentials act for its organization: they can read the organization's clients", async () => {
    const client = await createOAuthClient(org.owner.apiKey);
    const res = await api("/v2/oauth-clients", { headers: client.headers });
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { id: string }) => c.id)).toContain(client.clientId);
  });
});
