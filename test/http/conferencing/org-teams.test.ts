// Orgs / Teams / Conferencing: a team's conferencing apps, behind the org-team guards (TEAM_ADMIN of the team or an
// org admin, ESSENTIALS for platform orgs), through the same OAuth round trip as a user's, stored on the team.
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError, expectSuccess } from "../../helpers/api";
import { authUrl, callback, connectZoom, credentialsOf, getNoFollow, stateOf } from "../../helpers/conferencing";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, createOrgTeamWithRoles, type OrgMember, unique, withDb } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

let orgId: number;
let teamId: number;
let owner: OrgMember;
let teamAdmin: OrgMember;
let member: OrgMember;
let prefix: string;

beforeAll(async () => {
  ({ orgId, teamId, owner, teamAdmin, member } = await createOrgTeamWithRoles());
  prefix = `/v2/organizations/${orgId}/teams/${teamId}/conferencing`;
});

describe("credentials and guards", () => {
  itRejectsMissingAndInvalidCredentials(() => ({ path: prefix }));

  it("a team MEMBER is refused (TEAM_ADMIN), a team admin and an org owner pass", async () => {
    const refused = await api(prefix, { key: member.apiKey });
    expect(expectError(refused, 403).error.message).toMatch(/^RolesGuard - user with id=\d+ does not have the minimum required role=TEAM_ADMIN/);
    expectSuccess(await api(prefix, { key: teamAdmin.apiKey }));
    expectSuccess(await api(prefix, { key: owner.apiKey }));
  });
});

describe("a team's apps", () => {
  it("lists, connects Zoom by OAuth (stored on the team), sets and reads the default, disconnects", async () => {
    const listed = await api(prefix, { key: teamAdmin.apiKey });
    expect(contractProblems("OrganizationsConferencingController_listTeamConferencingApps", 200, listed.body)).toEqual([]);
    expect(listed.body.data).toEqual([]);

    const url = await authUrl(teamAdmin.apiKey, "zoom", prefix);
    expect(new URL(url).searchParams.get("redirect_uri")).toBe("http://api.test/v2/conferencing/zoom/oauth/callback");
    await connectZoom(teamAdmin.apiKey, unique("team"), prefix);
    const [credential] = await credentialsOf({ teamId });
    expect(credential).toMatchObject({ type: "zoom_video", teamId, userId: null });
    expect(await credentialsOf({ userId: teamAdmin.userId })).toEqual([]);

    const after = await api(prefix, { key: teamAdmin.apiKey });
    expect(contractProblems("OrganizationsConferencingController_listTeamConferencingApps", 200, after.body)).toEqual([]);
    expect(after.body.data).toEqual([{ id: credential!.id, type: "zoom_video", userId: null, invalid: false }]);

    const set = await api(`${prefix}/zoom/default`, { method: "POST", key: teamAdmin.apiKey });
    expect(contractProblems("OrganizationsConferencingController_setTeamDefaultApp", 200, set.body)).toEqual([]);
    const got = await api(`${prefix}/default`, { key: teamAdmin.apiKey });
    expect(contractProblems("OrganizationsConferencingController_getTeamDefaultApp", 200, got.body)).toEqual([]);
    expect(dataOf(got)).toEqual({ appSlug: "zoom" });
    const metadata = await withDb((db) => db.team.findUniqueOrThrow({ where: { id: teamId }, select: { metadata: true } }));
    expect(metadata.metadata).toEqual({ defaultConferencingApp: { appSlug: "zoom" } });

    const gone = await api(`${prefix}/zoom/disconnect`, { method: "DELETE", key: teamAdmin.apiKey });
    expect(contractProblems("OrganizationsConferencingController_disconnectTeamApp", 200, gone.body)).toEqual([]);
    expect(await credentialsOf({ teamId })).toEqual([]);
    expect((await api(`${prefix}/default`, { key: teamAdmin.apiKey })).body).toEqual({ status: "success" });
  });

  it("Google Meet needs the team's Google Calendar, and connects once", async () => {
    const connect = () => api(`${prefix}/google-meet/connect`, { method: "POST", key: owner.apiKey });
    expect(expectError(await connect(), 400).error.message).toBe("Google Meet app requires a Google Calendar connection");
    await withDb((db) => db.credential.create({ data: { type: "google_calendar", key: {}, teamId, appId: "google-calendar" } }));
    const res = await connect();
    expect(contractProblems("OrganizationsConferencingController_connectTeamApp", 200, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({ type: "google_video", userId: null });
    expect(expectError(await connect(), 400).error.message).toBe("Google Meet is already connected for this team.");
  });

  it("a team Zoom location is accepted once the team has Zoom", async () => {
    const body = {
      lengthInMinutes: 30,
      title: "Team call",
      slug: unique("tz"),
      schedulingType: "collective",
      locations: [{ type: "integration", integration: "zoom" }],
    };
    const path = `/v2/organizations/${orgId}/teams/${teamId}/event-types`;
    expect(expectError(await api(path, { method: "POST", key: owner.apiKey, version: "2024-06-14", body }), 400).error.message).toBe(
      "locations - zoom not connected.",
    );
    await connectZoom(owner.apiKey, unique("teamloc"), prefix);
    expectSuccess(await api(path, { method: "POST", key: owner.apiKey, version: "2024-06-14", body }), 201);
  });
});

describe("the team's OAuth callback", () => {
  it("the authenticated team route saves with the caller's own state, 301 to returnTo", async () => {
    const state = stateOf(await authUrl(owner.apiKey, "msteams", prefix));
    const res = await getNoFollow(`${prefix}/msteams/oauth/callback?${new URLSearchParams({ state, code: unique("direct") })}`, owner.apiKey);
    expect(res.status, res.text).toBe(301);
    expect(res.headers.get("location")).toBe("https://app.example.com/ok");
    expect((await credentialsOf({ teamId })).map((c) => c.type)).toContain("office365_video");
  });

  it("another caller's state, or a state for another team, goes to onErrorReturnTo", async () => {
    const state = stateOf(await authUrl(owner.apiKey, "zoom", prefix));
    const res = await getNoFollow(`${prefix}/zoom/oauth/callback?${new URLSearchParams({ state, code: unique("other") })}`, teamAdmin.apiKey);
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("https://app.example.com/failed");
  });

  it("a state whose user lost the admin role no longer connects the team", async () => {
    const org = await createOrganization();
    const admin = await org.addMember("MEMBER");
    const team = await org.addTeam([{ userId: admin.userId, role: "ADMIN" }]);
    const teamPrefix = `/v2/organizations/${org.organizationId}/teams/${team.teamId}/conferencing`;
    const state = stateOf(await authUrl(admin.apiKey, "zoom", teamPrefix));
    await withDb((db) => db.membership.updateMany({ where: { teamId: team.teamId, userId: admin.userId }, data: { role: "MEMBER" } }));
    const res = await callback("zoom", { state, code: unique("demoted") });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("https://app.example.com/failed");
    expect(await credentialsOf({ teamId: team.teamId })).toEqual([]);
  });
});
