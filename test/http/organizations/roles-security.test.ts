import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { assignCustomRole, createCustomRoleRow, createOrganization, enablePbac, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

// Who may run the role operations: an org ADMIN or OWNER (a team admin is not enough), on the SCALE plan for
// platform orgs, with the admin API on; where PBAC is switched on, the caller's role must grant role.<action>
// instead. Another organization's members get 403s, another organization's team a 404, and never any data.

let org: OrganizationFixture;
let member: OrgMember;
let teamAdmin: OrgMember;
let admin: OrgMember;
let teamId: number;
let orgRole: { id: string; name: string };
let teamRole: { id: string; name: string };
let otherOrg: OrganizationFixture;

const orgBase = (orgId = org.organizationId) => `/v2/organizations/${orgId}/roles`;
const teamBase = (orgId = org.organizationId, team = teamId) => `/v2/organizations/${orgId}/teams/${team}/roles`;
const tooLow = (userId: number, orgId: number, team?: number) =>
  `RolesGuard - user with id=${userId} does not have the minimum required role=ORG_ADMIN within organization with id=${orgId}${team ? ` team with id=${team}` : ""}.`;

/** The ten operations, on the fixture's org role and team role. */
const everyRoute = () =>
  [
    ["POST", orgBase()],
    ["GET", orgBase()],
    ["GET", `${orgBase()}/${orgRole.id}`],
    ["PATCH", `${orgBase()}/${orgRole.id}`],
    ["DELETE", `${orgBase()}/${orgRole.id}`],
    ["POST", teamBase()],
    ["GET", teamBase()],
    ["GET", `${teamBase()}/${teamRole.id}`],
    ["PATCH", `${teamBase()}/${teamRole.id}`],
    ["DELETE", `${teamBase()}/${teamRole.id}`],
  ] as const;
const bodyFor = (method: string) => (method === "POST" || method === "PATCH" ? { body: { name: "Hijack", permissions: ["role.read"] } } : {});

beforeAll(async () => {
  [org, otherOrg] = await Promise.all([createOrganization({ isPlatform: true }), createOrganization({ isPlatform: true })]);
  [member, teamAdmin, admin] = await Promise.all([org.addMember("MEMBER"), org.addMember("MEMBER"), org.addMember("ADMIN")]);
  ({ teamId } = await org.addTeam([{ userId: teamAdmin.userId, role: "ADMIN" }]));
  orgRole = dataOf(await api(orgBase(), { key: admin.apiKey, body: { name: "Org secret role" } }), 201);
  teamRole = dataOf(await api(teamBase(), { key: admin.apiKey, body: { name: "Team secret role" } }), 201);
});

const unchanged = async () => {
  expect(await sql`SELECT "name" FROM "Role" WHERE "id" IN (${orgRole.id}, ${teamRole.id}) ORDER BY "name"`).toEqual([
    { name: "Org secret role" },
    { name: "Team secret role" },
  ]);
  expect(await sql`SELECT count(*)::int AS n FROM "Role" WHERE "name" = 'Hijack'`).toEqual([{ n: 0 }]);
};

describe("credentials", () => {
  describe("POST org role", () => itRejectsMissingAndInvalidCredentials(() => ({ path: orgBase(), method: "POST", body: { name: "x" } })));
  describe("GET team role", () => itRejectsMissingAndInvalidCredentials(() => ({ path: `${teamBase()}/${teamRole.id}` })));
});

describe("membership roles", () => {
  it("an org MEMBER, and a team ADMIN who is an org MEMBER, get the RolesGuard 403 on every route", async () => {
    for (const who of [member, teamAdmin]) {
      for (const [method, path] of everyRoute()) {
        const res = await api(path, { method, key: who.apiKey, ...bodyFor(method) });
        const onTeam = path.includes("/teams/");
        expect(expectError(res, 403, "ForbiddenException").error.message).toBe(tooLow(who.userId, org.organizationId, onTeam ? teamId : undefined));
        expect(res.text).not.toContain("secret role");
      }
    }
    await unchanged();
  });

  it("an org ADMIN, a pending org ADMIN and the OWNER pass", async () => {
    const pending = await org.addMember("ADMIN", { accepted: false });
    for (const who of [admin, pending, org.owner]) {
      expect(dataOf<{ id: string }[]>(await api(orgBase(), { key: who.apiKey })).map((r) => r.id)).toContain(orgRole.id);
      dataOf(await api(`${teamBase()}/${teamRole.id}`, { key: who.apiKey }));
    }
  });
});

describe("tenants", () => {
  it("another organization's OWNER gets the RolesGuard 403 on every route, and no data", async () => {
    for (const [method, path] of everyRoute()) {
      const res = await api(path, { method, key: otherOrg.owner.apiKey, ...bodyFor(method) });
      const expected = path.includes("/teams/")
        ? `RolesGuard - User is not part of the organization with id=${org.organizationId}.`
        : `RolesGuard - User is not a member of the organization with id=${org.organizationId}.`;
      expect(expectError(res, 403).error.message).toBe(expected);
      expect(res.text).not.toContain("secret role");
    }
    await unchanged();
  });

  it("our roles through the other organization's own paths are 404s; its team through our path is IsTeamInOrg's 404", async () => {
    const theirs = otherOrg.organizationId;
    const theirTeam = (await otherOrg.addTeam()).teamId;
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const res = await api(`${orgBase(theirs)}/${orgRole.id}`, { method, key: otherOrg.owner.apiKey, ...bodyFor(method) });
      expect(expectError(res, 404).error.message).toBe(`Role with id ${orgRole.id} within team id ${theirs} not found`);
      const viaTeam = await api(`${teamBase(theirs, theirTeam)}/${teamRole.id}`, { method, key: otherOrg.owner.apiKey, ...bodyFor(method) });
      expect(expectError(viaTeam, 404).error.message).toBe(`Role with id ${teamRole.id} within team id ${theirTeam} not found`);
    }
    const listed = dataOf<{ id: string }[]>(await api(orgBase(theirs), { key: otherOrg.owner.apiKey })).map((r) => r.id);
    expect(listed).toEqual(["admin_role", "member_role", "owner_role"]);

    for (const [method, path] of [
      ["GET", teamBase(org.organizationId, theirTeam)],
      ["POST", teamBase(org.organizationId, theirTeam)],
    ] as const) {
      const res = await api(path, { method, key: org.owner.apiKey, ...bodyFor(method) });
      expect(expectError(res, 404).error.message).toBe(`IsTeamInOrg - Team (${theirTeam}) not found.`);
    }
    expect(await sql`SELECT count(*)::int AS n FROM "Role" WHERE "teamId" = ${theirTeam}`).toEqual([{ n: 0 }]);
    await unchanged();
  });

  it("an unknown organization is the IsOrgGuard 403", async () => {
    const unknown = 2147483000;
    expect(expectError(await api(orgBase(unknown), { key: admin.apiKey }), 403).error.message).toBe(
      `IsOrgGuard - provided organization id=${unknown} does not represent any existing organization.`,
    );
  });
});

describe("plan and admin API", () => {
  it("a platform organization below SCALE gets the PlatformPlanGuard 403, on org and team roles", async () => {
    const essentials = await createOrganization({ isPlatform: true, plan: "ESSENTIALS" });
    const { teamId: essentialsTeam } = await essentials.addTeam();
    const message = `PlatformPlanGuard - organization with id=${essentials.organizationId} does not have required plan for this operation. Minimum plan is SCALE while the organization has ESSENTIALS.`;
    expect(expectError(await api(orgBase(essentials.organizationId), { key: essentials.owner.apiKey }), 403).error.message).toBe(message);
    const res = await api(teamBase(essentials.organizationId, essentialsTeam), { key: essentials.owner.apiKey, body: { name: "x" } });
    expect(expectError(res, 403).error.message).toBe(message);
  });

  it("an organization without the admin API gets the IsAdminAPIEnabledGuard 403", async () => {
    const closed = await createOrganization();
    await sql`UPDATE "OrganizationSettings" SET "isAdminAPIEnabled" = false WHERE "organizationId" = ${closed.organizationId}`;
    expect(expectError(await api(orgBase(closed.organizationId), { key: closed.owner.apiKey }), 403).error.message).toBe(
      "IsAdminAPIEnabledGuard - Organization does not have Admin API access, please contact https://cal.com/sales to upgrade",
    );
  });
});

describe("PBAC", () => {
  it("with PBAC on, an org MEMBER whose role grants role.read lists roles, an ADMIN whose role lacks it gets 403", async () => {
    const pbacOrg = await createOrganization();
    await enablePbac(pbacOrg.organizationId);
    const [reader, limitedAdmin] = await Promise.all([pbacOrg.addMember("MEMBER"), pbacOrg.addMember("ADMIN")]);
    const readerRole = await createCustomRoleRow(pbacOrg.organizationId, ["role.read"]);
    const bookingsOnly = await createCustomRoleRow(pbacOrg.organizationId, ["booking.read"]);
    await Promise.all([
      assignCustomRole(pbacOrg.organizationId, reader.userId, readerRole.id),
      assignCustomRole(pbacOrg.organizationId, limitedAdmin.userId, bookingsOnly.id),
    ]);

    const roles = dataOf<{ id: string }[]>(await api(orgBase(pbacOrg.organizationId), { key: reader.apiKey })).map((r) => r.id);
    expect(roles).toEqual(expect.arrayContaining([readerRole.id, bookingsOnly.id, "owner_role"]));
    expect(expectError(await api(orgBase(pbacOrg.organizationId), { key: limitedAdmin.apiKey }), 403).error.message).toBe(
      `PbacGuard - user with id=${limitedAdmin.userId} does not have the permissions role.read within organization with id=${pbacOrg.organizationId}.`,
    );
    // role.read is not role.create.
    const create = await api(orgBase(pbacOrg.organizationId), { key: reader.apiKey, body: { name: "Escalate", permissions: ["*.*"] } });
    expect(expectError(create, 403).error.message).toMatch(/^PbacGuard - .* role\.create /);
    expect(await sql`SELECT count(*)::int AS n FROM "Role" WHERE "teamId" = ${pbacOrg.organizationId} AND "name" = 'Escalate'`).toEqual([{ n: 0 }]);
    // Without a custom role, the SYSTEM role decides: member_role grants role.read, owner_role everything.
    const plain = await pbacOrg.addMember("MEMBER");
    dataOf(await api(orgBase(pbacOrg.organizationId), { key: plain.apiKey }));
    dataOf(await api(orgBase(pbacOrg.organizationId), { key: pbacOrg.owner.apiKey, body: { name: "By owner" } }), 201);
  });

  it("with PBAC on a team, a team member whose team role grants role.create creates that team's roles", async () => {
    const pbacOrg = await createOrganization();
    const creator = await pbacOrg.addMember("MEMBER");
    const { teamId: pbacTeam } = await pbacOrg.addTeam([{ userId: creator.userId, role: "MEMBER" }]);
    await enablePbac(pbacTeam);
    const roleMaker = await createCustomRoleRow(pbacTeam, ["role.create"]);
    await assignCustomRole(pbacTeam, creator.userId, roleMaker.id);

    const res = await api(teamBase(pbacOrg.organizationId, pbacTeam), { key: creator.apiKey, body: { name: "Made by PBAC", permissions: ["team.read"] } });
    expect(dataOf(res, 201)).toMatchObject({ teamId: pbacTeam, name: "Made by PBAC" });
    // Its grant is for the team only: the organization's roles stay ORG_ADMIN.
    expectError(await api(orgBase(pbacOrg.organizationId), { key: creator.apiKey, body: { name: "Org one" } }), 403);
  });
});
