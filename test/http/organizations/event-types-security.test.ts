// The org guards in front of Orgs / Teams / Event Types (and their private links): IsOrgGuard, RolesGuard
// TEAM_ADMIN with the org-admin bypass, PlatformPlanGuard ESSENTIALS, IsAdminAPIEnabledGuard, IsTeamInOrg; the
// public list's IsOrgGuard + IsTeamInOrg + IsAdminAPIEnabledGuard; ORG_ADMIN on the org-wide list.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { createOAuthClient, createOrganization, createTeamEventTypeRow, type OrganizationFixture, type OrgMember, withDb } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

vi.setConfig({ testTimeout: 60_000 });

let org: OrganizationFixture;
let orgAdmin: OrgMember; // org ADMIN, in no team
let teamAdmin: OrgMember; // org MEMBER, team ADMIN
let member: OrgMember; // org MEMBER, team MEMBER
let bystander: OrgMember; // org MEMBER, not in the team
let stranger: OrganizationFixture; // another org; its owner is in no team of `org`
let teamId: number;
let foreignTeamId: number; // a team of the other org
let eventTypeId: number;
let linkId: string;

beforeAll(async () => {
  [org, stranger] = await Promise.all([createOrganization(), createOrganization()]);
  [orgAdmin, teamAdmin, member, bystander] = await Promise.all([
    org.addMember("ADMIN"),
    org.addMember("MEMBER"),
    org.addMember("MEMBER"),
    org.addMember("MEMBER"),
  ]);
  teamId = (await org.addTeam([{ userId: teamAdmin.userId, role: "ADMIN" }, { userId: member.userId }])).teamId;
  foreignTeamId = (await stranger.addTeam([{ userId: stranger.owner.userId, role: "OWNER" }])).teamId;
  eventTypeId = (await createTeamEventTypeRow(teamId, "COLLECTIVE", [{ userId: member.userId }])).id;
  const link = await api(`/v2/organizations/${org.organizationId}/teams/${teamId}/event-types/${eventTypeId}/private-links`, {
    method: "POST",
    key: teamAdmin.apiKey,
    body: { maxUsageCount: 3 },
  });
  linkId = dataOf<LooseBody>(link, 201).linkId;
}, 120_000);

const PHONE_CALL = { yourPhoneNumber: "+14155550100", numberToCall: "+14155550101", calApiKey: "cal_x", enabled: true, templateType: "CUSTOM_TEMPLATE" };

/** The team routes, on `team` (this org's team unless told) of `orgId` (this org unless told); labels before set-up. */
const ROUTES = (team = teamId, orgId?: number) => {
  const base = `/v2/organizations/${orgId ?? org?.organizationId}/teams/${team}/event-types`;
  return [
    { label: "POST", path: base, method: "POST", body: { lengthInMinutes: 30, title: "X", slug: `x-${Date.now()}`, schedulingType: "collective" } },
    { label: "GET one", path: `${base}/${eventTypeId}`, method: "GET" },
    { label: "PATCH", path: `${base}/${eventTypeId}`, method: "PATCH", body: { description: "changed" } },
    { label: "DELETE", path: `${base}/${eventTypeId}`, method: "DELETE" },
    { label: "create-phone-call", path: `${base}/${eventTypeId}/create-phone-call`, method: "POST", body: PHONE_CALL },
    { label: "POST private link", path: `${base}/${eventTypeId}/private-links`, method: "POST", body: { maxUsageCount: 2 } },
    { label: "GET private links", path: `${base}/${eventTypeId}/private-links`, method: "GET" },
    { label: "PATCH private link", path: `${base}/${eventTypeId}/private-links/${linkId}`, method: "PATCH", body: { maxUsageCount: 5 } },
    { label: "DELETE private link", path: `${base}/${eventTypeId}/private-links/${linkId}`, method: "DELETE" },
  ];
};

for (const index of ROUTES().keys()) {
  describe(`${ROUTES()[index]!.label} /v2/organizations/{orgId}/teams/{teamId}/event-types…`, () => {
    const call = () => ROUTES()[index]!;
    itRejectsMissingAndInvalidCredentials(() => call());

    it("403 for a plain team member, for an org member outside the team and for a user of another org", async () => {
      const asMember = await api(call().path, { ...call(), key: member.apiKey });
      expect(expectError(asMember, 403, "ForbiddenException").error.message).toBe(
        `RolesGuard - user with id=${member.userId} does not have the minimum required role=TEAM_ADMIN within organization with id=${org.organizationId} team with id=${teamId}.`,
      );
      const asBystander = await api(call().path, { ...call(), key: bystander.apiKey });
      expect(expectError(asBystander, 403).error.message).toBe(
        `RolesGuard - User is not part of the team with id=${teamId} and/or, is not an admin nor an owner of the organization with id=${org.organizationId}.`,
      );
      const asStranger = await api(call().path, { ...call(), key: stranger.owner.apiKey });
      expect(expectError(asStranger, 403).error.message).toBe(`RolesGuard - User is not part of the organization with id=${org.organizationId}.`);
    });

    it("404 IsTeamInOrg for a team of another org, even for an org admin", async () => {
      const foreign = ROUTES(foreignTeamId)[index]!;
      const res = await api(foreign.path, { ...foreign, key: orgAdmin.apiKey });
      expect(expectError(res, 404, "NotFoundException").error.message).toBe(`IsTeamInOrg - Team (${foreignTeamId}) not found.`);
    });
  });
}

describe("who passes", () => {
  it("the team admin, an org admin outside the team and the org owner", async () => {
    for (const caller of [teamAdmin, orgAdmin, org.owner]) {
      const read = await api(`/v2/organizations/${org.organizationId}/teams/${teamId}/event-types/${eventTypeId}`, { key: caller.apiKey });
      expect(dataOf<LooseBody>(read).id).toBe(eventTypeId);
      const links = await api(`/v2/organizations/${org.organizationId}/teams/${teamId}/event-types/${eventTypeId}/private-links`, { key: caller.apiKey });
      expect(dataOf<LooseBody[]>(links).map((l) => l.linkId)).toContain(linkId);
    }
  });

  it("an org owner cannot reach another org's team through that org's id", async () => {
    const viaOtherOrg = ROUTES(foreignTeamId, stranger.organizationId)[1]!;
    const res = await api(viaOtherOrg.path, { key: org.owner.apiKey });
    expect(expectError(res, 403).error.message).toBe(`RolesGuard - User is not part of the organization with id=${stranger.organizationId}.`);
  });

  it("an unknown organization is IsOrgGuard's 403, never a 404", async () => {
    const res = await api(`/v2/organizations/2147483000/teams/${teamId}/event-types/${eventTypeId}`, { key: orgAdmin.apiKey });
    expect(expectError(res, 403).error.message).toBe("IsOrgGuard - provided organization id=2147483000 does not represent any existing organization.");
  });

  it("on a platform org, its OAuth client's credentials act for the org", async () => {
    const platform = await createOrganization({ isPlatform: true });
    const team = await platform.addTeam([{ userId: platform.owner.userId, role: "OWNER" }]);
    const client = await createOAuthClient(platform.owner.apiKey);
    const res = await api(`/v2/organizations/${platform.organizationId}/teams/${team.teamId}/event-types`, {
      method: "POST",
      headers: client.headers,
      body: { lengthInMinutes: 30, title: "P", slug: `p-${Date.now()}`, schedulingType: "collective" },
    });
    expect(dataOf<LooseBody>(res, 201).teamId).toBe(team.teamId);
  });

  it("a platform org without a subscription is refused by PlatformPlanGuard", async () => {
    const platform = await createOrganization({ isPlatform: true, plan: null });
    const team = await platform.addTeam([{ userId: platform.owner.userId, role: "OWNER" }]);
    const res = await api(`/v2/organizations/${platform.organizationId}/teams/${team.teamId}/event-types`, {
      method: "POST",
      key: platform.owner.apiKey,
      body: { lengthInMinutes: 30, title: "P", slug: `p-${Date.now()}`, schedulingType: "collective" },
    });
    expect(expectError(res, 403).error.message).toBe(`PlatformPlanGuard - No platform subscription found for organization with id=${platform.organizationId}.`);
  });
});

describe("GET /v2/organizations/{orgId}/teams/{teamId}/event-types (public)", () => {
  it("needs no credentials and ignores them", async () => {
    for (const key of [undefined, stranger.owner.apiKey, "cal_00000000000000000000000000000000"]) {
      const res = await api(`/v2/organizations/${org.organizationId}/teams/${teamId}/event-types`, { key });
      expect(dataOf<LooseBody[]>(res).map((e) => e.id)).toContain(eventTypeId);
    }
  });

  it("an unknown org is a 403, another org's team a 404, an org without the admin API a 403", async () => {
    const unknown = await api(`/v2/organizations/2147483000/teams/${teamId}/event-types`);
    expect(expectError(unknown, 403).error.message).toBe("IsOrgGuard - provided organization id=2147483000 does not represent any existing organization.");
    const foreign = await api(`/v2/organizations/${org.organizationId}/teams/${foreignTeamId}/event-types`);
    expect(expectError(foreign, 404).error.message).toBe(`IsTeamInOrg - Team (${foreignTeamId}) not found.`);
    const closed = await createOrganization();
    const closedTeam = await closed.addTeam();
    await withDb((db) => db.organizationSettings.update({ where: { organizationId: closed.organizationId }, data: { isAdminAPIEnabled: false } }));
    const res = await api(`/v2/organizations/${closed.organizationId}/teams/${closedTeam.teamId}/event-types`);
    expect(expectError(res, 403).error.message).toBe(
      "IsAdminAPIEnabledGuard - Organization does not have Admin API access, please contact https://cal.com/sales to upgrade",
    );
  });
});

describe("GET /v2/organizations/{orgId}/teams/event-types (org admins)", () => {
  const path = () => `/v2/organizations/${org.organizationId}/teams/event-types`;
  itRejectsMissingAndInvalidCredentials(() => ({ path: path() }));

  it("403 for org members and for a user of another org; 200 for the org admin", async () => {
    const asMember = await api(path(), { key: member.apiKey });
    expect(expectError(asMember, 403).error.message).toBe(
      `RolesGuard - user with id=${member.userId} does not have the minimum required role=ORG_ADMIN within organization with id=${org.organizationId}.`,
    );
    const asStranger = await api(path(), { key: stranger.owner.apiKey });
    expect(expectError(asStranger, 403).error.message).toBe(`RolesGuard - User is not a member of the organization with id=${org.organizationId}.`);
    const asAdmin = await api(path(), { key: orgAdmin.apiKey });
    expect(dataOf<LooseBody[]>(asAdmin).map((e) => e.id)).toContain(eventTypeId);
  });
});
