import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { createCustomRoleRow, createOrganization, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

// Who may read and change a role's permissions: ORG_ADMIN of the role's organization on the SCALE plan (platform
// organizations), for team roles a team of that organization. Refusals change nothing and show no permissions.

let org: OrganizationFixture;
let essentials: OrganizationFixture;
let other: OrganizationFixture;
let member: OrgMember;
let admin: OrgMember;
let role: { id: string };
let teamRole: { id: string };
let teamId: number;

const orgPath = (roleId = role.id, orgId = org.organizationId) => `/v2/organizations/${orgId}/roles/${roleId}/permissions`;
const teamPath = () => `/v2/organizations/${org.organizationId}/teams/${teamId}/roles/${teamRole.id}/permissions`;
const stored = async (roleId: string) =>
  (await sql<{ p: string }>`SELECT "resource" || '.' || "action" AS p FROM "RolePermission" WHERE "roleId" = ${roleId} ORDER BY 1`).map((r) => r.p);

beforeAll(async () => {
  [org, essentials, other] = await Promise.all([
    createOrganization({ isPlatform: true }),
    createOrganization({ isPlatform: true, plan: "ESSENTIALS" }),
    createOrganization({ isPlatform: true }),
  ]);
  [member, admin, { teamId }] = await Promise.all([org.addMember("MEMBER"), org.addMember("ADMIN"), org.addTeam()]);
  [role, teamRole] = await Promise.all([createCustomRoleRow(org.organizationId, ["booking.read"]), createCustomRoleRow(teamId, ["booking.read"])]);
});

describe("credentials", () => {
  describe("GET", () => itRejectsMissingAndInvalidCredentials(() => ({ path: orgPath() })));
  describe("PUT (team)", () => itRejectsMissingAndInvalidCredentials(() => ({ path: teamPath(), method: "PUT", body: { permissions: [] } })));
});

describe("roles and plan", () => {
  it("an org MEMBER (and a team member who is an org MEMBER) gets the RolesGuard 403 on every operation", async () => {
    for (const [method, path, body] of [
      ["GET", orgPath(), undefined],
      ["POST", orgPath(), { permissions: ["*.*"] }],
      ["PUT", teamPath(), { permissions: [] }],
      ["DELETE", `${orgPath()}/booking.read`, undefined],
      ["DELETE", `${teamPath()}?permissions=booking.read`, undefined],
    ] as const) {
      const res = await api(path, { method, key: member.apiKey, ...(body ? { body } : {}) });
      const message = expectError(res, 403, "ForbiddenException").error.message;
      expect(message).toMatch(/^RolesGuard - user with id=\d+ does not have the minimum required role=ORG_ADMIN within organization/);
      expect(res.text).not.toContain('"data"');
    }
    expect(await stored(role.id)).toEqual(["booking.read"]);
    expect(await stored(teamRole.id)).toEqual(["booking.read"]);
  });

  it("an org ADMIN passes", async () => {
    expect(dataOf(await api(orgPath(), { key: admin.apiKey }))).toEqual(["booking.read"]);
  });

  it("a platform organization below SCALE gets the PlatformPlanGuard 403", async () => {
    const own = await createCustomRoleRow(essentials.organizationId, ["booking.read"]);
    const res = await api(orgPath(own.id, essentials.organizationId), { key: essentials.owner.apiKey });
    expect(expectError(res, 403).error.message).toBe(
      `PlatformPlanGuard - organization with id=${essentials.organizationId} does not have required plan for this operation. Minimum plan is SCALE while the organization has ESSENTIALS.`,
    );
  });
});

describe("tenants", () => {
  it("another organization's owner gets the RolesGuard 403 and nothing changes", async () => {
    for (const [method, path] of [
      ["GET", orgPath()],
      ["PUT", orgPath()],
      ["GET", teamPath()],
    ] as const) {
      const res = await api(path, { method, key: other.owner.apiKey, ...(method === "PUT" ? { body: { permissions: [] } } : {}) });
      expect(expectError(res, 403).error.message).toBe(
        `RolesGuard - User is not ${path === teamPath() ? "part" : "a member"} of the organization with id=${org.organizationId}.`,
      );
      expect(res.text).not.toContain('"data"');
    }
    expect(await stored(role.id)).toEqual(["booking.read"]);
  });

  it("our role through the other organization's path is a 404 for its owner", async () => {
    const res = await api(orgPath(role.id, other.organizationId), { key: other.owner.apiKey });
    expect(expectError(res, 404).error.message).toBe(`Role with id ${role.id} within team id ${other.organizationId} not found`);
  });
});
