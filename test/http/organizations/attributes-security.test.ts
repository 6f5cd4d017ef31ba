import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { assignCustomRole, createCustomRoleRow, createOrganization, enablePbac, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

// Guards of Orgs / Attributes (+ Options): reads ORG_MEMBER, writes ORG_ADMIN, unassign ORG_MEMBER (own options
// only, unless ADMIN/OWNER); IsOrg, PlatformPlan ESSENTIALS, AdminAPI; PBAC organization.attributes.* where the org
// has it. Another org's users never read or change this org's attributes.

let org: OrganizationFixture;
let other: OrganizationFixture;
let admin: OrgMember;
let member: OrgMember;
let attributeId: string;
let optionId: string;

const base = () => `/v2/organizations/${org.organizationId}/attributes`;

beforeAll(async () => {
  [org, other] = await Promise.all([createOrganization(), createOrganization()]);
  [admin, member] = await Promise.all([org.addMember("ADMIN"), org.addMember("MEMBER")]);
  attributeId = dataOf<{ id: string }>(
    await api(base(), {
      key: admin.apiKey,
      body: { name: "Secret dept", slug: "secret-dept", type: "SINGLE_SELECT", options: [{ value: "Vault", slug: "vault" }] },
    }),
    201,
  ).id;
  optionId = dataOf<{ id: string }[]>(await api(`${base()}/${attributeId}/options`, { key: admin.apiKey }))[0]!.id;
  dataOf(await api(`${base()}/options/${admin.userId}`, { key: admin.apiKey, body: { attributeId, attributeOptionId: optionId } }), 201);
}, 120_000);

const routes = () => {
  const a = `${base()}/${attributeId}`;
  return {
    reads: [`${base()}`, a, `${a}/options`, `${a}/options/assigned`, `${base()}/slugs/secret-dept/options/assigned`, `${base()}/options/${admin.userId}`],
    writes: [
      { path: base(), method: "POST", body: { name: "n", slug: "new-slug", type: "TEXT", options: [] } },
      { path: a, method: "PATCH", body: { name: "hijacked" } },
      { path: a, method: "DELETE" },
      { path: `${a}/options`, method: "POST", body: { value: "v", slug: "v" } },
      { path: `${a}/options/${optionId}`, method: "PATCH", body: { value: "hijacked" } },
      { path: `${a}/options/${optionId}`, method: "DELETE" },
      { path: `${base()}/options/${member.userId}`, method: "POST", body: { attributeId, attributeOptionId: optionId } },
    ],
  };
};

describe("credentials", () => {
  describe("GET /attributes", () => itRejectsMissingAndInvalidCredentials(() => ({ path: base() })));
  describe("POST /attributes", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: base(), method: "POST", body: { name: "n", slug: "s", type: "TEXT", options: [] } })));
  describe("POST /attributes/options/{userId}", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: `${base()}/options/${member.userId}`, method: "POST", body: { attributeId } })));
  describe("DELETE /attributes/options/{userId}/{optionId}", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: `${base()}/options/${admin.userId}/${optionId}`, method: "DELETE" })));
});

describe("roles", () => {
  it("a MEMBER reads every read route", async () => {
    for (const path of routes().reads) dataOf(await api(path, { key: member.apiKey }));
  });

  it("a MEMBER gets RolesGuard's 403 on every write and changes nothing", async () => {
    for (const { path, ...call } of routes().writes) {
      const res = await api(path, { ...call, key: member.apiKey });
      expect(expectError(res, 403, "ForbiddenException").error.message).toBe(
        `RolesGuard - user with id=${member.userId} does not have the minimum required role=ORG_ADMIN within organization with id=${org.organizationId}.`,
      );
    }
    const [row] = await sql<{ name: string; options: number; assigned: number }>`
      SELECT a."name",
        (SELECT count(*)::int FROM "AttributeOption" o WHERE o."attributeId" = a."id") AS "options",
        (SELECT count(*)::int FROM "AttributeToUser" t JOIN "AttributeOption" o ON o."id" = t."attributeOptionId" WHERE o."attributeId" = a."id") AS "assigned"
      FROM "Attribute" a WHERE a."id" = ${attributeId}`;
    expect(row).toEqual({ name: "Secret dept", options: 1, assigned: 1 });
  });

  it("a MEMBER cannot unassign the admin's option", async () => {
    const res = await api(`${base()}/options/${admin.userId}/${optionId}`, { method: "DELETE", key: member.apiKey });
    expect(expectError(res, 403).error.message).toContain("RolesGuard");
    expect(dataOf<unknown[]>(await api(`${base()}/options/${admin.userId}`, { key: member.apiKey }))).toHaveLength(1);
  });

  it("another org's owner: RolesGuard 403 on every route of this org, and nothing of it through their own org", async () => {
    const { reads, writes } = routes();
    for (const path of reads) {
      const res = await api(path, { key: other.owner.apiKey });
      expect(expectError(res, 403).error.message).toBe(`RolesGuard - User is not a member of the organization with id=${org.organizationId}.`);
      expect(res.text).not.toContain("Secret dept");
    }
    for (const { path, ...call } of writes) expectError(await api(path, { ...call, key: other.owner.apiKey }), 403);
    const via = `/v2/organizations/${other.organizationId}/attributes`;
    expect(expectError(await api(`${via}/${attributeId}`, { key: other.owner.apiKey }), 404).error.message).toBe("Attribute not found");
    // Through their own org: this org's user is not theirs (IsUserInOrg 403), this org's slug unknown there (404).
    expectError(await api(`${via}/options/${admin.userId}`, { key: other.owner.apiKey }), 403, "ForbiddenException");
    expectError(await api(`${via}/slugs/secret-dept/options/assigned`, { key: other.owner.apiKey }), 404, "NotFoundException");
    const assign = await api(`${via}/options/${admin.userId}`, { key: other.owner.apiKey, body: { attributeId, attributeOptionId: optionId } });
    expect(expectError(assign, 404).error.message).toBe("Attribute not found");
    const unassign = await api(`${via}/options/${admin.userId}/${optionId}`, { method: "DELETE", key: other.owner.apiKey });
    expectError(unassign, 404);
  });

  it("an unknown org is IsOrgGuard's 403; a platform org without a subscription PlatformPlanGuard's", async () => {
    expect(expectError(await api("/v2/organizations/2147483000/attributes", { key: member.apiKey }), 403).error.message).toBe(
      "IsOrgGuard - provided organization id=2147483000 does not represent any existing organization.",
    );
    const platform = await createOrganization({ isPlatform: true, plan: null });
    expect(expectError(await api(`/v2/organizations/${platform.organizationId}/attributes`, { key: platform.owner.apiKey }), 403).error.message).toBe(
      `PlatformPlanGuard - No platform subscription found for organization with id=${platform.organizationId}.`,
    );
  });
});

describe("PBAC", () => {
  it("with pbac on, the custom role's organization.attributes.* permissions decide", async () => {
    const pbacOrg = await createOrganization();
    const [reader, writer] = await Promise.all([pbacOrg.addMember("MEMBER"), pbacOrg.addMember("MEMBER")]);
    await enablePbac(pbacOrg.organizationId);
    const [readRole, writeRole] = await Promise.all([
      createCustomRoleRow(pbacOrg.organizationId, ["organization.attributes.read"]),
      createCustomRoleRow(pbacOrg.organizationId, ["organization.attributes.read", "organization.attributes.create"]),
    ]);
    await Promise.all([
      assignCustomRole(pbacOrg.organizationId, reader.userId, readRole.id),
      assignCustomRole(pbacOrg.organizationId, writer.userId, writeRole.id),
    ]);
    const path = `/v2/organizations/${pbacOrg.organizationId}/attributes`;
    const body = { name: "P", slug: "p", type: "TEXT", options: [] };
    dataOf(await api(path, { key: reader.apiKey }));
    expect(expectError(await api(path, { key: reader.apiKey, body }), 403).error.message).toContain("PbacGuard");
    dataOf(await api(path, { key: writer.apiKey, body }), 201);
  });
});
