import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { createManagedOrganizationViaApi, createOrganization, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

// Who may run the Managed Orgs routes: ORG_ADMIN of a platform manager on the SCALE plan, and only on the
// organizations that manager manages (IsManagedOrgInManagerOrg). Refusals carry no data of the organization.

let manager: OrganizationFixture;
let member: OrgMember;
let admin: OrgMember;
let otherManager: OrganizationFixture;
let managed: { id: number; name: string; slug: string };
let othersManaged: { id: number; name: string; slug: string };

const base = (orgId = manager.organizationId) => `/v2/organizations/${orgId}/organizations`;
const tooLow = (userId: number, orgId: number) =>
  `RolesGuard - user with id=${userId} does not have the minimum required role=ORG_ADMIN within organization with id=${orgId}.`;
const notOwned = (id: number, orgId: number) =>
  `IsManagedOrgInManagerOrg - Managed organization with id=${id} is not owned by manager organization with id=${orgId}.`;

beforeAll(async () => {
  [manager, otherManager] = await Promise.all([createOrganization({ isPlatform: true }), createOrganization({ isPlatform: true })]);
  [member, admin] = await Promise.all([manager.addMember("MEMBER"), manager.addMember("ADMIN")]);
  managed = await createManagedOrganizationViaApi(manager.owner.apiKey, manager.organizationId, { metadata: { secret: "manager-one" } });
  othersManaged = await createManagedOrganizationViaApi(otherManager.owner.apiKey, otherManager.organizationId, { metadata: { secret: "manager-two" } });
});

describe("credentials", () => {
  describe("POST", () => itRejectsMissingAndInvalidCredentials(() => ({ path: base(), method: "POST", body: { name: "x" } })));
  describe("GET one", () => itRejectsMissingAndInvalidCredentials(() => ({ path: `${base()}/${managed.id}` })));
});

describe("roles", () => {
  it("an org MEMBER gets the RolesGuard 403 on every route", async () => {
    for (const [method, path] of [
      ["POST", base()],
      ["GET", base()],
      ["GET", `${base()}/${managed.id}`],
      ["PATCH", `${base()}/${managed.id}`],
      ["DELETE", `${base()}/${managed.id}`],
    ] as const) {
      const res = await api(path, { method, key: member.apiKey, ...(method === "POST" || method === "PATCH" ? { body: { name: "Hijack" } } : {}) });
      expect(expectError(res, 403, "ForbiddenException").error.message).toBe(tooLow(member.userId, manager.organizationId));
    }
    expect(await sql`SELECT "name" FROM "Team" WHERE "id" = ${managed.id}`).toEqual([{ name: managed.name }]);
  });

  it("ADMIN and OWNER pass", async () => {
    for (const who of [admin, manager.owner]) expect(dataOf(await api(`${base()}/${managed.id}`, { key: who.apiKey }))).toMatchObject({ id: managed.id });
  });

  it("a pending ADMIN passes, as in Cal.com", async () => {
    const pending = await manager.addMember("ADMIN", { accepted: false });
    dataOf(await api(base(), { key: pending.apiKey }));
  });
});

describe("tenants", () => {
  it("another organization's admin gets the RolesGuard 403 and no data", async () => {
    for (const [method, path] of [
      ["GET", base()],
      ["GET", `${base()}/${managed.id}`],
      ["DELETE", `${base()}/${managed.id}`],
    ] as const) {
      const res = await api(path, { method, key: otherManager.owner.apiKey });
      expect(expectError(res, 403).error.message).toBe(`RolesGuard - User is not a member of the organization with id=${manager.organizationId}.`);
      expect(res.text).not.toContain("manager-one");
    }
  });

  it("another manager's organization through our own path is the IsManagedOrgInManagerOrg 403, and nothing changes", async () => {
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const res = await api(`${base()}/${othersManaged.id}`, { method, key: manager.owner.apiKey, ...(method === "PATCH" ? { body: { name: "Taken" } } : {}) });
      expect(expectError(res, 403).error.message).toBe(notOwned(othersManaged.id, manager.organizationId));
      expect(res.text).not.toContain("manager-two");
    }
    expect(await sql`SELECT "name" FROM "Team" WHERE "id" = ${othersManaged.id}`).toEqual([{ name: othersManaged.name }]);
    // Nor is it listed, nor can the managed organization itself be addressed as a manager of its sibling.
    expect(dataOf<{ id: number }[]>(await api(base(), { key: manager.owner.apiKey })).map((o) => o.id)).toEqual([managed.id]);
    expect(expectError(await api(`${base()}/${manager.organizationId}`, { key: manager.owner.apiKey }), 403).error.message).toBe(
      notOwned(manager.organizationId, manager.organizationId),
    );
  });

  it("an unknown organization is the IsOrgGuard 403, a plain team too", async () => {
    const unknown = 2147483000;
    expect(expectError(await api(base(unknown), { key: manager.owner.apiKey }), 403).error.message).toBe(
      `IsOrgGuard - provided organization id=${unknown} does not represent any existing organization.`,
    );
  });

  it("the managed organization's key cannot manage its manager's other organizations' data through the managed org's path", async () => {
    const fresh = await createManagedOrganizationViaApi(manager.owner.apiKey, manager.organizationId);
    const res = await api(`${base(fresh.id)}/${managed.id}`, { key: fresh.apiKey });
    expect(expectError(res, 403).error.message).toBe(notOwned(managed.id, fresh.id));
  });
});

describe("plan", () => {
  it("a manager below SCALE, or without a subscription, gets the PlatformPlanGuard 403", async () => {
    const essentials = await createOrganization({ isPlatform: true, plan: "ESSENTIALS" });
    expect(expectError(await api(base(essentials.organizationId), { key: essentials.owner.apiKey }), 403).error.message).toBe(
      `PlatformPlanGuard - organization with id=${essentials.organizationId} does not have required plan for this operation. Minimum plan is SCALE while the organization has ESSENTIALS.`,
    );
    const unsubscribed = await createOrganization({ isPlatform: true, plan: null });
    expect(expectError(await api(base(unsubscribed.organizationId), { key: unsubscribed.owner.apiKey, body: { name: "x" } }), 403).error.message).toBe(
      `PlatformPlanGuard - No platform subscription found for organization with id=${unsubscribed.organizationId}.`,
    );
  });
});
