import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import {
  createManagedUser,
  createOAuthClient,
  createOrganization,
  type OrganizationFixture,
  type OrgMember,
  sql,
  unique,
  withDb,
} from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

// Guards of Orgs / Users and Orgs / Memberships: IsOrgGuard, RolesGuard (ORG_ADMIN), PlatformPlanGuard,
// IsAdminAPIEnabledGuard, IsUserInOrg / IsMembershipInOrg; another organization's users and memberships are never
// read or changed; only an OWNER creates, changes or removes an OWNER.

let org: OrganizationFixture;
let other: OrganizationFixture;
let admin: OrgMember;
let member: OrgMember;
const users = (orgId: number, suffix = "") => `/v2/organizations/${orgId}/users${suffix}`;
const memberships = (orgId: number, suffix = "") => `/v2/organizations/${orgId}/memberships${suffix}`;
const membershipId = async (orgId: number, userId: number) =>
  (await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "teamId" = ${orgId} AND "userId" = ${userId}`)[0]!.id;

beforeAll(async () => {
  [org, other] = [await createOrganization(), await createOrganization()];
  [admin, member] = [await org.addMember("ADMIN"), await org.addMember("MEMBER")];
  await api(users(org.organizationId), { key: org.owner.apiKey });
});

describe("credentials", () => {
  describe("GET users", () => itRejectsMissingAndInvalidCredentials(() => ({ path: users(org.organizationId) })));
  describe("DELETE membership", () => itRejectsMissingAndInvalidCredentials(() => ({ path: memberships(org.organizationId, "/1"), method: "DELETE" })));
});

describe("roles", () => {
  it("a MEMBER gets RolesGuard's 403 on every route; an ADMIN passes, a pending one too (as Cal.com)", async () => {
    const tooLow = `RolesGuard - user with id=${member.userId} does not have the minimum required role=ORG_ADMIN within organization with id=${org.organizationId}.`;
    for (const [path, method, body] of [
      [users(org.organizationId), "GET", undefined],
      [users(org.organizationId), "POST", { email: `${unique()}@example.com` }],
      [users(org.organizationId, `/${admin.userId}`), "PATCH", { bio: "x" }],
      [users(org.organizationId, `/${admin.userId}`), "DELETE", undefined],
      [memberships(org.organizationId), "GET", undefined],
      [memberships(org.organizationId), "POST", { userId: member.userId, role: "OWNER" }],
    ] as const) {
      const res = await api(path, { method, key: member.apiKey, ...(body ? { body } : {}) });
      expect(expectError(res, 403, "ForbiddenException").error.message).toBe(tooLow);
    }
    const pending = await org.addMember("ADMIN", { accepted: false });
    expect((await api(users(org.organizationId), { key: pending.apiKey })).status).toBe(200);
    expect((await api(users(org.organizationId), { key: admin.apiKey })).status).toBe(200);
  });

  it("another organization's owner gets 403 and no data; an unknown organization is IsOrgGuard's 403", async () => {
    for (const path of [users(org.organizationId), memberships(org.organizationId), `/v2/organizations/${org.organizationId}/schedules`]) {
      const res = await api(path, { key: other.owner.apiKey });
      expect(expectError(res, 403).error.message).toBe(`RolesGuard - User is not a member of the organization with id=${org.organizationId}.`);
      expect(res.text).not.toContain(member.email);
    }
    const unknown = await api(users(2147483000), { key: org.owner.apiKey });
    expect(expectError(unknown, 403).error.message).toBe("IsOrgGuard - provided organization id=2147483000 does not represent any existing organization.");
  });

  it("an org whose admin API is off, and a platform org without a subscription, are refused", async () => {
    const off = await createOrganization();
    await withDb((db) => db.organizationSettings.update({ where: { organizationId: off.organizationId }, data: { isAdminAPIEnabled: false } }));
    expect(expectError(await api(users(off.organizationId), { key: off.owner.apiKey }), 403).error.message).toContain("IsAdminAPIEnabledGuard");
    const unpaid = await createOrganization({ isPlatform: true, plan: null });
    expect(expectError(await api(memberships(unpaid.organizationId), { key: unpaid.owner.apiKey }), 403).error.message).toBe(
      `PlatformPlanGuard - No platform subscription found for organization with id=${unpaid.organizationId}.`,
    );
  });
});

describe("another organization's users and memberships", () => {
  it("PATCH/DELETE of another org's user is IsUserInOrg's 403 and changes nothing", async () => {
    const victim = await other.addMember("MEMBER");
    for (const method of ["PATCH", "DELETE"]) {
      const res = await api(users(org.organizationId, `/${victim.userId}`), {
        method,
        key: org.owner.apiKey,
        ...(method === "PATCH" ? { body: { bio: "pwned" } } : {}),
      });
      expect(expectError(res, 403).error.message).toBe(
        `IsUserInOrg - user with id=${victim.userId} is not part of the organization with id=${org.organizationId}.`,
      );
    }
    expect(await sql`SELECT "bio" FROM "users" WHERE "id" = ${victim.userId}`).toEqual([{ bio: null }]);
  });

  it("another org's membership is a 404 on GET, PATCH and DELETE, and stays", async () => {
    const victim = await other.addMember("ADMIN");
    const id = await membershipId(other.organizationId, victim.userId);
    const res = await api(memberships(org.organizationId, `/${id}`), { method: "DELETE", key: org.owner.apiKey });
    expect(expectError(res, 404).error.message).toBe(`IsMembershipInOrg - Membership (${id}) not found.`);
    expect(await sql`SELECT 1 FROM "Profile" WHERE "userId" = ${victim.userId}`).toHaveLength(1);
  });
});

describe("owners", () => {
  it("an ADMIN can neither create an OWNER user nor grant OWNER (even to themselves by upsert)", async () => {
    const created = await api(users(org.organizationId), { key: admin.apiKey, body: { email: `${unique()}@example.com`, organizationRole: "OWNER" } });
    expect(expectError(created, 403).error.message).toBe("TeamMembershipRoles - Only a team OWNER can grant the OWNER role or change or remove an OWNER.");
    const self = await api(memberships(org.organizationId), { key: admin.apiKey, body: { userId: admin.userId, role: "OWNER", accepted: true } });
    expect(self.status).toBe(403);
    const grant = await api(memberships(org.organizationId, `/${await membershipId(org.organizationId, member.userId)}`), {
      method: "PATCH",
      key: admin.apiKey,
      body: { role: "OWNER" },
    });
    expect(grant.status).toBe(403);
    expect(await sql`SELECT "role" FROM "Membership" WHERE "teamId" = ${org.organizationId} AND "userId" = ${admin.userId}`).toEqual([{ role: "ADMIN" }]);
  });

  it("an ADMIN can neither change, demote nor remove the OWNER", async () => {
    const ownerMembership = await membershipId(org.organizationId, org.owner.userId);
    const calls = [
      api(users(org.organizationId, `/${org.owner.userId}`), { method: "PATCH", key: admin.apiKey, body: { email: `${unique()}@evil.example` } }),
      api(users(org.organizationId, `/${org.owner.userId}`), { method: "DELETE", key: admin.apiKey }),
      api(memberships(org.organizationId, `/${ownerMembership}`), { method: "PATCH", key: admin.apiKey, body: { role: "MEMBER" } }),
      api(memberships(org.organizationId, `/${ownerMembership}`), { method: "DELETE", key: admin.apiKey }),
    ];
    for (const res of await Promise.all(calls)) expect(expectError(res, 403).error.message).toContain("Only a team OWNER");
    expect(await sql`SELECT "email" FROM "users" WHERE "id" = ${org.owner.userId}`).toEqual([{ email: org.owner.email }]);
  });

  it("the last OWNER can be neither demoted nor removed (400); an ADMIN manages MEMBERs", async () => {
    const local = await createOrganization();
    const id = await membershipId(local.organizationId, local.owner.userId);
    const demote = await api(memberships(local.organizationId, `/${id}`), { method: "PATCH", key: local.owner.apiKey, body: { role: "ADMIN" } });
    expect(expectError(demote, 400).error.message).toContain("must keep at least one OWNER");
    expect((await api(users(local.organizationId, `/${local.owner.userId}`), { method: "DELETE", key: local.owner.apiKey })).status).toBe(400);
    const localAdmin = await local.addMember("ADMIN");
    const target = await local.addMember("MEMBER");
    const res = await api(users(local.organizationId, `/${target.userId}`), { method: "PATCH", key: localAdmin.apiKey, body: { bio: "ok" } });
    expect(dataOf(res)).toMatchObject({ bio: "ok" });
  });
});

describe("platform organizations", () => {
  it("managed users are org users (their profile), and OAuth client credentials act for the organization", async () => {
    const platform = await createOrganization({ isPlatform: true });
    const client = await createOAuthClient(platform.owner.apiKey);
    const managed = await createManagedUser(client);
    const res = await api(users(platform.organizationId), { headers: client.headers });
    const list = dataOf<{ id: number; profile: { organizationId: number; username: string } }[]>(res);
    expect(list.map((u) => u.id)).toEqual([platform.owner.userId, managed.id]);
    expect(list[1]!.profile.organizationId).toBe(platform.organizationId);
    // The managed user's access token is not an org admin.
    const asManaged = await api(users(platform.organizationId), { headers: { authorization: `Bearer ${managed.accessToken}` } });
    expect(asManaged.status).toBe(403);
    // A new email gives the managed user a new username, in its profile too (Cal.com).
    const patched = await api(`/v2/oauth-clients/${client.clientId}/users/${managed.id}`, {
      method: "PATCH",
      headers: { "x-cal-secret-key": client.secret },
      body: { email: `renamed-${unique()}@example.com` },
    });
    const { username } = dataOf<{ username: string }>(patched);
    expect(await sql`SELECT "username" FROM "Profile" WHERE "userId" = ${managed.id}`).toEqual([{ username }]);
  });
});

describe("documentation", () => {
  it("the OpenAPI document lists the operations with Cal.com's operation ids and schema names", async () => {
    const doc = (await api("/docs/openapi.json")).body;
    expect(doc.paths["/v2/organizations/{orgId}/users/{userId}"].patch.operationId).toBe("OrganizationsUsersController_updateOrganizationUser");
    expect(doc.paths["/v2/organizations/{orgId}/memberships"].post.operationId).toBe("OrganizationsMembershipsController_createMembership");
    expect(doc.paths["/v2/organizations/{orgId}/users/{userId}/schedules/{scheduleId}"].delete.operationId).toBe(
      "OrganizationsSchedulesController_deleteUserSchedule",
    );
    for (const name of ["CreateOrganizationUserInput", "GetOrgUsersWithProfileOutput", "CreateOrgMembershipDto", "OrganizationMembershipOutput"]) {
      expect(doc.components.schemas[name]).toBeDefined();
    }
  });
});
