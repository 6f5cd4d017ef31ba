import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { createOrganization, type OrganizationFixture, type OrgMember } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

// The org guards on the org-team routes: list/POST/PATCH/DELETE ORG_ADMIN, /me ORG_MEMBER, GET one and every
// membership route TEAM_ADMIN (org admins pass); a team of another org is IsTeamInOrg's 404; a user of another org
// is refused before anything is read; the platform plan (ESSENTIALS) except on invite.

let org: OrganizationFixture;
let orgAdmin: OrgMember;
let teamAdmin: OrgMember;
let teamMember: OrgMember;
let bystander: OrgMember;
let other: OrganizationFixture;
let teamId: number;
let foreignTeamId: number;

beforeAll(async () => {
  [org, other] = await Promise.all([createOrganization(), createOrganization()]);
  [orgAdmin, teamAdmin, teamMember, bystander] = await Promise.all([
    org.addMember("ADMIN"),
    org.addMember("MEMBER"),
    org.addMember("MEMBER"),
    org.addMember("MEMBER"),
  ]);
  teamId = (
    await org.addTeam([
      { userId: teamAdmin.userId, role: "ADMIN" },
      { userId: teamMember.userId, role: "MEMBER" },
    ])
  ).teamId;
  foreignTeamId = (await other.addTeam([{ userId: other.owner.userId, role: "OWNER" }])).teamId;
});

const orgPath = (suffix = "") => `/v2/organizations/${org.organizationId}/teams${suffix}`;
const teamPath = (suffix = "") => orgPath(`/${teamId}${suffix}`);
const tooLow = (userId: number, role: string, withTeam = true) =>
  `RolesGuard - user with id=${userId} does not have the minimum required role=${role} within organization with id=${org.organizationId}${withTeam ? ` team with id=${teamId}` : ""}.`;
const forbiddenMessage = async (path: string, key: string, method = "GET", body?: unknown) =>
  expectError(await api(path, { key, method, body }), 403, "ForbiddenException").error.message;

describe("credentials", () => {
  describe("GET /v2/organizations/{orgId}/teams", () => itRejectsMissingAndInvalidCredentials(() => ({ path: orgPath() })));
  describe("POST …/teams/{teamId}/memberships", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: teamPath("/memberships"), method: "POST", body: { userId: 1 } })));
  describe("POST …/teams/{teamId}/invite", () => itRejectsMissingAndInvalidCredentials(() => ({ path: teamPath("/invite"), method: "POST" })));
});

describe("org routes (ORG_ADMIN, /me ORG_MEMBER)", () => {
  it("an org MEMBER cannot list, create, update or delete teams, even as the team's ADMIN", async () => {
    expect(await forbiddenMessage(orgPath(), teamAdmin.apiKey)).toBe(tooLow(teamAdmin.userId, "ORG_ADMIN", false));
    expect(await forbiddenMessage(orgPath(), teamAdmin.apiKey, "POST", { name: "Nope" })).toBe(tooLow(teamAdmin.userId, "ORG_ADMIN", false));
    expect(await forbiddenMessage(teamPath(), teamAdmin.apiKey, "PATCH", { name: "Nope" })).toBe(tooLow(teamAdmin.userId, "ORG_ADMIN"));
    expect(await forbiddenMessage(teamPath(), teamAdmin.apiKey, "DELETE")).toBe(tooLow(teamAdmin.userId, "ORG_ADMIN"));
    dataOf(await api(orgPath("/me"), { key: bystander.apiKey }));
    dataOf(await api(orgPath(), { key: orgAdmin.apiKey }));
  });

  it("a user of another org gets RolesGuard's 403 on every route, and never the org's data", async () => {
    const key = other.owner.apiKey;
    expect(await forbiddenMessage(orgPath(), key)).toBe(`RolesGuard - User is not a member of the organization with id=${org.organizationId}.`);
    expect(await forbiddenMessage(orgPath("/me"), key)).toBe(`RolesGuard - User is not a member of the organization with id=${org.organizationId}.`);
    for (const [suffix, method] of [
      ["", "GET"],
      ["", "DELETE"],
      ["/memberships", "GET"],
      ["/invite", "POST"],
      ["/schedules", "GET"],
      [`/users/${teamMember.userId}/schedules`, "GET"],
    ] as const) {
      expect(await forbiddenMessage(teamPath(suffix), key, method)).toBe(`RolesGuard - User is not part of the organization with id=${org.organizationId}.`);
    }
  });

  it("an org's admin reaching another org's team through their own org gets IsTeamInOrg's 404", async () => {
    for (const suffix of ["", "/memberships", "/schedules"]) {
      const res = await api(orgPath(`/${foreignTeamId}${suffix}`), { key: org.owner.apiKey });
      expect(expectError(res, 404, "NotFoundException").error.message).toBe(`IsTeamInOrg - Team (${foreignTeamId}) not found.`);
    }
    const del = await api(orgPath(`/${foreignTeamId}`), { key: org.owner.apiKey, method: "DELETE" });
    expect(del.status).toBe(404);
  });

  it("a team id used as an org id is IsOrgGuard's 403", async () => {
    const res = await api(`/v2/organizations/${teamId}/teams`, { key: orgAdmin.apiKey });
    expect(expectError(res, 403, "ForbiddenException").error.message).toBe(
      `IsOrgGuard - provided organization id=${teamId} does not represent any existing organization.`,
    );
  });
});

describe("team routes (TEAM_ADMIN; org admins pass)", () => {
  it("GET one and the membership list: the team's ADMIN and org admins pass; the team's MEMBER and other org members do not", async () => {
    for (const suffix of ["", "/memberships", "/schedules"]) {
      dataOf(await api(teamPath(suffix), { key: teamAdmin.apiKey }));
      dataOf(await api(teamPath(suffix), { key: orgAdmin.apiKey }));
      expect(await forbiddenMessage(teamPath(suffix), teamMember.apiKey)).toBe(tooLow(teamMember.userId, "TEAM_ADMIN"));
      expect(await forbiddenMessage(teamPath(suffix), bystander.apiKey)).toBe(
        `RolesGuard - User is not part of the team with id=${teamId} and/or, is not an admin nor an owner of the organization with id=${org.organizationId}.`,
      );
    }
  });

  it("owners: a team ADMIN or an org ADMIN cannot grant, demote or remove OWNER; an org OWNER can (not the last one)", { timeout: 60_000 }, async () => {
    const [first, second] = await Promise.all([org.addMember("MEMBER"), org.addMember("MEMBER")]);
    for (const key of [teamAdmin.apiKey, orgAdmin.apiKey]) {
      const res = await api(teamPath("/memberships"), { key, body: { userId: first.userId, role: "OWNER" } });
      expect(expectError(res, 403, "ForbiddenException").error.message).toContain("Only a team OWNER can grant the OWNER role");
    }
    const owner1 = dataOf<{ id: number }>(await api(teamPath("/memberships"), { key: org.owner.apiKey, body: { userId: first.userId, role: "OWNER" } }), 201);
    const owner2 = dataOf<{ id: number }>(await api(teamPath("/memberships"), { key: org.owner.apiKey, body: { userId: second.userId, role: "OWNER" } }), 201);
    const demote = await api(teamPath(`/memberships/${owner1.id}`), { key: orgAdmin.apiKey, method: "PATCH", body: { role: "MEMBER" } });
    expect(demote.status).toBe(403);
    expect(
      dataOf<{ role: string }>(await api(teamPath(`/memberships/${owner1.id}`), { key: org.owner.apiKey, method: "PATCH", body: { role: "MEMBER" } })).role,
    ).toBe("MEMBER");
    const last = await api(teamPath(`/memberships/${owner2.id}`), { key: org.owner.apiKey, method: "DELETE" });
    expect(expectError(last, 400, "BadRequestException").error.message).toBe(
      `The team with id=${teamId} must keep at least one OWNER: its last OWNER cannot be demoted or removed.`,
    );
  });
});

describe("platform plan", () => {
  it("a platform org below ESSENTIALS is refused the org-team routes, except invite (no plan there)", { timeout: 60_000 }, async () => {
    const starter = await createOrganization({ isPlatform: true, plan: "STARTER" });
    const team = await starter.addTeam();
    const res = await api(`/v2/organizations/${starter.organizationId}/teams`, { key: starter.owner.apiKey });
    expect(expectError(res, 403, "ForbiddenException").error.message).toBe(
      `PlatformPlanGuard - organization with id=${starter.organizationId} does not have required plan for this operation. Minimum plan is ESSENTIALS while the organization has STARTER.`,
    );
    const invite = await api(`/v2/organizations/${starter.organizationId}/teams/${team.teamId}/invite`, { key: starter.owner.apiKey, method: "POST" });
    expect(invite.status).toBe(200);
  });
});
