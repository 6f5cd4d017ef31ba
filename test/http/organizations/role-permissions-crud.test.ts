import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createCustomRoleRow, createOrganization, type OrganizationFixture, sql } from "../../helpers/fixtures";

// Orgs / Roles / Permissions and Orgs / Teams / Roles / Permissions: GET lists, POST merges, PUT replaces (200 with
// the whole set), both DELETEs answer 204 with no body; strings come from the scope's catalogue.

let org: OrganizationFixture;
let other: OrganizationFixture;
let teamId: number;
let otherTeamId: number;

const orgBase = (roleId: string, orgId = org.organizationId) => `/v2/organizations/${orgId}/roles/${roleId}/permissions`;
const teamBase = (roleId: string, team = teamId, orgId = org.organizationId) => `/v2/organizations/${orgId}/teams/${team}/roles/${roleId}/permissions`;
const invalid = (p: string) => `Permission '${p}' must be a valid permission string in format 'resource.action' (e.g., 'eventType.read', 'booking.create')`;
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
const stored = async (roleId: string) =>
  (await sql<{ p: string }>`SELECT "resource" || '.' || "action" AS p FROM "RolePermission" WHERE "roleId" = ${roleId} ORDER BY 1`).map((r) => r.p);

beforeAll(async () => {
  [org, other] = await Promise.all([createOrganization({ isPlatform: true }), createOrganization({ isPlatform: true })]);
  [{ teamId }, { teamId: otherTeamId }] = await Promise.all([org.addTeam(), other.addTeam()]);
});

describe("organization roles", () => {
  it("GET lists, POST merges, PUT replaces, DELETE ?permissions and DELETE /{permission} remove (204, empty body)", async () => {
    const role = await createCustomRoleRow(org.organizationId, ["booking.read", "eventType.read"]);
    const key = org.owner.apiKey;

    const listed = await api(orgBase(role.id), { key });
    expectContract("OrganizationsRolesPermissionsController_listPermissions", 200, listed.body);
    expect(dataOf<string[]>(listed).sort()).toEqual(["booking.read", "eventType.read"]);

    const added = await api(orgBase(role.id), { method: "POST", key, body: { permissions: ["eventType.read", "team.read", "*.*", "team.read"] } });
    expect(added.status).toBe(200);
    expectContract("OrganizationsRolesPermissionsController_addPermissions", 200, added.body);
    expect(dataOf<string[]>(added).sort()).toEqual(["*.*", "booking.read", "eventType.read", "team.read"]);
    expect(await stored(role.id)).toEqual(["*.*", "booking.read", "eventType.read", "team.read"]);

    const removedMany = await api(`${orgBase(role.id)}?permissions=booking.read,*.*&permissions=team.read`, { method: "DELETE", key });
    expect(removedMany.status).toBe(204);
    expect(removedMany.text).toBe("");
    expect(await stored(role.id)).toEqual(["eventType.read"]);

    const set = await api(orgBase(role.id), { method: "PUT", key, body: { permissions: ["organization.listMembers", "role.read"] } });
    expect(set.status).toBe(200);
    expectContract("OrganizationsRolesPermissionsController_setPermissions", 200, set.body);
    expect(dataOf<string[]>(set).sort()).toEqual(["organization.listMembers", "role.read"]);

    const removedOne = await api(`${orgBase(role.id)}/role.read`, { method: "DELETE", key });
    expect(removedOne.status).toBe(204);
    expect(removedOne.text).toBe("");
    expect(await stored(role.id)).toEqual(["organization.listMembers"]);

    // Without a list nothing is removed (Cal.com); PUT [] clears the set.
    expect((await api(orgBase(role.id), { method: "DELETE", key })).status).toBe(204);
    expect(await stored(role.id)).toEqual(["organization.listMembers"]);
    expect(dataOf(await api(orgBase(role.id), { method: "PUT", key, body: { permissions: [] } }))).toEqual([]);
    expect(await stored(role.id)).toEqual([]);
  });

  it("a permission change moves the role's updatedAt", async () => {
    const role = await createCustomRoleRow(org.organizationId, []);
    await sql`UPDATE "Role" SET "updatedAt" = '2020-01-01' WHERE "id" = ${role.id}`;
    await api(orgBase(role.id), { method: "POST", key: org.owner.apiKey, body: { permissions: ["team.read"] } });
    const [row] = await sql<{ updatedAt: Date }>`SELECT "updatedAt" FROM "Role" WHERE "id" = ${role.id}`;
    expect(new Date(row?.updatedAt as Date).getFullYear()).toBeGreaterThan(2020);
  });

  it("a role of another organization, of one of its teams, a SYSTEM role or an unknown id is Cal.com's 404", async () => {
    const othersRole = await createCustomRoleRow(other.organizationId, ["booking.read"]);
    const teamRole = await createCustomRoleRow(teamId, ["booking.read"]);
    const adminBefore = await stored("admin_role");
    for (const roleId of [othersRole.id, teamRole.id, "admin_role", "nope"]) {
      const res = await api(orgBase(roleId), { method: "POST", key: org.owner.apiKey, body: { permissions: ["team.read"] } });
      expect(expectError(res, 404, "NotFoundException").error.message).toBe(`Role with id ${roleId} within team id ${org.organizationId} not found`);
    }
    expect(await stored(othersRole.id)).toEqual(["booking.read"]);
    expect(await stored("admin_role")).toEqual(adminBefore);
  });
});

describe("validation", () => {
  it("a string outside the organization catalogue is Cal.com's 400 and nothing changes", async () => {
    const role = await createCustomRoleRow(org.organizationId, ["booking.read"]);
    const key = org.owner.apiKey;
    for (const [method, path, body, bad] of [
      ["POST", orgBase(role.id), { permissions: ["booking.read", "booking.fly"] }, "booking.fly"],
      ["PUT", orgBase(role.id), { permissions: ["nodot"] }, "nodot"],
      ["DELETE", `${orgBase(role.id)}?permissions=booking.read,bogus.read`, undefined, "bogus.read"],
      ["DELETE", `${orgBase(role.id)}/bogus.read`, undefined, "bogus.read"],
    ] as const) {
      const res = await api(path, { method, key, ...(body ? { body } : {}) });
      expect(expectError(res, 400, "BadRequestException").error.message).toBe(invalid(bad));
    }
    expect(await stored(role.id)).toEqual(["booking.read"]);
  });

  it("a missing or malformed body and an empty ?permissions= are 400s naming the field", async () => {
    const role = await createCustomRoleRow(org.organizationId, []);
    const key = org.owner.apiKey;
    for (const body of [{}, { permissions: "booking.read" }, { permissions: [1] }]) {
      expect(expectError(await api(orgBase(role.id), { method: "POST", key, body }), 400).error.message).toContain("permissions");
    }
    expect(expectError(await api(`${orgBase(role.id)}?permissions=`, { method: "DELETE", key }), 400).error.message).toBe(
      "permissions - permissions cannot be empty.",
    );
  });

  it("team roles take team-scope strings only", async () => {
    const role = await createCustomRoleRow(teamId, []);
    const res = await api(teamBase(role.id), { method: "PUT", key: org.owner.apiKey, body: { permissions: ["booking.readOrgBookings"] } });
    expect(expectError(res, 400).error.message).toBe(invalid("booking.readOrgBookings"));
  });
});

describe("team roles", () => {
  it("the same five operations on a role of one of the organization's teams", async () => {
    const role = await createCustomRoleRow(teamId, ["booking.read"]);
    const key = org.owner.apiKey;
    const listed = await api(teamBase(role.id), { key });
    expectContract("OrganizationsTeamsRolesPermissionsController_listPermissions", 200, listed.body);
    expect(dataOf(listed)).toEqual(["booking.read"]);
    const added = await api(teamBase(role.id), { method: "POST", key, body: { permissions: ["booking.readTeamBookings"] } });
    expectContract("OrganizationsTeamsRolesPermissionsController_addPermissions", 200, added.body);
    expect(dataOf<string[]>(added).sort()).toEqual(["booking.read", "booking.readTeamBookings"]);
    const set = await api(teamBase(role.id), { method: "PUT", key, body: { permissions: ["team.read", "team.listMembers"] } });
    expectContract("OrganizationsTeamsRolesPermissionsController_setPermissions", 200, set.body);
    expect((await api(`${teamBase(role.id)}?permissions=team.read`, { method: "DELETE", key })).status).toBe(204);
    const one = await api(`${teamBase(role.id)}/team.listMembers`, { method: "DELETE", key });
    expect(one.status).toBe(204);
    expect(one.text).toBe("");
    expect(await stored(role.id)).toEqual([]);
  });

  it("the organization's own role through a team path is a 404", async () => {
    const role = await createCustomRoleRow(org.organizationId, ["booking.read"]);
    const res = await api(teamBase(role.id), { key: org.owner.apiKey });
    expect(expectError(res, 404).error.message).toBe(`Role with id ${role.id} within team id ${teamId} not found`);
  });

  it("a team of another organization is IsTeamInOrg's 404, even for its own role (Cal.com has no IsTeamInOrg here)", async () => {
    const role = await createCustomRoleRow(otherTeamId, ["booking.read"]);
    for (const method of ["GET", "PUT"] as const) {
      const res = await api(teamBase(role.id, otherTeamId), { method, key: org.owner.apiKey, ...(method === "PUT" ? { body: { permissions: [] } } : {}) });
      expect(expectError(res, 404).error.message).toBe(`IsTeamInOrg - Team (${otherTeamId}) not found.`);
      expect(res.text).not.toContain("booking.read");
    }
    expect(await stored(role.id)).toEqual(["booking.read"]);
  });
});
