import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { assignCustomRole, createOrganization, type OrganizationFixture, type OrgMember, sql, unique } from "../../helpers/fixtures";

// Orgs / Roles and Orgs / Teams / Roles: one role service over two scopes (the organization, or one of its
// teams). Each scope lists its own custom roles with the three SYSTEM roles; creates, reads, replaces and deletes
// its custom roles; never shows or touches another scope's.

interface Role {
  id: string;
  name: string;
  color: string | null;
  description: string | null;
  type: "SYSTEM" | "CUSTOM";
  permissions: string[];
  organizationId?: number | null;
  teamId?: number | null;
  createdAt: string;
  updatedAt: string;
}

let org: OrganizationFixture;
let admin: OrgMember;
let teamId: number;

const orgBase = () => `/v2/organizations/${org.organizationId}/roles`;
const teamBase = () => `/v2/organizations/${org.organizationId}/teams/${teamId}/roles`;
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);

const SCOPES = [
  { name: "organization", base: orgBase, controller: "OrganizationsRolesController", scopeKey: "organizationId", scopeId: () => org.organizationId },
  { name: "team", base: teamBase, controller: "OrganizationsTeamsRolesController", scopeKey: "teamId", scopeId: () => teamId },
] as const;

beforeAll(async () => {
  org = await createOrganization({ isPlatform: true });
  admin = await org.addMember("ADMIN");
  ({ teamId } = await org.addTeam([{ userId: admin.userId, role: "MEMBER" }]));
  // The first request compiles Prisma's wasm: out of the first test's time.
  await api(orgBase(), { key: admin.apiKey });
});

for (const scope of SCOPES) {
  describe(`${scope.name} roles`, () => {
    it("creates a CUSTOM role with its permissions (201), as the contract says", async () => {
      const name = unique("Booking manager");
      const res = await api(scope.base(), {
        key: admin.apiKey,
        body: { name, color: "#FF6600", description: "Handles bookings", permissions: ["booking.read", "eventType.create", "booking.read"] },
      });
      const role = dataOf<Role>(res, 201);
      expectContract(`${scope.controller}_createRole`, 201, res.body);
      expect(role).toEqual({
        id: expect.any(String),
        name,
        color: "#FF6600",
        description: "Handles bookings",
        [scope.scopeKey]: scope.scopeId(),
        type: "CUSTOM",
        permissions: ["booking.read", "eventType.create"],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await sql`SELECT "teamId", "type"::text AS type FROM "Role" WHERE "id" = ${role.id}`).toEqual([{ teamId: scope.scopeId(), type: "CUSTOM" }]);
    });

    it("creates a role with only a name: no permissions, null color and description", async () => {
      const res = await api(scope.base(), { key: admin.apiKey, body: { name: unique("Bare") } });
      expect(dataOf<Role>(res, 201)).toMatchObject({ color: null, description: null, permissions: [] });
    });

    it("lists the scope's custom roles after the three SYSTEM roles, paginated with take/skip", async () => {
      const mine = dataOf<Role>(await api(scope.base(), { key: admin.apiKey, body: { name: unique("Listed") } }), 201);
      const res = await api(scope.base(), { key: admin.apiKey });
      const roles = dataOf<Role[]>(res);
      expectContract(`${scope.controller}_getAllRoles`, 200, res.body);
      expect(roles.slice(0, 3).map((r) => [r.id, r.type, r[scope.scopeKey]])).toEqual([
        ["admin_role", "SYSTEM", null],
        ["member_role", "SYSTEM", null],
        ["owner_role", "SYSTEM", null],
      ]);
      expect(roles.find((r) => r.id === "owner_role")?.permissions).toEqual(["*.*"]);
      expect(roles.slice(3).every((r) => r.type === "CUSTOM" && r[scope.scopeKey] === scope.scopeId())).toBe(true);
      expect(roles.map((r) => r.id)).toContain(mine.id);

      const page = dataOf<Role[]>(await api(`${scope.base()}?take=2&skip=2`, { key: admin.apiKey }));
      expect(page.map((r) => r.id)).toEqual(roles.slice(2, 4).map((r) => r.id));
    });

    it("reads one role", async () => {
      const created = dataOf<Role>(await api(scope.base(), { key: admin.apiKey, body: { name: unique("Read"), permissions: ["team.read"] } }), 201);
      const res = await api(`${scope.base()}/${created.id}`, { key: admin.apiKey });
      expect(dataOf<Role>(res)).toEqual(created);
      expectContract(`${scope.controller}_getRole`, 200, res.body);
    });

    it("PATCH changes name, color and description and replaces the permission set; an absent permissions keeps it", async () => {
      const created = dataOf<Role>(
        await api(scope.base(), { key: admin.apiKey, body: { name: unique("Patch"), color: "#000", permissions: ["booking.read", "team.read"] } }),
        201,
      );
      const name = unique("Renamed");
      const res = await api(`${scope.base()}/${created.id}`, {
        method: "PATCH",
        key: admin.apiKey,
        body: { name, color: "#00ff00", description: "Now described", permissions: ["eventType.read", "webhook.create"] },
      });
      const updated = dataOf<Role>(res);
      expectContract(`${scope.controller}_updateRole`, 200, res.body);
      expect(updated).toMatchObject({
        id: created.id,
        name,
        color: "#00ff00",
        description: "Now described",
        permissions: ["eventType.read", "webhook.create"],
      });
      expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));

      const kept = dataOf<Role>(await api(`${scope.base()}/${created.id}`, { method: "PATCH", key: admin.apiKey, body: { color: "" } }));
      expect(kept).toMatchObject({ name, color: null, description: "Now described", permissions: ["eventType.read", "webhook.create"] });
      const emptied = dataOf<Role>(await api(`${scope.base()}/${created.id}`, { method: "PATCH", key: admin.apiKey, body: { permissions: [] } }));
      expect(emptied.permissions).toEqual([]);
      // Keeping its own name is no conflict.
      dataOf(await api(`${scope.base()}/${created.id}`, { method: "PATCH", key: admin.apiKey, body: { name } }));
    });

    it("DELETE answers the role as it was and moves its members back to their SYSTEM role", async () => {
      const created = dataOf<Role>(await api(scope.base(), { key: admin.apiKey, body: { name: unique("Doomed"), permissions: ["team.read"] } }), 201);
      const holder = await org.addMember("MEMBER");
      const holderTeam = scope.scopeId();
      if (scope.name === "team")
        await sql`INSERT INTO "Membership" ("teamId", "userId", "role", "accepted") VALUES (${teamId}, ${holder.userId}, 'ADMIN', true)`;
      await assignCustomRole(holderTeam, holder.userId, created.id);

      const res = await api(`${scope.base()}/${created.id}`, { method: "DELETE", key: admin.apiKey });
      expect(dataOf<Role>(res)).toEqual(created);
      expectContract(`${scope.controller}_deleteRole`, 200, res.body);
      expect(await sql`SELECT "id" FROM "Role" WHERE "id" = ${created.id}`).toEqual([]);
      expect(await sql`SELECT count(*)::int AS n FROM "RolePermission" WHERE "roleId" = ${created.id}`).toEqual([{ n: 0 }]);
      expect(await sql`SELECT "customRoleId" FROM "Membership" WHERE "teamId" = ${holderTeam} AND "userId" = ${holder.userId}`).toEqual([
        { customRoleId: null },
      ]);
      expectError(await api(`${scope.base()}/${created.id}`, { key: admin.apiKey }), 404);
    });

    it("a SYSTEM role cannot be read, changed or deleted through a scope: 404, and it is unchanged", async () => {
      for (const method of ["GET", "PATCH", "DELETE"] as const) {
        const res = await api(`${scope.base()}/admin_role`, { method, key: admin.apiKey, ...(method === "PATCH" ? { body: { name: "Mine now" } } : {}) });
        expect(expectError(res, 404, "NotFoundException").error.message).toBe(`Role with id admin_role within team id ${scope.scopeId()} not found`);
      }
      expect(await sql`SELECT "name", "teamId" FROM "Role" WHERE "id" = 'admin_role'`).toEqual([{ name: "Admin", teamId: null }]);
      expect(await sql`SELECT count(*)::int AS n FROM "RolePermission" WHERE "roleId" = 'owner_role'`).toEqual([{ n: 1 }]);
    });

    it("an unknown role id is Cal.com's 404", async () => {
      const res = await api(`${scope.base()}/no-such-role`, { key: admin.apiKey });
      expect(expectError(res, 404).error.message).toBe(`Role with id no-such-role within team id ${scope.scopeId()} not found`);
    });
  });
}

describe("scopes stay apart", () => {
  it("an organization role is not the team's, a team role is not the organization's, nor another team's", async () => {
    const orgRole = dataOf<Role>(await api(orgBase(), { key: admin.apiKey, body: { name: unique("Org only") } }), 201);
    const teamRole = dataOf<Role>(await api(teamBase(), { key: admin.apiKey, body: { name: unique("Team only") } }), 201);
    const other = await org.addTeam();
    const otherBase = `/v2/organizations/${org.organizationId}/teams/${other.teamId}/roles`;

    expectError(await api(`${teamBase()}/${orgRole.id}`, { key: admin.apiKey }), 404);
    expectError(await api(`${orgBase()}/${teamRole.id}`, { method: "DELETE", key: admin.apiKey }), 404);
    expectError(await api(`${otherBase}/${teamRole.id}`, { method: "PATCH", key: admin.apiKey, body: { name: "Stolen" } }), 404);
    expect(await sql`SELECT "name" FROM "Role" WHERE "id" = ${teamRole.id}`).toEqual([{ name: teamRole.name }]);

    const teamList = dataOf<Role[]>(await api(teamBase(), { key: admin.apiKey })).map((r) => r.id);
    expect(teamList).toContain(teamRole.id);
    expect(teamList).not.toContain(orgRole.id);
    const otherList = dataOf<Role[]>(await api(otherBase, { key: admin.apiKey })).map((r) => r.id);
    expect(otherList).toEqual(["admin_role", "member_role", "owner_role"]);
  });

  it("the same name may exist in two scopes", async () => {
    const name = unique("Shared name");
    dataOf(await api(orgBase(), { key: admin.apiKey, body: { name } }), 201);
    dataOf(await api(teamBase(), { key: admin.apiKey, body: { name } }), 201);
  });
});

describe("our OpenAPI document", () => {
  it("documents the ten operations, and each scope's permission strings as in the contract", async () => {
    const doc = (await api("/docs/openapi.json")).body;
    expect(doc.paths["/v2/organizations/{orgId}/roles"].post.operationId).toBe("OrganizationsRolesController_createRole");
    expect(doc.paths["/v2/organizations/{orgId}/teams/{teamId}/roles/{roleId}"].delete.operationId).toBe("OrganizationsTeamsRolesController_deleteRole");
    const contract = (await import("../../../contract/calcom-api-v2-openapi.json")).default as unknown as {
      components: { schemas: Record<string, { properties: { permissions: { items: { enum: string[] } } } }> };
    };
    for (const name of ["CreateOrgRoleInput", "UpdateTeamRoleInput"]) {
      expect(doc.components.schemas[name].properties.permissions.items.enum).toEqual(contract.components.schemas[name]!.properties.permissions.items.enum);
    }
  });
});
