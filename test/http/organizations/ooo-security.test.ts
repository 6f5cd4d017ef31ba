import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { createOrganization, createTenant, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

// Guards of Orgs / Users / OOO: ORG_ADMIN (IsOrg, Roles, PlatformPlan ESSENTIALS, AdminAPI), IsUserInOrg on user
// routes, IsUserOOO on entry routes. Another org's admin never reads or changes this org's entries.

let org: OrganizationFixture;
let other: OrganizationFixture;
let admin: OrgMember;
let member: OrgMember;
let entryId: number;

const orgId = () => org.organizationId;
const userPath = (userId: number) => `/v2/organizations/${orgId()}/users/${userId}/ooo`;
const body = { start: "2033-01-01T00:00:00Z", end: "2033-01-02T00:00:00Z" };

beforeAll(async () => {
  [org, other] = await Promise.all([createOrganization(), createOrganization()]);
  [admin, member] = await Promise.all([org.addMember("ADMIN"), org.addMember("MEMBER")]);
  entryId = dataOf<{ id: number }>(await api(userPath(member.userId), { key: org.owner.apiKey, body: { ...body, notes: "secret note" } }), 201).id;
}, 120_000);

describe("credentials", () => {
  describe("GET …/users/{userId}/ooo", () => itRejectsMissingAndInvalidCredentials(() => ({ path: userPath(member.userId) })));
  describe("POST …/users/{userId}/ooo", () => itRejectsMissingAndInvalidCredentials(() => ({ path: userPath(member.userId), method: "POST", body })));
  describe("PATCH …/ooo/{oooId}", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: `${userPath(member.userId)}/${entryId}`, method: "PATCH", body: { notes: "x" } })));
  describe("DELETE …/ooo/{oooId}", () => itRejectsMissingAndInvalidCredentials(() => ({ path: `${userPath(member.userId)}/${entryId}`, method: "DELETE" })));
  describe("GET /v2/organizations/{orgId}/ooo", () => itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/organizations/${orgId()}/ooo` })));
});

describe("roles", () => {
  it("ADMIN and OWNER pass; a MEMBER gets RolesGuard's 403 on every route and learns nothing", async () => {
    for (const who of [admin, org.owner]) expect(dataOf<unknown[]>(await api(userPath(member.userId), { key: who.apiKey })).length).toBe(1);
    const calls = [
      { path: userPath(member.userId) },
      { path: userPath(member.userId), method: "POST", body: { ...body, start: "2033-02-01T00:00:00Z", end: "2033-02-01T00:00:00Z" } },
      { path: `${userPath(member.userId)}/${entryId}`, method: "PATCH", body: { notes: "hijacked" } },
      { path: `${userPath(member.userId)}/${entryId}`, method: "DELETE" },
      { path: `/v2/organizations/${orgId()}/ooo` },
    ];
    for (const { path, ...call } of calls) {
      const res = await api(path, { ...call, key: member.apiKey });
      expect(expectError(res, 403, "ForbiddenException").error.message).toBe(
        `RolesGuard - user with id=${member.userId} does not have the minimum required role=ORG_ADMIN within organization with id=${orgId()}.`,
      );
      expect(res.text).not.toContain("secret note");
    }
    const [row] = await sql<{ notes: string }>`SELECT "notes" FROM "OutOfOfficeEntry" WHERE "id" = ${entryId}`;
    expect(row?.notes).toBe("secret note");
  });

  it("another org's owner: RolesGuard 403 on this org; through their own org, this org's user is IsUserInOrg's 403", async () => {
    const res = await api(`/v2/organizations/${orgId()}/ooo`, { key: other.owner.apiKey });
    expect(expectError(res, 403).error.message).toBe(`RolesGuard - User is not a member of the organization with id=${orgId()}.`);
    const via = `/v2/organizations/${other.organizationId}/users/${member.userId}`;
    for (const [path, method] of [
      [`${via}/ooo`, "GET"],
      [`${via}/ooo`, "POST"],
      [`${via}/ooo/${entryId}`, "PATCH"],
      [`${via}/ooo/${entryId}`, "DELETE"],
    ] as const) {
      const r = await api(path, { method, key: other.owner.apiKey, ...(method === "GET" || method === "DELETE" ? {} : { body }) });
      expect(expectError(r, 403).error.message).toBe(
        `IsUserInOrg - user with id=${member.userId} is not part of the organization with id=${other.organizationId}.`,
      );
    }
    // The org-wide list of their own org does not carry this org's entries.
    expect(dataOf<unknown[]>(await api(`/v2/organizations/${other.organizationId}/ooo`, { key: other.owner.apiKey }))).toEqual([]);
  });

  it("an entry of another user of the org through this user's path is IsUserOOO's 403", async () => {
    const path = `${userPath(admin.userId)}/${entryId}`;
    for (const method of ["PATCH", "DELETE"]) {
      const res = await api(path, { method, key: org.owner.apiKey, ...(method === "PATCH" ? { body: { notes: "x" } } : {}) });
      expect(expectError(res, 403).error.message).toBe("This OOO entry does not belong to this user.");
    }
  });

  it("a user outside any org, an unknown org id: IsOrgGuard's 403", async () => {
    const tenant = await createTenant();
    expect(expectError(await api(`/v2/organizations/2147483000/ooo`, { key: tenant.apiKey }), 403).error.message).toBe(
      "IsOrgGuard - provided organization id=2147483000 does not represent any existing organization.",
    );
    expect(expectError(await api(`/v2/organizations/${orgId()}/ooo`, { key: tenant.apiKey }), 403).error.message).toContain("RolesGuard");
  });

  it("a platform org without a subscription: PlatformPlanGuard's 403", async () => {
    const platform = await createOrganization({ isPlatform: true, plan: null });
    expect(expectError(await api(`/v2/organizations/${platform.organizationId}/ooo`, { key: platform.owner.apiKey }), 403).error.message).toBe(
      `PlatformPlanGuard - No platform subscription found for organization with id=${platform.organizationId}.`,
    );
  });
});
